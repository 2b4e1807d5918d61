import type { IslandConfig } from "$fresh/runtime.ts";
import { useState } from "preact/hooks";

export const config: IslandConfig = { load: "visible" };

export function Lazy(props: { label: string; onPick?: () => void }) {
  const [on, setOn] = useState(false);
  return (
    <button
      type="button"
      class="lazy"
      aria-pressed={on}
      onClick={() => setOn(!on)}
    >
      {props.label} {on ? "on" : "off"}
    </button>
  );
}
