/**
 * The browser boot module: hydrates the page's islands and starts client
 * navigation (Partials). Loaded only by pages with an island or a Partial.
 */
import { bootIslands } from "./islands.ts";
import { startClientNav } from "./partials.ts";

const stateEl = document.getElementById("__frsh_state");
if (stateEl) {
  bootIslands(stateEl, [document]);
  startClientNav();
}
