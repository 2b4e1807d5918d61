import { ChoiceFields } from "../common/choice_fields.tsx";
/** Inputs of a `multiple` question: checkboxes. */
export const MultipleFields = ChoiceFields;
