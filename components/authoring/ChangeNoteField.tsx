import { TextAreaField } from "@/components/TextAreaField.tsx";
import type { FieldErrors } from "@/lib/forms/form.ts";
import type { Translate } from "@/lib/i18n/i18n.ts";
import { MAX_NOTE_CHARS } from "@/lib/authoring/version_note_store.ts";

/** The change note a publish or a rollback carries, with its problem. */
export function ChangeNoteField(
  { t, value, errors, rows, hint }: {
    t: Translate;
    value: string;
    errors: FieldErrors<"note">;
    rows: number;
    /** Already translated. */
    hint?: string;
  },
) {
  return (
    <TextAreaField
      id="note"
      name="note"
      label={t("authoring.publish.note")}
      value={value}
      rows={rows}
      maxLength={MAX_NOTE_CHARS}
      required
      hint={hint}
      error={errors.note && t(errors.note)}
    />
  );
}
