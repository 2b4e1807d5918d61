import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { csrfHeader } from "@/lib/http/csrf_client.ts";
import type { ScenarioGraph } from "@/lib/authoring/scenario_graph.ts";

/** A problem as content:check reports it. */
export interface EditorProblem {
  line: number;
  col: number;
  message: string;
}

/** A model answer's verdict, already in words. */
export interface EditorVerdict {
  line: number;
  what: string;
  passed: boolean;
  /** "82 / 60", or the red lines crossed. */
  detail: string;
}

/** What the check endpoint answers (and the page renders first). */
export interface EditorCheck {
  problems: EditorProblem[];
  otherProblems: number;
  verdicts: EditorVerdict[];
  graph: ScenarioGraph | null;
  /** Sanitized lesson preview HTML (lessons only). */
  previewHtml: string | null;
}

/** Translated text (the island holds no catalog); `{n}`-style slots filled here. */
export interface FileEditorLabels {
  text: string;
  save: string;
  saving: string;
  /** With `{time}`. */
  saved: string;
  unsaved: string;
  failed: string;
  checking: string;
  problemsNone: string;
  /** With `{count}`. */
  problemsCount: string;
  /** With `{count}`. */
  otherProblems: string;
  /** With `{line}`. */
  line: string;
  preview: string;
  verdicts: string;
  passed: string;
  notPassed: string;
  graph: string;
  graphDesc: string;
  unreachable: string;
  deadEnd: string;
  best: string;
  ending: string;
  /** With `{by}`. */
  conflictTitle: string;
  conflictBody: string;
  conflictDeleted: string;
  useTheirs: string;
  keepMine: string;
  /** Joins a list ("、" or ", "). */
  separator: string;
}

export interface FileEditorProps {
  checkUrl: string;
  saveUrl: string;
  path: string;
  text: string;
  basedOn: string | null;
  initial: EditorCheck;
  labels: FileEditorLabels;
  /** 1-based line to put the cursor on at load (from a problem link). */
  focusLine?: number;
  csrfToken: string;
}

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (m, k) => k in values ? String(values[k]) : m);

/** Waits after the last keystroke before checking and before saving. */
const CHECK_DELAY_MS = 600;
const SAVE_DELAY_MS = 2000;

interface Conflict {
  theirs:
    | { text: string | null; updatedBy: string; versionstamp: string }
    | null;
}

