/// <reference lib="deno.unstable" />
/**
 * Production entry: opens the store, loads the bundled courses, seeds demo
 * data unless SA_PRODUCTION is set, and serves on PORT (default 8000).
 */
import { start } from "$fresh/server.ts";
import manifest from "./fresh.gen.ts";
import config from "./fresh.config.ts";
import { prepareStore, startExpirySweep } from "./lib/startup.ts";

startExpirySweep(await prepareStore());
await start(manifest, config);
