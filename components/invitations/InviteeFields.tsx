import { FieldError } from "@/components/FieldError.tsx";
import { TextField } from "@/components/TextField.tsx";
import type { Translate } from "@/lib/i18n/i18n.ts";
import type { FormState } from "./InviteForm.tsx";

/**
 * Who is invited: name, email and phone, and the line that says one of the
 * two logins is needed (it describes both login fields).
 */
export function InviteeFields(
  { t, prefix, form: { values, errors }, nameHint }: {
    t: Translate;
    /** The form's id prefix ("invite", "staff"). */
    prefix: string;
    form: FormState;
    /** A hint under the name (translated). */
    nameHint?: string;
  },
) {
  const field = (
    name: "name" | "email" | "phone",
    attrs: Record<string, unknown>,
  ) => (
    <TextField
      id={`${prefix}-${name}`}
      name={name}
      label={t(`invitations.${name}`)}
      value={values[name] ?? ""}
      error={errors[name] ? t(errors[name]!) : undefined}
      describedBy={name === "name"
        ? undefined
        : `${prefix}-${name}-error ${prefix}-contact-error`}
      autocomplete="off"
      {...attrs}
    />
  );
  return (
    <>
      {field("name", { maxLength: 50, required: true })}
      {nameHint && <p class="meta">{nameHint}</p>}
      {field("email", { type: "email", maxLength: 254 })}
      {field("phone", { type: "tel", maxLength: 20 })}
      <FieldError
        id={`${prefix}-contact-error`}
        message={errors.contact ? t(errors.contact) : undefined}
      />
    </>
  );
}
