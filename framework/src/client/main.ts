/**
 * The browser boot module: reads the island list the server wrote into
 * `#__frsh_state`, loads each island's chunk by its strategy and hydrates it
 * into its `<frsh-island>` element. Children rendered on the server stay in
 * place inside `<frsh-slot>`.
 */
import { type ComponentType, h, hydrate } from "preact";
import { revive } from "./revive.ts";

interface BootIsland {
  id: string;
  url: string;
  export: string;
  load: "eager" | "idle" | "visible";
  slot: boolean;
  // deno-lint-ignore no-explicit-any
  props: any;
}

function Slot(props: { id: string; html: string }) {
  return h("frsh-slot", {
    "data-slot": props.id,
    dangerouslySetInnerHTML: { __html: props.html },
  });
}

async function boot() {
  const stateEl = document.getElementById("__frsh_state");
  if (!stateEl) return;
  const { islands } = JSON.parse(stateEl.textContent!) as {
    islands: BootIsland[];
  };
  const makeSignal = stateEl.dataset.signals === "true"
    ? (await import("@preact/signals")).signal
    : () => {
      throw new Error("Cannot revive a signal: none was announced");
    };
  for (const island of islands) {
    const el = document.querySelector<HTMLElement>(
      `frsh-island[data-island="${island.id}"]`,
    );
    if (!el) continue;
    const run = () => hydrateIsland(el, island, makeSignal);
    if (island.load === "idle" && "requestIdleCallback" in globalThis) {
      requestIdleCallback(run, { timeout: 2000 });
    } else if (
      island.load === "visible" && "IntersectionObserver" in globalThis &&
      el.firstElementChild
    ) {
      // <frsh-island> has display: contents and no box, so watch its first element.
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          run();
        }
      });
      observer.observe(el.firstElementChild);
    } else {
      run();
    }
  }
}

async function hydrateIsland(
  el: HTMLElement,
  island: BootIsland,
  makeSignal: (v: unknown) => unknown,
) {
  const mod = await import(island.url);
  const Component = mod[island.export] as ComponentType;
  const props = revive(island.props, makeSignal) as Record<string, unknown>;
  if (island.slot) {
    const slot = el.querySelector(`frsh-slot[data-slot="${island.id}"]`);
    props.children = h(Slot, {
      id: island.id,
      html: slot ? slot.innerHTML : "",
    });
  }
  hydrate(h(Component, props), el);
  el.dataset.hydrated = "true";
}

boot();
