import type { FreshConfig } from "$fresh/server.ts";
import { staticSecurityHeaders } from "@/lib/http/security_headers.ts";

export default {
  staticHeaders: staticSecurityHeaders,
} satisfies FreshConfig;
