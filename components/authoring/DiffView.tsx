import type { FileDiff } from "@/lib/authoring/version_diff.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";

/** A per-file text diff: removed lines struck, added lines marked, with line numbers. */
export function DiffView({ diffs, t }: { diffs: FileDiff[]; t: Translate }) {
  if (diffs.length === 0) return <p>{t("authoring.diff.none")}</p>;
  return (
    <div class="diff">
      {diffs.map((d) => (
        <section key={d.path} class="diff-file">
          <h3>
            <code>{d.path}</code>{" "}
            <span class="meta">
              {t(`authoring.change.${d.status}`)} +{d.added} −{d.removed}
            </span>
          </h3>
          {d.hunks.map((h, i) => (
            <div class="table-wrap" tabIndex={0} key={i}>
              <table class="diff-hunk">
                <caption class="sr-only">
                  {t("authoring.diff.hunk", { n: i + 1, path: d.path })}
                </caption>
                <thead class="sr-only">
                  <tr>
                    <th scope="col">{t("authoring.diff.old_line")}</th>
                    <th scope="col">{t("authoring.diff.new_line")}</th>
                    <th scope="col">{t("authoring.diff.change")}</th>
                    <th scope="col">{t("authoring.diff.text")}</th>
                  </tr>
                </thead>
                <tbody>
                  {h.map((l, j) => (
                    <tr key={j} class={`diff-${l.kind}`}>
                      <td class="ln">{l.oldLine ?? ""}</td>
                      <td class="ln">{l.newLine ?? ""}</td>
                      <td class="mark">
                        {l.kind === "added"
                          ? (
                            <>
                              +<span class="sr-only">
                                {t("authoring.diff.added")}
                              </span>
                            </>
                          )
                          : l.kind === "removed"
                          ? (
                            <>
                              −<span class="sr-only">
                                {t("authoring.diff.removed")}
                              </span>
                            </>
                          )
                          : ""}
                      </td>
                      <td class="code">
                        {l.kind === "removed"
                          ? <del>{l.text}</del>
                          : l.kind === "added"
                          ? <ins>{l.text}</ins>
                          : l.text}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
