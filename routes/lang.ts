import { type Handlers, HttpError } from "$fresh/server.ts";
import { isSecureOrigin } from "@/lib/http/public_origin.ts";
import { stringifySetCookie } from "cookie";
import { z } from "zod";
import { LANGUAGE_COOKIE, LANGUAGES } from "@/lib/i18n/i18n.ts";
import { localReturnPath } from "@/lib/http/return_path.ts";

const LanguageSwitch = z.object({
  to: z.enum(LANGUAGES),
  // Only local paths: "/x" but never "//host" or "/\host".
  next: z.string().max(2000).regex(/^\/(?![\\/])/).optional(),
});

/** Remembers the chosen language and returns to the page the switch was on. */
export const handler: Handlers = {
  GET(req, ctx) {
    const input = LanguageSwitch.safeParse(
      Object.fromEntries(ctx.url.searchParams),
    );
    if (!input.success) {
      throw new HttpError(
        400,
        input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join(
          "; ",
        ),
      );
    }
    const cookie = stringifySetCookie({
      name: LANGUAGE_COOKIE,
      value: input.data.to,
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
      sameSite: "lax",
      httpOnly: true,
      secure: isSecureOrigin(ctx.url),
    });
    const location = input.data.next ??
      localReturnPath(req.headers.get("referer"), ctx.url);
    return new Response(null, {
      status: 303,
      headers: { location, "set-cookie": cookie },
    });
  },
};
