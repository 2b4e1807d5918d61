import type { FreshConfig } from "$fresh/server.ts";

export default {} satisfies FreshConfig;
