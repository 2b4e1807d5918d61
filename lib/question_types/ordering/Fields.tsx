import type { FieldsProps } from "../common/fields_props.ts";
import type { PublicOf } from "../common/types.ts";

/**
 * Inputs of an `ordering` question. The plain form gives each item a position
 * select (`q.<id>.<itemId>` = 1..n); the live check moves items up and down.
 */
export function OrderingFields(
  { question: q, name, answer, set, labels }: FieldsProps<PublicOf<"ordering">>,
) {
  if (!set) {
    const saved = (answer.order as string[] | undefined) ?? [];
    return (
      <ol class="order-fields">
        {q.items.map((item) => {
          const pos = saved.indexOf(item.id) + 1;
          return (
            <li key={item.id}>
              <label>
                <select
                  name={`${name}.${item.id}`}
                  aria-label={`${labels.position}${labels.sep}${item.text}`}
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
    );
  }
  const order = answer.order as string[];
  const text = new Map(q.items.map((i) => [i.id, i.text]));
  const move = (i: number, d: number) => {
    const next = order.slice();
    [next[i], next[i + d]] = [next[i + d], next[i]];
    set({ order: next });
  };
  return (
    <ol class="order">
      {order.map((id, i) => (
        <li key={id}>
          <span>{text.get(id)}</span>
          <button
            type="button"
            class="secondary"
            aria-label={`${labels.up}${labels.sep}${text.get(id)}`}
            disabled={i === 0}
            onClick={() => move(i, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="secondary"
            aria-label={`${labels.down}${labels.sep}${text.get(id)}`}
            disabled={i === order.length - 1}
            onClick={() => move(i, 1)}
          >
            ↓
          </button>
        </li>
      ))}
    </ol>
  );
}
