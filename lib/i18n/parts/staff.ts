/**
 * Messages for staff homes, refusals, previews, audit log, admin forms. zh-CN is the reference; `en` is typed against it so
 * no key is missing. Kept apart from the core catalog so each area owns its
 * own file.
 */
export const zh = {
  "role.mentor": "导师",
  "refusal.roles.learner": "学员",
  "refusal.roles.trainer": "培训师",
  "refusal.roles.mentor": "导师",
  "refusal.roles.manager": "主管",
  "refusal.roles.admin": "管理员",
  "refusal.role.title": "这个页面不对你的角色开放",
  "refusal.role.body": "这个页面供{roles}使用。你要做的事可以从你的首页开始。",
  "refusal.role.nobody": "这个页面暂未对任何角色开放。",
  "refusal.action.title": "你的角色不能做这个操作",
  "refusal.action.body":
    "你可以打开这个页面，但这个操作只能由负责的主管或管理员完成（例如只能管理自己带的团队）。",
  "refusal.forged.title": "请求被拒绝",
  "refusal.forged.body":
    "这个请求不是从本站页面发出的，已被拦截。请回到页面重新操作。",
  "refusal.expired.title": "表单已失效",
  "refusal.expired.body":
    "这个请求不是从本站当前有效的页面发出的（页面打开太久，或你在别处重新登录过），已被拦截，没有保存任何内容。你填写的内容保留在下面，检查后可以重新提交。",
  "refusal.expired.kept": "你填写的内容",
  "refusal.expired.resend": "重新提交",
  "refusal.home": "回到我的首页",
  "refusal.sign-in.title": "请先登录",
  "refusal.sign-in.body":
    "你已退出登录（或登录已过期），这次提交没有保存。登录后会回到刚才的页面，请再提交一次。",
  "preview.label": "预览",
  "preview.banner":
    "按学员的方式抽题和评分，但不计入任何记录：不算成绩、不进学习证据，也不影响任何人的进度。",
  "preview.attempts": "学员最多可做 {max} 次；预览不受次数和冷却限制。",
  "preview.start": "开始预览",
  "preview.submit": "提交并查看评分",
  "preview.result": "预览结果：{title}",
  "preview.not_stored":
    "这是预览：成绩只保存在你的预览里（7 天后删除），不计入任何学员记录。",
  "preview.again": "重新抽题预览",
  "home.trainer.title": "课程内容",
  "home.trainer.lead":
    "已发布的每一节课、测验、情景对话和话术练习，附内容检查结果和预览入口。",
  "home.trainer.checked": "上次内容检查：{time}，共发现 {count} 个问题。",
  "home.trainer.never_checked":
    "还没有运行过内容检查。运行 deno task content:check，或重新启动平台导入内容。",
  "home.trainer.held_back": "这些课程因内容错误暂未发布：{courses}。",
  "home.trainer.kind.lesson": "课程",
  "home.trainer.kind.quiz": "模块测验",
  "home.trainer.kind.scenario": "情景对话",
  "home.trainer.kind.drill": "话术练习",
  "home.trainer.ok": "检查通过",
  "home.trainer.problems": "{count} 个问题",
  "home.trainer.preview": "预览",
  "home.trainer.read": "阅读",
  "home.trainer.col.kind": "类型",
  "home.trainer.col.title": "标题",
  "home.trainer.col.status": "内容检查",
  "home.trainer.col.open": "打开",
  "home.trainer.practice": "练习：情景对话和话术练习",
  "home.trainer.other_problems": "其他内容问题",
  "home.manager.title": "我的团队",
  "home.manager.lead":
    "你带的团队里每个批次在 30 天计划的第几天，以及有多少人落后或有风险。",
  "home.manager.open_team": "查看团队进度",
  "home.manager.members": "{count} 人",
  "home.mentor.title": "我带的新人",
  "home.mentor.lead": "你担任导师的批次和其中的学员。",
  "home.mentor.empty.title": "你还没有担任导师的批次",
  "home.mentor.empty.body":
    "管理员在“团队与批次”页为批次指定导师后，批次和学员会显示在这里。",
  "home.admin.title": "系统管理",
  "home.admin.lead": "账号、团队与批次、邀请和审计日志。",
  "home.admin.disabled": "另有 {count} 个已停用账号",
  "home.admin.teams": "{teams} 个团队，{cohorts} 个批次",
  "home.admin.pending": "{count} 个邀请等待接受",
} as const;

