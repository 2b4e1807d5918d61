import { signal } from "@preact/signals";
import Counter from "../islands/Counter.tsx";
import { Lazy } from "../islands/Lazy.tsx";

export default function IslandsPage() {
  const shared = { label: "shared" };
  const circular: Record<string, unknown> = { name: "loop" };
  circular.self = circular;
  return (
    <div class="islands">
      <Counter
        start={3}
        count={signal(3)}
        when={new Date("2026-01-02T03:04:05.000Z")}
        tags={new Set(["a", "b"])}
        lookup={new Map([["k", 1]])}
        big={10n}
        nothing={undefined}
        a={shared}
        b={shared}
        loop={circular}
        text="</script><script>alert(1)</script>"
      >
        <p class="slotted">server child</p>
      </Counter>
      <Lazy label="later" />
    </div>
  );
}
