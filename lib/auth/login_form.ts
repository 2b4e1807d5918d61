/** The sign-in form's input, checked field by field. */
import { z } from "zod";
import { LoginSchema } from "./user_store.ts";

/** Form fields of /login. Messages are message keys or Chinese text shown beside the field. */
export const LoginForm = z.object({
  login: LoginSchema,
  password: z.string().min(1, "login.password_required").max(
    128,
    "login.password_too_long",
  ),
  next: z.string().max(2000).regex(/^\/(?![\\/])/).optional().catch(undefined),
});
