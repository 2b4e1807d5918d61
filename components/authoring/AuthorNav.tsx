import type { Translate } from "@/lib/i18n/i18n.ts";

/** The workspace's sections: the tree, publishing, versions, zip. */
export function AuthorNav(
  { t, course, current }: {
    t: Translate;
    course: string;
    current: "tree" | "publish" | "versions" | "zip" | "edit";
  },
) {
  const links = [
    ["tree", `/author/${course}`, "authoring.nav.tree"],
    ["publish", `/author/${course}/publish`, "authoring.nav.publish"],
    ["versions", `/author/${course}/versions`, "authoring.nav.versions"],
    ["zip", `/author/${course}/zip`, "authoring.nav.zip"],
    // GIFT import/export and item analysis (routes/author/gift, items).
    ["gift", `/author/gift?course=${course}`, "gift.title"],
    ["items", `/author/items?course=${course}`, "items.title"],
  ] as const;
  return (
    <nav class="admin-nav" aria-label={t("authoring.nav.label")}>
      <a href="/author">{t("authoring.nav.all")}</a>
      {links.map(([key, href, label]) => (
        <a
          key={key}
          href={href}
          aria-current={current === key ? "page" : undefined}
        >
          {t(label)}
        </a>
      ))}
    </nav>
  );
}
