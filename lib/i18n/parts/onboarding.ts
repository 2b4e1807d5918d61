/**
 * Messages for the Today page, exams, surveys, mentors and certificates. zh-CN is the reference; `en` is typed against it so
 * no key is missing. Kept apart from the core catalog so each area owns its
 * own file.
 */
export const zh = {
  "onboarding.colon": "：",
  "onboarding.list_sep": "、",
  // Plan item kinds and states
  "onboarding.kind.lesson": "课程",
  "onboarding.kind.quiz": "模块测验",
  "onboarding.kind.scenario": "情景对话",
  "onboarding.kind.drill": "限时演练",
  "onboarding.kind.exam": "考试",
  "onboarding.kind.survey": "反馈问卷",
  "onboarding.kind.observation": "在岗质检",
  "onboarding.kind.shadowing": "跟岗旁听",
  "onboarding.kind.milestone": "阶段小结",
  "onboarding.item.done": "已完成",
  "onboarding.item.due": "今天要做",
  "onboarding.item.overdue": "已逾期",
  "onboarding.item.upcoming": "未开始",
  "onboarding.item.untracked": "未记录",
  "onboarding.item.mentor_confirms": "（完成后由带教导师确认）",
  // Today
  "onboarding.today.day": "今天是培训第 {day} 天",
  "onboarding.today.finished": "30 天培训计划已结束",
  "onboarding.today.not_started": "你的培训将于 {date} 开始",
  "onboarding.today.progress":
    "已完成 {done} 项，应完成 {due} 项，逾期 {overdue} 项",
  "onboarding.today.rest": "今天是休息日，好好休息，明天继续。",
  "onboarding.today.due": "今天要做",
  "onboarding.today.nothing_due":
    "今天没有新的任务，可以复习或补上逾期的内容。",
  "onboarding.today.overdue": "逾期待补",
  "onboarding.today.no_overdue": "没有逾期的任务，保持下去！",
  "onboarding.today.next": "接下来（第 {day} 天）",
  "onboarding.today.certification": "认证进度",
  "onboarding.today.cert_dates": "颁发于 {issued}，有效期至 {expires}",
  "onboarding.today.cert_link": "查看证书",
  "onboarding.today.eligible": "你已满足全部条件，证书将自动颁发。",
  "onboarding.today.missing_intro": "获得证书还需要：",
  "onboarding.learner.certification": "认证进度",
  "onboarding.learner.eligible": "已满足全部条件，证书将自动颁发。",
  "onboarding.learner.missing_intro": "获得证书还需要：",
  "onboarding.learner.none": "该学员尚未加入入职批次，暂无认证进度。",
  "onboarding.cohort.time_zone": "时区",
  "onboarding.cohort.time_zone_hint":
    "IANA 时区名，例如 Asia/Shanghai（北京时间）或 America/Los_Angeles。计划的每一天在该时区的午夜切换。",
  "onboarding.cohort.time_zone_invalid":
    "时区不正确：请填写 IANA 时区名，例如 Asia/Shanghai。",
  "onboarding.today.renew":
    "你的「{level}」将在 {days} 天后到期，请尽快完成复认证。",
  // Criteria
  "onboarding.state.met": "已满足",
  "onboarding.state.not-met": "未满足",
  "onboarding.state.pending": "待完成",
  "onboarding.criterion.prerequisite": "需先持有有效的上一级认证",
  "onboarding.criterion.plan-items": "计划必修项已完成 {done}/{total} 项",
  "onboarding.criterion.quizzes":
    "模块测验 {passed}/{total} 个达到 {minPercent} 分（已考模块最低 {lowest} 分）",
  "onboarding.criterion.scenario-average":
    "情景对话平均 {average} 分，要求不低于 {minAverage} 分（已完成 {played}/{total} 个）",
  "onboarding.criterion.red-lines":
    "计入的 {counted} 次情景对话中触碰红线 {breaches} 次（要求 0 次）",
  "onboarding.criterion.exam":
    "认证考试已考 {attempts} 次，最高 {best} 分（须在限时内通过）",
  "onboarding.criterion.surveys": "培训反馈问卷已提交 {submitted}/{total} 份",
  "onboarding.criterion.observation":
    "在岗质检评分 {score} 分，要求不低于 {minPercent} 分",
  "onboarding.criterion.missing": "还差：{list}",
  // Certificate status
  "onboarding.cert.status.valid": "有效",
  "onboarding.cert.status.expired": "已过期",
  "onboarding.cert.status.revoked": "已撤销",
  // Verify page
  "onboarding.verify.title": "证书验证 · {level}",
  "onboarding.verify.heading": "证书验证",
  "onboarding.verify.holder": "持证人",
  "onboarding.verify.issued": "颁发日期",
  "onboarding.verify.expires": "有效期至",
  "onboarding.verify.revoked_on": "撤销日期",
  "onboarding.verify.signature": "数字签名",
  "onboarding.verify.signature_ok": "签名有效（由客服学院的公开密钥验证）",
  "onboarding.verify.signature_bad": "签名无效：证书内容可能被改动",
  "onboarding.verify.status_list": "状态列表",
  "onboarding.verify.list_clear": "未被撤销",
  "onboarding.verify.list_revoked": "状态列表显示已撤销",
  "onboarding.verify.how":
    "这是一份 Open Badges 3.0 可验证凭证，任何人都可以用标准工具和下方公开的签发方密钥离线验证。",
  "onboarding.verify.print": "打印证书",
  "onboarding.verify.credential": "下载凭证（JSON）",
  "onboarding.verify.badge": "下载徽章（含凭证的 SVG）",
  "onboarding.verify.issuer": "签发方公开密钥",
  // Printable certificate
  "onboarding.print.title": "证书 · {name}",
  "onboarding.print.hint":
    "用浏览器的打印功能即可打印或保存为 PDF（A4 横向）。",
  "onboarding.print.back": "返回验证页",
  "onboarding.print.heading": "结业证书",
  "onboarding.print.certifies": "兹证明",
  "onboarding.print.completed": "已获得「{level}」",
  "onboarding.print.dates": "颁发日期：{issued}　有效期至：{expires}",
  "onboarding.print.verify": "扫码或访问以下地址验证本证书",
  // Level page
  "onboarding.level.criteria": "获得条件",
  "onboarding.level.validity": "有效期 {months} 个月，到期前需复认证。",
  // Exams
  "onboarding.exam.rules":
    "共 {count} 题，{pass} 分及格，限时 {minutes} 分钟，时间以服务器为准。",
  "onboarding.exam.attempts": "最多考 {max} 次，已考 {used} 次。",
  "onboarding.exam.cooldown": "两次考试之间至少间隔 {hours} 小时。",
  "onboarding.exam.scenarios":
    "考试期间还须完成这些情景对话（开考后开始的才计入）：{list}",
  "onboarding.exam.blocked.limit": "考试次数已用完，请联系培训主管安排复训。",
  "onboarding.exam.blocked.cooldown": "冷却时间未到，{time} 后可以再考。",
  "onboarding.exam.start": "开始考试",
  "onboarding.exam.resume": "继续考试",
  "onboarding.exam.history": "考试记录",
  "onboarding.exam.no_history": "还没有考试记录。准备好后点击“开始考试”。",
  "onboarding.exam.score": "{percent} 分",
  "onboarding.exam.score_of": "得分 {percent} 分（及格线 {pass} 分）",
  "onboarding.exam.passed": "通过",
  "onboarding.exam.failed": "未通过",
  "onboarding.exam.result": "考试结果",
  "onboarding.exam.closed": "这次考试已经交卷，不能再提交。",
  "onboarding.exam.late":
    "超过时限后提交：只计算时限内保存的答案，本次不算限时内通过。",
  "onboarding.exam.scenarios_missing": "考试期间未完成的情景对话：{list}",
  "onboarding.exam.required_scenarios": "考试要求的情景对话",
  "onboarding.exam.scenario_done": "已计入",
  "onboarding.exam.scenario_todo": "尚未完成",
  "onboarding.exam.time_left": "剩余约 {minutes} 分钟（{time} 截止）",
  "onboarding.exam.error": "答案格式不正确，请检查后再提交。",
  "onboarding.exam.submit": "交卷",
  "onboarding.exam.to_today": "回到今天",
  "onboarding.exam.back": "返回考试说明",
  // Surveys
  "onboarding.survey.anonymous": "本问卷匿名：你的主管看不到你个人的回答。",
  "onboarding.survey.saved": "已保存，谢谢你的反馈！截止前还可以修改。",
  "onboarding.survey.closes": "截止时间：{time}，截止前可以修改。",
  "onboarding.survey.closed": "问卷已截止，不能再修改。",
  "onboarding.survey.fix": "有题目还没有回答或答案不正确，请看标出的题目。",
  "onboarding.survey.optional": "（选答）",
  "onboarding.survey.likert.1": "1 非常不同意",
  "onboarding.survey.likert.2": "2 不同意",
  "onboarding.survey.likert.3": "3 一般",
  "onboarding.survey.likert.4": "4 同意",
  "onboarding.survey.likert.5": "5 非常同意",
  "onboarding.survey.nps_hint": "0 = 完全不会推荐，10 = 非常愿意推荐",
  "onboarding.survey.problem.required": "这道题必须回答。",
  "onboarding.survey.problem.range": "请选择量表上的一个分数。",
  "onboarding.survey.problem.option": "请选择一个选项。",
  "onboarding.survey.problem.too_long": "回答太长，请控制在 1000 字以内。",
  "onboarding.survey.submit": "提交",
  "onboarding.survey.update": "保存修改",
  // Mentor
  "onboarding.mentor.title": "待确认的带教事项",
  "onboarding.mentor.lead":
    "你带教的学员完成跟岗旁听或阶段小结后，在这里确认。",
  "onboarding.mentor.done": "已确认。",
  "onboarding.mentor.empty": "暂时没有待确认的事项",
  "onboarding.mentor.empty_body": "学员到了跟岗或小结的日子后，会出现在这里。",
  "onboarding.mentor.no_cohorts": "你还没有带教的培训班",
  "onboarding.mentor.no_cohorts_body":
    "管理员在“团队与培训班”中把你设为带教导师后，这里会列出学员的事项。",
  "onboarding.mentor.day": "第 {day} 天",
  "onboarding.mentor.note": "备注（可选）",
  "onboarding.mentor.confirm": "确认完成",
  // QA observation
  "onboarding.qa.title": "在岗质检 · {name}",
  "onboarding.qa.back": "返回学员进度",
  "onboarding.qa.saved": "质检评分已保存。",
  "onboarding.qa.latest": "最近一次：{percent} 分，红线 {breaches} 项",
  "onboarding.qa.critical": "红线（任一项触碰即不合格）",
  "onboarding.qa.points": "{points} 分",
  "onboarding.qa.note": "备注（可选）",
  "onboarding.qa.save": "保存评分",
  // Admin
  "onboarding.admin_nav.certificates": "证书",
  "onboarding.admin.title": "证书管理",
  "onboarding.admin.done": "已保存，并写入审计日志。",
  "onboarding.admin.empty": "还没有颁发任何证书",
  "onboarding.admin.empty_body":
    "学员满足认证条件后证书会自动颁发；也可以在下方为学员授予。",
  "onboarding.admin.granted": "管理员授予：{reason}",
  "onboarding.admin.verify": "验证页",
  "onboarding.admin.revoked_because": "撤销原因：{reason}",
  "onboarding.admin.revoke": "撤销证书",
  "onboarding.admin.reason": "原因（写入审计日志）",
  "onboarding.admin.confirm_revoke":
    "我确认撤销 {name} 的这份证书，撤销后无法恢复。",
  "onboarding.admin.revoke_button": "撤销",
  "onboarding.admin.error.reason": "请填写原因（2-500 字）。",
  "onboarding.admin.error.confirm": "请勾选确认后再撤销。",
  "onboarding.admin.error.login":
    "找不到这个学员账号，请填写学员的邮箱或手机号。",
  "onboarding.admin.decide": "授予或暂缓证书",
  "onboarding.admin.decide_lead":
    "授予：未满足全部条件也颁发；暂缓：满足条件也不自动颁发。两者都写入审计日志。",
  "onboarding.admin.login": "学员账号（邮箱或手机号）",
  "onboarding.admin.level": "认证等级",
  "onboarding.admin.kind": "决定",
  "onboarding.admin.kind.grant": "授予",
  "onboarding.admin.kind.withhold": "暂缓",
  "onboarding.admin.decide_button": "保存决定",
} as const;

