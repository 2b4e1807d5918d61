import { lessonPreviewHtml } from "@/components/authoring/LessonPreview.tsx";
import type { FileCheck } from "@/lib/authoring/editor_check.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import { problemText } from "@/lib/content/source.ts";
import type { EditorCheck, FileEditorLabels } from "@/islands/FileEditor.tsx";

/** The editor island's text in the page's language. */
export function editorLabels(t: Translate): FileEditorLabels {
  return {
    text: t("authoring.editor.text"),
    save: t("authoring.editor.save"),
    saving: t("authoring.editor.saving"),
    saved: t("authoring.editor.saved", { time: "{time}" }),
    unsaved: t("authoring.editor.unsaved"),
    failed: t("authoring.editor.failed"),
    checking: t("authoring.editor.checking"),
    problemsNone: t("authoring.editor.problems_none"),
    problemsCount: t("authoring.editor.problems_count", { count: "{count}" }),
    otherProblems: t("authoring.editor.other_problems", { count: "{count}" }),
    line: t("authoring.editor.line", { line: "{line}" }),
    preview: t("authoring.editor.preview"),
    verdicts: t("authoring.editor.verdicts"),
    passed: t("authoring.editor.passed"),
    notPassed: t("authoring.editor.not_passed"),
    graph: t("authoring.graph.title"),
    graphDesc: t("authoring.graph.desc"),
    unreachable: t("authoring.graph.unreachable"),
    deadEnd: t("authoring.graph.dead_end"),
    best: t("authoring.graph.best"),
    ending: t("authoring.graph.ending"),
    conflictTitle: t("authoring.conflict_save.title", { by: "{by}" }),
    conflictBody: t("authoring.conflict_save.body"),
    conflictDeleted: t("authoring.conflict_save.deleted"),
    useTheirs: t("authoring.conflict_save.use_theirs"),
    keepMine: t("authoring.conflict_save.keep_mine"),
    separator: t("authoring.separator"),
  };
}

/** A file's check as the editor island shows it. */
export function editorCheck(check: FileCheck, t: Translate): EditorCheck {
  return {
    problems: check.problems.map((p) => ({
      line: p.line,
      col: p.col,
      message: problemText(t, p),
    })),
    otherProblems: check.otherProblems,
    verdicts: check.verdicts.map((v) => ({
      line: v.line,
      what: problemText(t, v.what),
      passed: v.passed,
      detail: v.blockers.length > 0
        ? t("authoring.verdict.red_lines", {
          list: v.blockers.join(t("authoring.separator")),
        })
        : v.redLinesOnly
        ? t("authoring.verdict.no_red_line")
        : t("authoring.verdict.score", {
          score: v.score,
          pass: v.passPercent,
          missing: v.missing.join(t("authoring.separator")) || "—",
        }),
    })),
    graph: check.graph ?? null,
    previewHtml: check.preview ? lessonPreviewHtml(check.preview, t) : null,
  };
}
