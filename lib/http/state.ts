import type { Language, Translate } from "@/lib/i18n/i18n.ts";

/** What the root middleware puts on `ctx.state` for every request. */
export interface AppState {
  lang: Language;
  t: Translate;
  kv: Deno.Kv;
}
