import { ChoiceFields } from "../common/choice_fields.tsx";
/** Inputs of a `single` question: radio buttons. */
export const SingleFields = ChoiceFields;
