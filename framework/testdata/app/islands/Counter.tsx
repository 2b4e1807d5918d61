import type { Signal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { IS_BROWSER } from "$fresh/runtime.ts";
import { useEffect, useState } from "preact/hooks";

export interface CounterProps {
  start: number;
  count: Signal<number>;
  when: Date;
  tags: Set<string>;
  lookup: Map<string, number>;
  big: bigint;
  nothing: undefined;
  a: { label: string };
  b: { label: string };
  loop: Record<string, unknown>;
  text: string;
  children?: ComponentChildren;
}

export default function Counter(props: CounterProps) {
  // Hydration keeps server attributes; the effect re-renders with browser values.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const ok = props.when instanceof Date && props.tags.has("b") &&
    props.lookup.get("k") === 1 &&
    props.big === 10n && props.a === props.b &&
    props.loop.self === props.loop && "nothing" in props;
  return (
    <div
      class="counter"
      data-browser={String(IS_BROWSER && mounted)}
      data-props-ok={String(ok)}
    >
      <output>{props.count}</output>
      <button type="button" onClick={() => props.count.value++}>+1</button>
      <span class="text">{props.text}</span>
      {props.children}
    </div>
  );
}
