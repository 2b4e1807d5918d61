import type { Translate } from "@/lib/i18n/i18n.ts";
import type { User } from "@/lib/identity/accounts/user_store.ts";

/** Which of the three states an account is in, as the admin pages name them. */
export function userStatus(
  user: Pick<User, "disabled" | "anonymisedAt">,
): "active" | "disabled" | "anonymised" {
  return user.anonymisedAt
    ? "anonymised"
    : user.disabled
    ? "disabled"
    : "active";
}

/** An account's state as a small label (words, not only colour). */
export function UserStatus(
  { user, t }: { user: Pick<User, "disabled" | "anonymisedAt">; t: Translate },
) {
  const status = userStatus(user);
  return (
    <span class={`user-status user-status-${status}`}>
      {t(`admin.status.${status}`)}
    </span>
  );
}