/** English messages for the same keys. */
export const en: Record<keyof typeof zh, string> = {
  "role.mentor": "Mentor",
  "refusal.roles.learner": "learners",
  "refusal.roles.trainer": "trainers",
  "refusal.roles.mentor": "mentors",
  "refusal.roles.manager": "managers",
  "refusal.roles.admin": "admins",
  "refusal.role.title": "This page is not for your role",
  "refusal.role.body":
    "This page is for {roles}. Your own work starts on your home page.",
  "refusal.role.nobody": "This page is not open to any role yet.",
  "refusal.action.title": "Your role cannot do this",
  "refusal.action.body":
    "You may open this page, but this action belongs to the manager in charge or an admin (for example, managers manage only their own teams).",
  "refusal.forged.title": "Request refused",
  "refusal.forged.body":
    "This request did not come from a page of this site and was blocked. Go back to the page and try again.",
  "refusal.expired.title": "This form has expired",
  "refusal.expired.body":
    "This request did not come from a current page of this site (the page was open too long, or you signed in again elsewhere) and was blocked; nothing was saved. What you typed is kept below: check it and send it again.",
  "refusal.expired.kept": "What you typed",
  "refusal.expired.resend": "Send again",
  "refusal.home": "Go to my home page",
  "refusal.sign-in.title": "Sign in first",
  "refusal.sign-in.body":
    "You are signed out (or your session expired), so this was not saved. Sign in and you come back to the page you were on; send it again there.",
  "preview.label": "Preview",
  "preview.banner":
    "Drawn and scored as a learner's would be, but counting toward nothing: no grade, no learning evidence, no one's progress.",
  "preview.attempts":
    "Learners have at most {max} attempts; previews have no limit or cool-down.",
  "preview.start": "Start preview",
  "preview.submit": "Submit and see the score",
  "preview.result": "Preview result: {title}",
  "preview.not_stored":
    "This is a preview: the score is kept only in your previews (deleted after 7 days) and counts toward no learner's record.",
  "preview.again": "Preview with a new draw",
  "home.trainer.title": "Course content",
  "home.trainer.lead":
    "Every published lesson, quiz, scenario and drill, with the content check result and a preview link.",
  "home.trainer.checked": "Last content check: {time}, {count} problems found.",
  "home.trainer.never_checked":
    "The content check has not run yet. Run deno task content:check, or restart the platform to import the content.",
  "home.trainer.held_back": "Held back by content errors: {courses}.",
  "home.trainer.kind.lesson": "Lesson",
  "home.trainer.kind.quiz": "Module quiz",
  "home.trainer.kind.scenario": "Scenario",
  "home.trainer.kind.drill": "Drill",
  "home.trainer.ok": "Checked",
  "home.trainer.problems": "{count} problems",
  "home.trainer.preview": "Preview",
  "home.trainer.read": "Read",
  "home.trainer.col.kind": "Kind",
  "home.trainer.col.title": "Title",
  "home.trainer.col.status": "Content check",
  "home.trainer.col.open": "Open",
  "home.trainer.practice": "Practice: scenarios and drills",
  "home.trainer.other_problems": "Other content problems",
  "home.manager.title": "My teams",
  "home.manager.lead":
    "Which day of the 30-day plan each cohort of your teams is on, and how many are behind or at risk.",
  "home.manager.open_team": "Open team progress",
  "home.manager.members": "{count} members",
  "home.mentor.title": "My mentees",
  "home.mentor.lead": "The cohorts you mentor and their learners.",
  "home.mentor.empty.title": "You mentor no cohort yet",
  "home.mentor.empty.body":
    "When an admin makes you the mentor of a cohort on the Teams page, it shows here with its learners.",
  "home.admin.title": "Administration",
  "home.admin.lead":
    "Accounts, teams and cohorts, invitations and the audit log.",
  "home.admin.disabled": "{count} more accounts are disabled",
  "home.admin.teams": "{teams} teams, {cohorts} cohorts",
  "home.admin.pending": "{count} invitations waiting to be accepted",
};
