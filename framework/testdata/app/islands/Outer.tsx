import Counter from "./Counter.tsx";
import { signal } from "@preact/signals";

/** An island rendering another island: the inner one is a plain component here. */
export default function Outer() {
  const shared = { label: "x" };
  return (
    <section class="outer">
      <Counter
        start={1}
        count={signal(1)}
        when={new Date(0)}
        tags={new Set()}
        lookup={new Map()}
        big={1n}
        nothing={undefined}
        a={shared}
        b={shared}
        loop={{}}
        text="inner"
      />
    </section>
  );
}
