/**
 * The inputs of any question: dispatches to its type's `Fields` component.
 * The quiz page (components/quiz/QuestionFields.tsx) and the inline check
 * island (islands/InlineCheck.tsx) both render through here.
 *
 * @module
 */
import type { FieldsProps } from "./common/fields_props.ts";
import type { PublicQuestion } from "./common/types.ts";
import { SingleFields } from "./single/Fields.tsx";
import { MultipleFields } from "./multiple/Fields.tsx";
import { TrueFalseFields } from "./truefalse/Fields.tsx";
import { OrderingFields } from "./ordering/Fields.tsx";
import { MatchingFields } from "./matching/Fields.tsx";
import { FillinFields } from "./fillin/Fields.tsx";
import { WrittenFields } from "./written/Fields.tsx";

// deno-lint-ignore no-explicit-any
type AnyFields = (props: FieldsProps<any>) => preact.JSX.Element;

const views: Record<PublicQuestion["type"], AnyFields> = {
  single: SingleFields,
  multiple: MultipleFields,
  truefalse: TrueFalseFields,
  ordering: OrderingFields,
  matching: MatchingFields,
  fillin: FillinFields,
  written: WrittenFields,
};

/** The inputs for `props.question`, by its type. */
export function QuestionInputs(props: FieldsProps<PublicQuestion>) {
  const View = views[props.question.type];
  return <View {...props} />;
}

/** The answer a live check starts from, before the learner touches it. */
export function initialAnswerFields(
  q: PublicQuestion,
): Record<string, unknown> {
  if (q.type === "ordering") return { order: q.items.map((i) => i.id) };
  if (q.type === "matching") return { pairs: {} };
  if (q.type === "multiple") return { choices: [] };
  return {};
}
