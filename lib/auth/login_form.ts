/** The sign-in form's input, checked field by field. */
import { z } from "zod";
import { parseLogin } from "@/lib/identity/contact.ts";

/** Form fields of /login. Messages are message keys shown beside the field. */
export const LoginForm = z.object({
  login: z.string().trim().min(1, "login.login_required").max(
    100,
    "login.login_too_long",
  )
    .refine((v) => parseLogin(v) !== null, "login.login_invalid"),
  password: z.string().min(1, "login.password_required").max(
    128,
    "login.password_too_long",
  ),
  next: z.string().max(2000).regex(/^\/(?![\\/])/).optional().catch(undefined),
});
