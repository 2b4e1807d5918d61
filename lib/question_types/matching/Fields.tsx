import type { FieldsProps } from "../common/fields_props.ts";
import type { PublicOf } from "../common/types.ts";

/** Inputs of a `matching` question: a select of right items per left item. */
export function MatchingFields(
  { question: q, name, answer, set, labels }: FieldsProps<PublicOf<"matching">>,
) {
  const pairs = (answer.pairs as Record<string, string> | undefined) ?? {};
  const rows = q.left.map((l) => {
    // Form field names are `q.<id>.<leftId>`; live ids only need to be unique.
    const id = set ? `${name}-${l.id}` : `${name}.${l.id}`;
    return (
      <div class="match-row" key={l.id}>
        <label for={id}>{l.text}</label>
        <select
          id={id}
          name={set ? undefined : id}
          value={set ? pairs[l.id] ?? "" : undefined}
          onChange={set &&
            ((e) =>
              set({
                pairs: {
                  ...pairs,
                  [l.id]: (e.currentTarget as HTMLSelectElement).value,
                },
              }))}
        >
          <option value="">{labels.choose}</option>
          {q.right.map((r) => (
            <option
              key={r.id}
              value={r.id}
              selected={set ? undefined : pairs[l.id] === r.id}
            >
              {r.text}
            </option>
          ))}
        </select>
      </div>
    );
  });
  return set ? <div>{rows}</div> : <>{rows}</>;
}