/** Puts the cursor at the start of `line` and scrolls it into view. */
function goToLine(area: HTMLTextAreaElement, line: number) {
  const lines = area.value.split("\n");
  const at = lines.slice(0, Math.max(0, line - 1)).reduce(
    (n, l) => n + l.length + 1,
    0,
  );
  area.focus();
  area.setSelectionRange(at, at + (lines[line - 1]?.length ?? 0));
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

/**
 * A content file's editor: the text, checked as the trainer types by the
 * server's content:check code (problems at their line, a lesson's preview as
 * learners see it, model answers graded, a scenario's graph), saved as a
 * draft after a pause or on Ctrl+S. Nothing reloads, so the cursor and the
 * scroll position stay where they are. A save another trainer beat shows
 * their text; neither is lost (the server keeps a conflict copy).
 */
export default function FileEditor(props: FileEditorProps) {
  const { labels } = props;
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLPreElement>(null);
  const text = useSignal(props.text);
  const basedOn = useSignal(props.basedOn);
  const check = useSignal<EditorCheck>(props.initial);
  const checking = useSignal(false);
  const status = useSignal<string>("");
  const dirty = useSignal(false);
  const conflict = useSignal<Conflict | null>(null);
  const timers = useRef<{
    check?: ReturnType<typeof setTimeout>;
    save?: ReturnType<typeof setTimeout>;
    seq: number;
    /** A save is in flight; `again` asks for another once it returns. */
    saving?: boolean;
    again?: boolean;
  }>({
    seq: 0,
  });

  useEffect(() => {
    if (props.focusLine && area.current) {
      goToLine(area.current, props.focusLine);
    }
  }, []);

  async function runCheck() {
    const seq = ++timers.current.seq;
    checking.value = true;
    try {
      const res = await fetch(props.checkUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...csrfHeader() },
        body: JSON.stringify({ path: props.path, text: text.value }),
      });
      if (res.ok && seq === timers.current.seq) check.value = await res.json();
    } finally {
      if (seq === timers.current.seq) checking.value = false;
    }
  }

  async function save(force = false) {
    if (conflict.value && !force) return;
    clearTimeout(timers.current.save);
    // One save at a time: a second one sent before the first returns would
    // name the same versionstamp and conflict with this editor's own save.
    if (timers.current.saving) {
      timers.current.again = true;
      return;
    }
    timers.current.saving = true;
    status.value = labels.saving;
    const sent = text.value;
    try {
      const res = await fetch(props.saveUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...csrfHeader() },
        body: JSON.stringify({
          path: props.path,
          text: sent,
          basedOn: basedOn.value,
        }),
      });
      const body = await res.json();
      if (res.ok && body.ok) {
        basedOn.value = body.versionstamp;
        conflict.value = null;
        if (text.value !== sent) {
          timers.current.again = true;
          return;
        }
        dirty.value = false;
        status.value = fill(labels.saved, {
          time: new Date().toLocaleTimeString([], {
            hour: "2-digit",
            minute: "2-digit",
          }),
        });
      } else if (res.status === 409) {
        conflict.value = { theirs: body.theirs };
        status.value = labels.unsaved;
      } else {
        status.value = labels.failed;
      }
    } catch {
      status.value = labels.failed;
    } finally {
      timers.current.saving = false;
      if (timers.current.again) {
        timers.current.again = false;
        if (!conflict.value) save();
      }
    }
  }

  function onInput(e: Event) {
    text.value = (e.target as HTMLTextAreaElement).value;
    dirty.value = true;
    status.value = labels.unsaved;
    clearTimeout(timers.current.check);
    clearTimeout(timers.current.save);
    timers.current.check = setTimeout(runCheck, CHECK_DELAY_MS);
    if (!conflict.value) {
      timers.current.save = setTimeout(() => save(), SAVE_DELAY_MS);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
      e.preventDefault();
      save();
    }
  }

  function onScroll() {
    if (gutter.current && area.current) {
      gutter.current.scrollTop = area.current.scrollTop;
    }
  }

  const c = check.value;
  const bad = new Set(c.problems.map((p) => p.line));
  const lineCount = text.value.split("\n").length;
  const theirs = conflict.value?.theirs;
  return (
    <div class="file-editor">
      <form
        method="post"
        action={props.saveUrl}
        class="editor-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="path" value={props.path} />
        <input type="hidden" name="basedOn" value={basedOn.value ?? ""} />
        <label for="editor-text">{labels.text}</label>
        <div class="editor-box">
          <pre class="editor-gutter" aria-hidden="true" ref={gutter}>
            {Array.from({ length: lineCount }, (_, i) => (
              <span key={i} class={bad.has(i + 1) ? "bad-line" : undefined}>
                {i + 1}
                {"\n"}
              </span>
            ))}
          </pre>
          <textarea
            id="editor-text"
            name="text"
            ref={area}
            value={text.value}
            onInput={onInput}
            onKeyDown={onKeyDown}
            onScroll={onScroll}
            spellcheck={false}
            rows={24}
            aria-describedby="editor-problems-summary"
            aria-invalid={c.problems.length > 0 ? "true" : undefined}
          />
        </div>
        <p class="editor-actions">
          <button type="submit">{labels.save}</button>
          <span class="autosave" role="status" aria-live="polite">
            {status.value}
          </span>
        </p>
      </form>

      {conflict.value && (
        <section class="feedback wrong conflict" role="alert">
          <h2>{fill(labels.conflictTitle, { by: theirs?.updatedBy ?? "" })}</h2>
          <p>{labels.conflictBody}</p>
          {theirs?.text != null
            ? <pre class="their-text" tabIndex={0}>{theirs.text}</pre>
            : <p>{labels.conflictDeleted}</p>}
          <p class="dialog-actions">
            <button
              type="button"
              class="secondary"
              onClick={() => {
                text.value = theirs?.text ?? "";
                basedOn.value = theirs?.versionstamp ?? null;
                conflict.value = null;
                dirty.value = false;
                runCheck();
              }}
            >
              {labels.useTheirs}
            </button>
            <button
              type="button"
              onClick={() => {
                basedOn.value = theirs?.versionstamp ?? null;
                save(true);
              }}
            >
              {labels.keepMine}
            </button>
          </p>
        </section>
      )}

      <section class="editor-check" aria-labelledby="editor-problems-summary">
        <p
          id="editor-problems-summary"
          class={c.problems.length ? "feedback wrong" : "feedback correct"}
        >
          {checking.value
            ? labels.checking
            : c.problems.length
            ? fill(labels.problemsCount, { count: c.problems.length })
            : labels.problemsNone}
          {c.otherProblems > 0 && (
            <>{fill(labels.otherProblems, { count: c.otherProblems })}</>
          )}
        </p>
        {c.problems.length > 0 && (
          <ul class="problem-lines">
            {c.problems.map((p, i) => (
              <li key={i}>
                <button
                  type="button"
                  class="link-button"
                  onClick={() => area.current && goToLine(area.current, p.line)}
                >
                  {fill(labels.line, { line: p.line })}
                </button>{" "}
                {p.message}
              </li>
            ))}
          </ul>
        )}
      </section>

      {c.verdicts.length > 0 && (
        <section class="card" aria-labelledby="verdicts-heading">
          <h2 id="verdicts-heading">{labels.verdicts}</h2>
          <ul class="verdicts">
            {c.verdicts.map((v, i) => (
              <li key={i} class={v.passed ? "right" : "wrong"}>
                <button
                  type="button"
                  class="link-button"
                  onClick={() =>
                    area.current && goToLine(area.current, v.line)}
                >
                  {fill(labels.line, { line: v.line })}
                </button>{" "}
                {v.what}:{" "}
                <strong>{v.passed ? labels.passed : labels.notPassed}</strong>
                {" "}
                <span class="meta">{v.detail}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {c.graph && <GraphView graph={c.graph} labels={labels} />}

      {c.previewHtml !== null && (
        <section class="editor-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{labels.preview}</h2>
          {/* Sanitized on the server by the learners' renderer (lib/content/markdown.ts). */}
          <div
            class="preview-body"
            // deno-lint-ignore react-no-danger
            dangerouslySetInnerHTML={{ __html: c.previewHtml }}
          />
        </section>
      )}
    </div>
  );
}

const COL_W = 170;
const ROW_H = 74;
const BOX_W = 132;
const BOX_H = 44;

/** The scenario graph: columns by distance from the start, flags from the engine. */
function GraphView(
  { graph, labels }: { graph: ScenarioGraph; labels: FileEditorLabels },
) {
  const at = new Map(
    graph.nodes.map((n) => [n.id, {
      x: 10 + n.col * COL_W,
      y: 10 + n.row * ROW_H,
    }]),
  );
  const width = 20 + graph.cols * COL_W;
  const height = 20 + graph.rows * ROW_H;
  const flagged = graph.nodes.filter((n) => !n.reachable || n.deadEnd);
  return (
    <section class="card" aria-labelledby="graph-heading">
      <h2 id="graph-heading">{labels.graph}</h2>
      <p class="graph-legend">
        <span class="legend best">{labels.best}</span>
        <span class="legend unreachable">{labels.unreachable}</span>
        <span class="legend dead">{labels.deadEnd}</span>
        <span class="legend ending">{labels.ending}</span>
      </p>
      <div
        class="graph-wrap"
        tabIndex={0}
        role="group"
        aria-label={labels.graph}
      >
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby="graph-title graph-desc"
        >
          <title id="graph-title">{labels.graph}</title>
          <desc id="graph-desc">{labels.graphDesc}</desc>
          <defs>
            <marker
              id="arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="6"
              markerHeight="6"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#52606d" />
            </marker>
          </defs>
          {graph.edges.filter((e) => e.known).map((e, i) => {
            const a = at.get(e.from)!;
            const b = at.get(e.to)!;
            const x1 = a.x + BOX_W;
            const y1 = a.y + BOX_H / 2;
            const x2 = b.x;
            const y2 = b.y + BOX_H / 2;
            const back = x2 <= x1;
            const d = back
              ? `M ${a.x + BOX_W / 2} ${a.y + BOX_H} C ${a.x + BOX_W / 2} ${
                a.y + BOX_H + 30
              }, ${b.x + BOX_W / 2} ${b.y + BOX_H + 30}, ${b.x + BOX_W / 2} ${
                b.y + BOX_H
              }`
              : `M ${x1} ${y1} C ${x1 + 20} ${y1}, ${
                x2 - 20
              } ${y2}, ${x2} ${y2}`;
            return (
              <path
                key={i}
                d={d}
                class={e.best ? "edge best" : "edge"}
                marker-end="url(#arrow)"
              >
                <title>{`${e.from} → ${e.to} (${e.label})`}</title>
              </path>
            );
          })}
          {graph.nodes.map((n) => {
            const p = at.get(n.id)!;
            const cls = [
              "gnode",
              n.kind,
              n.outcome ?? "",
              n.best ? "best" : "",
              n.reachable ? "" : "unreachable",
              n.deadEnd ? "dead" : "",
            ].filter(Boolean).join(" ");
            return (
              <g key={n.id} class={cls}>
                <rect
                  x={p.x}
                  y={p.y}
                  width={BOX_W}
                  height={BOX_H}
                  rx={n.kind === "ending" ? 22 : 6}
                />
                <text x={p.x + BOX_W / 2} y={p.y + BOX_H / 2 + 5}>
                  {n.id.length > 16 ? `${n.id.slice(0, 15)}…` : n.id}
                </text>
                <title>
                  {[
                    n.id,
                    n.outcome,
                    n.best ? labels.best : "",
                    n.reachable ? "" : labels.unreachable,
                    n.deadEnd ? labels.deadEnd : "",
                  ].filter(Boolean).join(" · ")}
                </title>
              </g>
            );
          })}
        </svg>
      </div>
      {flagged.length > 0 && (
        <ul class="graph-flags">
          {flagged.map((n) => (
            <li key={n.id}>
              <code>{n.id}</code>: {[
                n.reachable ? "" : labels.unreachable,
                n.deadEnd ? labels.deadEnd : "",
              ].filter(Boolean).join(labels.separator)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