/** English messages for the same keys. */
export const en: Record<keyof typeof zh, string> = {
  "onboarding.colon": ": ",
  "onboarding.list_sep": ", ",
  "onboarding.kind.lesson": "Lesson",
  "onboarding.kind.quiz": "Module quiz",
  "onboarding.kind.scenario": "Conversation",
  "onboarding.kind.drill": "Timed drill",
  "onboarding.kind.exam": "Exam",
  "onboarding.kind.survey": "Feedback survey",
  "onboarding.kind.observation": "QA observation",
  "onboarding.kind.shadowing": "Shadowing",
  "onboarding.kind.milestone": "Milestone",
  "onboarding.item.done": "done",
  "onboarding.item.due": "due today",
  "onboarding.item.overdue": "overdue",
  "onboarding.item.upcoming": "not started",
  "onboarding.item.untracked": "not recorded",
  "onboarding.item.mentor_confirms": " (your mentor confirms it)",
  "onboarding.today.day": "Today is day {day} of your onboarding",
  "onboarding.today.finished": "The 30-day plan is over",
  "onboarding.today.not_started": "Your onboarding starts on {date}",
  "onboarding.today.progress":
    "{done} done, {due} due so far, {overdue} overdue",
  "onboarding.today.rest": "Today is a rest day. Rest well; more tomorrow.",
  "onboarding.today.due": "Due today",
  "onboarding.today.nothing_due":
    "Nothing new today: review, or catch up on anything overdue.",
  "onboarding.today.overdue": "Overdue",
  "onboarding.today.no_overdue": "Nothing overdue. Keep it up!",
  "onboarding.today.next": "Coming next (day {day})",
  "onboarding.today.certification": "Certification",
  "onboarding.today.cert_dates": "issued {issued}, valid until {expires}",
  "onboarding.today.cert_link": "View certificate",
  "onboarding.today.eligible":
    "You meet every rule; the certificate is issued automatically.",
  "onboarding.today.missing_intro": "Still needed for the certificate:",
  "onboarding.learner.certification": "Certification",
  "onboarding.learner.eligible":
    "Meets every rule; the certificate is issued automatically.",
  "onboarding.learner.missing_intro": "Still needed for the certificate:",
  "onboarding.learner.none":
    "Not in an onboarding cohort yet, so no certification progress.",
  "onboarding.cohort.time_zone": "Time zone",
  "onboarding.cohort.time_zone_hint":
    "An IANA time zone name, e.g. Asia/Shanghai (Beijing time) or America/Los_Angeles. Each plan day starts at midnight there.",
  "onboarding.cohort.time_zone_invalid":
    "Time zone not recognised: enter an IANA name such as Asia/Shanghai.",
  "onboarding.today.renew":
    "Your {level} expires in {days} days: recertify soon.",
  "onboarding.state.met": "Met",
  "onboarding.state.not-met": "Not met",
  "onboarding.state.pending": "Pending",
  "onboarding.criterion.prerequisite":
    "Hold a valid certificate of the level below",
  "onboarding.criterion.plan-items":
    "Required plan items: {done} of {total} done",
  "onboarding.criterion.quizzes":
    "Module quizzes: {passed} of {total} at {minPercent} or more (lowest taken: {lowest})",
  "onboarding.criterion.scenario-average":
    "Conversation average {average}, at least {minAverage} needed ({played} of {total} played)",
  "onboarding.criterion.red-lines":
    "Red lines crossed in the {counted} counted conversations: {breaches} (none allowed)",
  "onboarding.criterion.exam":
    "Certification exam: {attempts} attempts, best {best} (must pass within the time limit)",
  "onboarding.criterion.surveys":
    "Feedback surveys: {submitted} of {total} submitted",
  "onboarding.criterion.observation":
    "On-the-job QA score {score}, at least {minPercent} needed",
  "onboarding.criterion.missing": "Missing: {list}",
  "onboarding.cert.status.valid": "Valid",
  "onboarding.cert.status.expired": "Expired",
  "onboarding.cert.status.revoked": "Revoked",
  "onboarding.verify.title": "Verify certificate · {level}",
  "onboarding.verify.heading": "Certificate verification",
  "onboarding.verify.holder": "Holder",
  "onboarding.verify.issued": "Issued",
  "onboarding.verify.expires": "Valid until",
  "onboarding.verify.revoked_on": "Revoked on",
  "onboarding.verify.signature": "Signature",
  "onboarding.verify.signature_ok":
    "Valid (checked against the academy's published key)",
  "onboarding.verify.signature_bad":
    "Invalid: the certificate may have been altered",
  "onboarding.verify.status_list": "Status list",
  "onboarding.verify.list_clear": "Not revoked",
  "onboarding.verify.list_revoked": "The status list marks it revoked",
  "onboarding.verify.how":
    "This is an Open Badges 3.0 verifiable credential: anyone can verify it offline with standard tools and the issuer key published below.",
  "onboarding.verify.print": "Print certificate",
  "onboarding.verify.credential": "Download credential (JSON)",
  "onboarding.verify.badge": "Download badge (SVG with the credential)",
  "onboarding.verify.issuer": "Issuer's public keys",
  "onboarding.print.title": "Certificate · {name}",
  "onboarding.print.hint":
    "Use your browser's print command to print or save as PDF (A4 landscape).",
  "onboarding.print.back": "Back to the verify page",
  "onboarding.print.heading": "Certificate of Completion",
  "onboarding.print.certifies": "This certifies that",
  "onboarding.print.completed": "has earned the {level}",
  "onboarding.print.dates": "Issued {issued} · Valid until {expires}",
  "onboarding.print.verify": "Verify this certificate at",
  "onboarding.level.criteria": "How it is earned",
  "onboarding.level.validity":
    "Valid for {months} months; recertify before it expires.",
  "onboarding.exam.rules":
    "{count, plural, one {# question} other {# questions}}, pass mark {pass}, {minutes} minutes by the server's clock.",
  "onboarding.exam.attempts": "At most {max} attempts; {used} used.",
  "onboarding.exam.cooldown": "At least {hours} hours between attempts.",
  "onboarding.exam.scenarios":
    "During the exam, also complete these conversations (only ones started after the exam opened count): {list}",
  "onboarding.exam.blocked.limit":
    "No attempts left. Ask your training lead to arrange a refresher.",
  "onboarding.exam.blocked.cooldown":
    "Cool-down: you can try again after {time}.",
  "onboarding.exam.start": "Start exam",
  "onboarding.exam.resume": "Continue exam",
  "onboarding.exam.history": "Your attempts",
  "onboarding.exam.no_history":
    "No attempts yet. Press “Start exam” when you are ready.",
  "onboarding.exam.score": "{percent} points",
  "onboarding.exam.score_of": "Score {percent} (pass mark {pass})",
  "onboarding.exam.passed": "Passed",
  "onboarding.exam.failed": "Not passed",
  "onboarding.exam.result": "Exam result",
  "onboarding.exam.closed": "This attempt has already been handed in.",
  "onboarding.exam.late":
    "Handed in after the time limit: only answers saved in time were scored, and this attempt does not count as passed in time.",
  "onboarding.exam.scenarios_missing":
    "Conversations not completed during the exam: {list}",
  "onboarding.exam.required_scenarios": "Conversations this exam requires",
  "onboarding.exam.scenario_done": "counted",
  "onboarding.exam.scenario_todo": "not done yet",
  "onboarding.exam.time_left": "About {minutes} minutes left (ends {time})",
  "onboarding.exam.error":
    "Some answers are malformed; check them and hand in again.",
  "onboarding.exam.submit": "Hand in",
  "onboarding.exam.to_today": "Back to today",
  "onboarding.exam.back": "Back to the exam page",
  "onboarding.survey.anonymous":
    "This survey is anonymous: your manager cannot see your own answers.",
  "onboarding.survey.saved":
    "Saved, thank you! You can change it until the survey closes.",
  "onboarding.survey.closes": "Closes {time}; you can edit until then.",
  "onboarding.survey.closed":
    "The survey has closed; answers can no longer change.",
  "onboarding.survey.fix":
    "Some questions are unanswered or invalid: see the marked questions.",
  "onboarding.survey.optional": " (optional)",
  "onboarding.survey.likert.1": "1 strongly disagree",
  "onboarding.survey.likert.2": "2 disagree",
  "onboarding.survey.likert.3": "3 neutral",
  "onboarding.survey.likert.4": "4 agree",
  "onboarding.survey.likert.5": "5 strongly agree",
  "onboarding.survey.nps_hint":
    "0 = would not recommend at all, 10 = would certainly recommend",
  "onboarding.survey.problem.required": "This question needs an answer.",
  "onboarding.survey.problem.range": "Pick a score on the scale.",
  "onboarding.survey.problem.option": "Pick one of the options.",
  "onboarding.survey.problem.too_long":
    "Too long: keep it under 1000 characters.",
  "onboarding.survey.submit": "Submit",
  "onboarding.survey.update": "Save changes",
  "onboarding.mentor.title": "Waiting for your confirmation",
  "onboarding.mentor.lead":
    "Confirm here when a mentee has done their shadowing or milestone.",
  "onboarding.mentor.done": "Confirmed.",
  "onboarding.mentor.empty": "Nothing waiting",
  "onboarding.mentor.empty_body":
    "Mentees' shadowing and milestones appear here on their day.",
  "onboarding.mentor.no_cohorts": "You mentor no cohort yet",
  "onboarding.mentor.no_cohorts_body":
    "Once an admin makes you a cohort's mentor under Teams and cohorts, your mentees' items appear here.",
  "onboarding.mentor.day": "day {day}",
  "onboarding.mentor.note": "Note (optional)",
  "onboarding.mentor.confirm": "Confirm done",
  "onboarding.qa.title": "QA observation · {name}",
  "onboarding.qa.back": "Back to the learner",
  "onboarding.qa.saved": "QA score saved.",
  "onboarding.qa.latest": "Latest: {percent} points, {breaches} red lines",
  "onboarding.qa.critical": "Red lines (any one fails the conversation)",
  "onboarding.qa.points": "{points} points",
  "onboarding.qa.note": "Note (optional)",
  "onboarding.qa.save": "Save score",
  "onboarding.admin_nav.certificates": "Certificates",
  "onboarding.admin.title": "Certificates",
  "onboarding.admin.done": "Saved and written to the audit log.",
  "onboarding.admin.empty": "No certificates issued yet",
  "onboarding.admin.empty_body":
    "Certificates are issued automatically when a learner meets every rule; you can also grant one below.",
  "onboarding.admin.granted": "granted by an admin: {reason}",
  "onboarding.admin.verify": "Verify page",
  "onboarding.admin.revoked_because": "Revoked because: {reason}",
  "onboarding.admin.revoke": "Revoke certificate",
  "onboarding.admin.reason": "Reason (written to the audit log)",
  "onboarding.admin.confirm_revoke":
    "I confirm revoking this certificate of {name}; this cannot be undone.",
  "onboarding.admin.revoke_button": "Revoke",
  "onboarding.admin.error.reason": "Give a reason (2-500 characters).",
  "onboarding.admin.error.confirm": "Tick the confirmation to revoke.",
  "onboarding.admin.error.login":
    "No learner with this login: use the learner's email or phone.",
  "onboarding.admin.decide": "Grant or withhold a certificate",
  "onboarding.admin.decide_lead":
    "Grant: issue it without every rule met; withhold: do not issue it automatically. Both are audited.",
  "onboarding.admin.login": "Learner's login (email or phone)",
  "onboarding.admin.level": "Level",
  "onboarding.admin.kind": "Decision",
  "onboarding.admin.kind.grant": "Grant",
  "onboarding.admin.kind.withhold": "Withhold",
  "onboarding.admin.decide_button": "Save decision",
};
