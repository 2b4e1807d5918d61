import type { Translate } from "@/lib/i18n/i18n.ts";

/** The page footer. */
export function SiteFooter({ t }: { t: Translate }) {
  return (
    <footer class="site-footer">
      <div class="wrap">{t("footer.text")}</div>
    </footer>
  );
}
