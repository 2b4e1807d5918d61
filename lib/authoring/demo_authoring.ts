/**
 * Demo data for the workspace: on first start the demo trainer publishes a
 * second version of the onboarding course through the real draft store and
 * publish function, with a change note, so the versions page, its diff and
 * rollback have something real to show. The change is a genuine improvement:
 * a tip in the return-rules lesson with the house times for the whole
 * return (review, warehouse, refund), written with the policy placeholders so
 * it follows the policy file.
 */
import { saveDraft } from "./draft_store.ts";
import { listVersionNotes } from "./version_note_store.ts";
import { contentRoot, openWorkspace, publishWorkspace } from "./workspace.ts";

const LESSON = "02-core-skills/12-return-rules.md";
/** The paragraph the tip goes after. */
const ANCHOR = "- **只退不换**：";
const TIP = `
:::tip
**一次退货的三个时限**：退货申请在服务时间内 {{return-review}}内审核完；商品送到仓库后 {{warehouse-confirm}}内确认收货；确认后 {{refund}}原路到账。跟顾客说清每一步，比只说“尽快处理”更让人安心。
:::
`;
const NOTE =
  "七日无理由退货一节补充一次退货的三个时限（审核、仓库确认、退款到账），数字取自政策文件。";

/**
 * Publishes the demo change as `actorId` unless a trainer already published
 * this course in the browser. Returns the new version, or null when nothing
 * was done (already seeded, lesson not found, or the check refused it).
 */
export async function seedDemoAuthoring(
  kv: Deno.Kv,
  courseId: string,
  actorId: string,
  now: Date,
): Promise<number | null> {
  const notes = await listVersionNotes(kv, courseId);
  if (notes.some((n) => n.origin !== "files")) return null;
  const ws = await openWorkspace(kv, courseId, contentRoot());
  if (!ws) return null;
  const path = `${ws.courseDir}/${LESSON}`;
  const text = ws.files[path];
  if (text === undefined) return null;
  // After the "exchange" bullet of the 7-day section; at the end of the
  // lesson if a review has reworded it.
  const at = text.indexOf(ANCHOR);
  const end = at < 0 ? text.length : text.indexOf("\n", at) + 1;
  const saved = await saveDraft(
    kv,
    {
      courseId,
      path,
      text: `${text.slice(0, end)}${TIP}${text.slice(end)}`,
      basedOn: ws.drafts.find((d) => d.path === path)?.versionstamp ?? null,
    },
    actorId,
    now,
  );
  if (!saved.ok) return null;
  const draft = await openWorkspace(kv, courseId, contentRoot());
  const result = await publishWorkspace(kv, draft!, NOTE, actorId, now);
  return result.published ? result.version : null;
}
