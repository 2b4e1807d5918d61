/**
 * Messages for shared forms, errors and formatting. zh-CN is the reference; `en` is typed against it so
 * no key is missing. Kept apart from the core catalog so each area owns its
 * own file.
 */
export const zh = {
  // One sentence per code of lib/errors.ts (ERRORS).
  "error.code.not_found": "要找的记录不存在，或不对你开放。",
  "error.code.forbidden": "你的角色不能进行这项操作。",
  "error.code.sign_in_required": "请先登录。",
  "error.code.invalid": "填写的内容有误，请检查后重试。",
  "error.code.conflict": "这项操作和当前状态冲突，请刷新页面后重试。",
  "error.code.retry": "同时有别的修改，请稍后重试。",
  "error.code.login_taken": "这个登录名已被其他账号使用。",
  "error.code.already_invited": "这个登录名已有一条未使用的邀请。",
  "error.code.already_member": "这位学员已在这个班级中。",
  "error.code.anonymised": "这个账号已匿名化，不能再修改。",
  "error.code.cohort_exists": "这个班级编号已被使用。",
  "error.code.team_exists": "这个团队编号已被使用。",
  "error.code.invitation_used": "这条邀请已被使用。",
  "error.code.invitation_expired": "这条邀请已过期。",
  "error.code.memberships_active":
    "这位学员仍在班级中：请确认让其退出班级后再更改角色。",
  "error.code.answer_invalid": "答案的格式不对，请刷新页面后重新作答。",
  "error.code.answer_value":
    "答案“{value}”不符合这道题，请刷新页面后重新作答。",
  "error.code.not_current_step": "这一步已经过去了，请刷新页面后继续。",
  "error.code.run_finished": "这次练习已经结束。",
  "error.code.reply_empty": "回复是空的，请写下你的回复。",
  "error.code.reply_too_long": "回复太长：最多 {max} 个字。",
  "error.code.attempt_closed": "这次作答已经提交过了。",
  "error.code.attempt_expired": "这次作答的时间已到。",
  "error.code.attempt_blocked": "现在还不能开始新的作答。",
  "error.code.survey_closed": "这份问卷已关闭。",
  "error.code.already_revoked": "这张证书已被撤销。",
  "error.code.import_conflict": "内容在此期间已被别人更新，请重新导入。",
  "error.code.body_too_large": "提交的内容太大。",
  "error.code.body_unreadable": "提交的内容无法读取，请刷新页面后重试。",
  "error.code.body_not_json": "提交的内容不是有效的 JSON，请刷新页面后重试。",
  "error.code.body_unsupported": "不支持这种提交格式。",
  // The error page of an unexpected error.
  "error.request_id": "错误编号：{id}（联系管理员时请告知此编号）",
} as const;

/** English messages for the same keys. */
export const en: Record<keyof typeof zh, string> = {
  "error.code.not_found": "The record does not exist, or is not yours to see.",
  "error.code.forbidden": "Your role cannot do this.",
  "error.code.sign_in_required": "Sign in first.",
  "error.code.invalid":
    "Something in the form is not right; check it and try again.",
  "error.code.conflict":
    "This clashes with the current state; reload the page and try again.",
  "error.code.retry": "Someone else changed this at the same time; try again.",
  "error.code.login_taken": "This login is already used by another account.",
  "error.code.already_invited": "This login already has an unused invitation.",
  "error.code.already_member": "This learner is already in the cohort.",
  "error.code.anonymised": "This account is anonymised and cannot be changed.",
  "error.code.cohort_exists": "This cohort id is already taken.",
  "error.code.team_exists": "This team id is already taken.",
  "error.code.invitation_used": "This invitation has already been used.",
  "error.code.invitation_expired": "This invitation has expired.",
  "error.code.memberships_active":
    "This learner is still in cohorts: confirm that they leave them before changing the role.",
  "error.code.answer_invalid":
    "An answer is not in the right form; reload the page and answer again.",
  "error.code.answer_value":
    "The answer “{value}” does not fit this question; reload the page and answer again.",
  "error.code.not_current_step":
    "This step has already passed; reload the page to continue.",
  "error.code.run_finished": "This run has already finished.",
  "error.code.reply_empty": "The reply is empty; write your reply.",
  "error.code.reply_too_long":
    "The reply is too long: at most {max} characters.",
  "error.code.attempt_closed": "This attempt has already been submitted.",
  "error.code.attempt_expired": "The time for this attempt is up.",
  "error.code.attempt_blocked": "A new attempt cannot start yet.",
  "error.code.survey_closed": "This survey is closed.",
  "error.code.already_revoked": "This certificate is already revoked.",
  "error.code.import_conflict":
    "The content was updated meanwhile; import it again.",
  "error.code.body_too_large": "What was sent is larger than allowed.",
  "error.code.body_unreadable":
    "What was sent cannot be read; reload the page and try again.",
  "error.code.body_unsupported": "This kind of request body is not supported.",
  "error.code.body_not_json":
    "What was sent is not valid JSON; reload the page and try again.",
  "error.request_id":
    "Error reference: {id} (give it to an administrator when you report this)",
};
