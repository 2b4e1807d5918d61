import type { Translate } from "@/lib/i18n/i18n.ts";
import { optionLabel } from "@/lib/quiz/option_labels.ts";
import { promptParts } from "@/lib/quiz/prompt_parts.ts";
import type { PublicQuestion } from "@/lib/quiz/public_question.ts";
import type { Answer } from "@/lib/quiz/score.ts";

/** Form inputs for one quiz question (no JavaScript needed); field names per lib/quiz/answer_form.ts. */
export function QuestionFields(
  props: {
    id: string;
    n: number;
    question: PublicQuestion;
    saved?: Answer;
    t: Translate;
  },
) {
  const { id, question: q, saved, t, n } = props;
  const field = `q.${id}`;
  return (
    <fieldset class="quiz-question" id={`question-${id}`}>
      <legend>
        <span class="q-number">{n}.</span>{" "}
        <PromptText text={q.prompt} blank={t("learner.blank")} />
      </legend>
      {(q.type === "single" || q.type === "multiple") &&
        q.options.map((o, i) => (
          <label class="option" key={o.id}>
            <input
              type={q.type === "single" ? "radio" : "checkbox"}
              name={field}
              value={o.id}
              checked={saved?.type === "single"
                ? saved.choice === o.id
                : saved?.type === "multiple"
                ? saved.choices.includes(o.id)
                : false}
            />
            <span class="option-label" aria-hidden="true">
              {optionLabel(i)}
            </span>
            <span>
              <span class="sr-only">{optionLabel(i)}.</span>
              {o.text}
            </span>
          </label>
        ))}
      {q.type === "truefalse" &&
        [true, false].map((v) => (
          <label class="option" key={String(v)}>
            <input
              type="radio"
              name={field}
              value={String(v)}
              checked={saved?.type === "truefalse" && saved.value === v}
            />
            <span>{t(v ? "check.true" : "check.false")}</span>
          </label>
        ))}
      {q.type === "ordering" && (
        <ol class="order-fields">
          {q.items.map((item) => {
            const pos = saved?.type === "ordering"
              ? saved.order.indexOf(item.id) + 1
              : 0;
            return (
              <li key={item.id}>
                <label>
                  <select
                    name={`${field}.${item.id}`}
                    aria-label={`${t("quiz.position")}${
                      t("learner.label_separator")
                    }${item.text}`}
                  >
                    <option value="">—</option>
                    {q.items.map((_, i) => (
                      <option
                        key={i}
                        value={String(i + 1)}
                        selected={pos === i + 1}
                      >
                        {i + 1}
                      </option>
                    ))}
                  </select>
                  <span>{item.text}</span>
                </label>
              </li>
            );
          })}
        </ol>
      )}
      {q.type === "matching" &&
        q.left.map((l) => (
          <div class="match-row" key={l.id}>
            <label for={`${field}.${l.id}`}>{l.text}</label>
            <select id={`${field}.${l.id}`} name={`${field}.${l.id}`}>
              <option value="">{t("check.match.choose")}</option>
              {q.right.map((r) => (
                <option
                  key={r.id}
                  value={r.id}
                  selected={saved?.type === "matching" &&
                    saved.pairs[l.id] === r.id}
                >
                  {r.text}
                </option>
              ))}
            </select>
          </div>
        ))}
      {q.type === "fillin" && (
        <input
          type="text"
          name={field}
          maxLength={200}
          aria-label={t("check.fill")}
          value={saved && "text" in saved ? saved.text : ""}
        />
      )}
      {q.type === "written" && (
        <textarea
          name={field}
          rows={4}
          maxLength={2000}
          aria-label={t("check.written.placeholder")}
        >
          {saved && "text" in saved ? saved.text : ""}
        </textarea>
      )}
    </fieldset>
  );
}

/** A prompt with fill-in blanks drawn as blanks rather than underscores. */
export function PromptText({ text, blank }: { text: string; blank: string }) {
  return (
    <>
      {promptParts(text).map((part, i) =>
        part === null
          ? (
            <span key={i} class="blank">
              <span class="sr-only">{blank}</span>
            </span>
          )
          : part
      )}
    </>
  );
}
