import type { Translate } from "@/lib/i18n/i18n.ts";

/** Marks a page as a preview: scored as a learner's, counting toward nothing. */
export function PreviewBanner({ t }: { t: Translate }) {
  return (
    <p class="notice preview-banner" role="note">
      <strong>{t("preview.label")}</strong> {t("preview.banner")}
    </p>
  );
}
