import type { Handlers } from "$fresh/server.ts";
import { isSecureOrigin } from "@/lib/http/public_origin.ts";
import { stringifySetCookie } from "cookie";
import { z } from "zod";
import { LANGUAGE_COOKIE, LANGUAGES } from "@/lib/i18n/i18n.ts";
import { localReturnPath } from "@/lib/http/return_path.ts";
import { formValues, parseForm } from "@/lib/forms/form.ts";
import {
  type RefusedInput,
  RefusedInputPage,
} from "@/components/RefusedInputPage.tsx";

const LanguageSwitch = z.object({
  to: z.enum(LANGUAGES, "forms.lang.to_invalid"),
  // Only local paths: "/x" but never "//host" or "/\host".
  next: z.string().max(2000, "forms.lang.next_invalid")
    .regex(/^\/(?![\\/])/, "forms.lang.next_invalid").optional(),
});

/** Remembers the chosen language and returns to the page the switch was on. */
export const handler: Handlers<RefusedInput> = {
  GET(req, ctx) {
    const input = parseForm(
      LanguageSwitch,
      formValues(ctx.url.searchParams, ["to", "next"]),
      "forms.lang.to_invalid",
    );
    if (!input.ok) {
      return ctx.render({ status: 400, errors: input.errors }, {
        status: 400,
      });
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

/** A refused switch: the 400 page naming the bad parameter. */
export default RefusedInputPage;
