/**
 * Island hydration: reads an island list the server wrote (`#__frsh_state`),
 * loads each island's chunk by its strategy and hydrates it into its
 * `<frsh-island>` element. Children rendered on the server stay in place
 * inside `<frsh-slot>`. Used at boot and for each area a client navigation
 * inserts.
 */
import { type ComponentType, h, hydrate, render } from "preact";
import { revive } from "./revive.ts";

/** One island of `#__frsh_state`. */
export interface BootIsland {
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

// Roots hydrated so far, so content a navigation removes can be unmounted
// (its effects cleaned up) first.
const hydrated = new Set<HTMLElement>();

/**
 * Hydrates the islands of a state script (`stateEl`) found in `roots`
 * (the document, or the nodes a navigation inserted).
 */
export async function bootIslands(
  stateEl: HTMLElement,
  roots: ParentNode[],
): Promise<void> {
  const { islands } = JSON.parse(stateEl.textContent!) as {
    islands: BootIsland[];
  };
  if (islands.length === 0) return;
  const makeSignal = stateEl.dataset.signals === "true"
    ? (await import("@preact/signals")).signal
    : () => {
      throw new Error("Cannot revive a signal: none was announced");
    };
  for (const island of islands) {
    const el = find(roots, `frsh-island[data-island="${island.id}"]`);
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

function find(roots: ParentNode[], selector: string): HTMLElement | null {
  for (const root of roots) {
    if (root instanceof HTMLElement && root.matches(selector)) return root;
    const el = root.querySelector<HTMLElement>(selector);
    if (el) return el;
  }
  return null;
}

/** Unmounts the hydrated islands inside `node` (before it is removed). */
export function unmountIslands(node: Node): void {
  for (const el of hydrated) {
    if (node === el || node.contains(el)) {
      render(null, el);
      hydrated.delete(el);
    }
  }
}

async function hydrateIsland(
  el: HTMLElement,
  island: BootIsland,
  makeSignal: (v: unknown) => unknown,
) {
  const mod = await import(island.url);
  if (!el.isConnected) return; // navigated away while loading
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
  hydrated.add(el);
  el.dataset.hydrated = "true";
}
