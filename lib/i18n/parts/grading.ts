/**
 * Messages for the rubric grader's verdicts, red lines and calibration (lib/rubric). zh-CN is the reference; `en` is typed against it so
 * no key is missing. Kept apart from the core catalog so each area owns its
 * own file.
 */
export const zh = {
  // "yes": a criterion shows the rubric's own (Chinese) label; "no": the element's name below.
  "grading.use_rubric_labels": "yes",
  "grading.quote": "“{text}”",
  "grading.quote_separator": "、",
  "grading.title_separator": "：",
  "grading.element.greeting": "问候",
  "grading.element.empathy": "致歉与共情",
  "grading.element.paraphrase": "复述确认",
  "grading.element.solution": "方案与下一步",
  "grading.element.time": "明确时间",
  "grading.element.closing": "礼貌收尾",
  "grading.must": "回应这位顾客的问题",
  "grading.redline.promise": "红线：越权承诺",
  "grading.redline.blame": "红线：推卸责任",
  "grading.redline.privacy": "红线：隐私",
  "grading.redline.superlative": "红线：广告法极限用语",
  "grading.redline.insult": "红线：辱骂或讽刺",
  "grading.deduction.vague": "含糊用语",
  "grading.deduction.length": "长度",
  "grading.reason.met": "做到了：{quote}。",
  "grading.reason.missing": "没有做到。",
  "grading.reason.negated": "{quote}前面有否定词，意思反了，不算做到。",
  "grading.reason.past_only":
    "{quote}说的是已经发生的事，不是给顾客的时间承诺。",
  "grading.reason.hedged":
    "{quote}前面有“大概”“估计”这类词，是猜测，不是承诺。",
  "grading.reason.vague":
    "出现了{quote}，扣 {points} 分。能给出具体时间或结果时别说“可能”“大概”。",
  "grading.reason.too_short": "回复太短，扣 {points} 分。",
  "grading.reason.too_long": "回复太长，扣 {points} 分。请精简。",
  "grading.blocker.promise.outcome":
    "{quote}：承诺了自己做不了主的结果（送达日期、审批、退款结果）。只承诺自己能做到的，比如“2 小时内给您回复”。",
  "grading.blocker.promise.compensation":
    "{quote}：答应了超出权限的补偿。一线客服只能给 3、5 或 10 元优惠券；更多的要说“我为您申请，主管会在 2 小时内回复您”。",
  "grading.blocker.promise.escalation":
    "{quote}：替主管答应了审批结果。只能说谁在什么时间答复。",
  "grading.blocker.promise.exception":
    "{quote}：答应了政策之外的特例，这需要有权限的人批准。",
  "grading.blocker.blame.third_party":
    "{quote}：把责任推给了快递、仓库、系统或别家。运输中的风险由商家承担，由我们来解决。",
  "grading.blocker.blame.customer":
    "{quote}：把问题怪到了顾客身上。即使是顾客操作失误，也只说“我来帮您看看怎么处理”。",
  "grading.blocker.blame.denial":
    "{quote}：说这不是我们的责任。顾客的问题就是我们要解决的问题。",
  "grading.blocker.blame.redirect":
    "{quote}：让顾客自己去找别人解决。应该由我们去联系，再把结果告诉顾客。",
  "grading.blocker.privacy.asks_secret":
    "{quote}：向顾客要密码或验证码。任何时候都不能要。",
  "grading.blocker.privacy.asks_full_number":
    "{quote}：要完整的卡号或身份证号。核实身份只需后四位。",
  "grading.blocker.privacy.shows_identifier":
    "{quote}：显示了完整的手机号、证件号、卡号或地址。手机号要打码，如 138****0001。",
  "grading.blocker.privacy.other_customer":
    "{quote}：透露了别的顾客的信息。这是红线。",
  "grading.blocker.superlative.absolute":
    "{quote}：广告法禁止的极限用语。用真实数据说话，比如“近 30 天销量 5000+”。",
  "grading.blocker.insult.insult":
    "{quote}：辱骂或贬低顾客。无论顾客说什么，都保持礼貌。",
  "grading.blocker.insult.sarcasm":
    "{quote}：讽刺或不耐烦的语气。换成耐心的说明。",
  "grading.blocker.custom": "{quote}：本评分标准列出的红线用语。",
  "grading.refused.title": "未评分",
  "grading.refused.empty": "回复是空的，请写下你要发给顾客的话。",
  "grading.refused.too_long": "回复超过 5000 字，没有评分。请精简后再发。",
  "grading.refused.no_words": "回复里没有文字（只有表情或格式），没有评分。",
  "grading.summary.passed": "通过",
  "grading.summary.failed": "未通过",
  "grading.summary.blocked": "触碰红线，不通过",
  "grading.summary.refused": "未评分",
  "grading.met": "做到",
  "grading.not_met": "没做到",
  "grading.drill.result": "本轮结果",
  "grading.drill.passed": "通过：总分 {score} 分。",
  "grading.drill.failed":
    "未通过：总分 {score} 分。每条回复都要回应顾客的问题，且不能触碰红线。",
  "grading.drill.item": "第 {n} 条",
  "grading.drill.yours": "你的回复",
  "grading.drill.model": "参考回复",
  "grading.drill.item_score":
    "得分 {score}（用时 {seconds} 秒，限时 {limit} 秒）",
  "grading.drill.again": "再练一次",
  "grading.drill.review": "查看参考回复和逐条点评",
  "grading.drill.back": "返回训练列表",
  "grading.drill.best_last": "最好 {best} 分 · 最近 {latest} 分",
  "grading.drill.not_yet": "还没练过",
} as const;

/** English messages for the same keys. */
export const en: Record<keyof typeof zh, string> = {
  "grading.use_rubric_labels": "no",
  "grading.quote": "“{text}”",
  "grading.quote_separator": ", ",
  "grading.title_separator": ": ",
  "grading.element.greeting": "Greeting",
  "grading.element.empathy": "Apology and empathy",
  "grading.element.paraphrase": "Checking back",
  "grading.element.solution": "Solution and next step",
  "grading.element.time": "A clear time",
  "grading.element.closing": "Polite closing",
  "grading.must": "This customer's problem",
  "grading.redline.promise": "Red line: unauthorised promise",
  "grading.redline.blame": "Red line: shifting the blame",
  "grading.redline.privacy": "Red line: privacy",
  "grading.redline.superlative": "Red line: absolute advertising terms",
  "grading.redline.insult": "Red line: insult or sarcasm",
  "grading.deduction.vague": "Vague wording",
  "grading.deduction.length": "Length",
  "grading.reason.met": "Done: {quote}.",
  "grading.reason.missing": "Not done.",
  "grading.reason.negated":
    "{quote} is negated, so it says the opposite and does not count.",
  "grading.reason.past_only":
    "{quote} tells what already happened; it is not a time you commit to.",
  "grading.reason.hedged":
    "{quote} comes after “probably” or “about”: a guess, not a commitment.",
  "grading.reason.vague":
    "{quote} found, {points} points off. Where you can give a time or result, do not say “maybe”.",
  "grading.reason.too_short": "The reply is too short: {points} points off.",
  "grading.reason.too_long":
    "The reply is too long: {points} points off. Keep it short.",
  "grading.blocker.promise.outcome":
    "{quote}: promises an outcome you do not control (a delivery date, an approval, a refund result). Promise only your own steps, such as “I will reply within 2 hours”.",
  "grading.blocker.promise.compensation":
    "{quote}: offers compensation beyond your authority. Tier 1 may give a coupon of 3, 5 or 10 yuan; for more, say “I will apply for it; my supervisor will reply within 2 hours”.",
  "grading.blocker.promise.escalation":
    "{quote}: promises what a supervisor will decide. Say only who answers and when.",
  "grading.blocker.promise.exception":
    "{quote}: promises an exception to policy, which only someone with that authority may grant.",
  "grading.blocker.blame.third_party":
    "{quote}: blames the courier, warehouse, system or another shop. The seller bears transit risk and resolves it.",
  "grading.blocker.blame.customer":
    "{quote}: blames the customer. Even after a customer's mistake, say “let me see how I can fix this”.",
  "grading.blocker.blame.denial":
    "{quote}: says it is not our responsibility. The customer's problem is ours to solve.",
  "grading.blocker.blame.redirect":
    "{quote}: sends the customer to someone else. Contact them yourself and report back.",
  "grading.blocker.privacy.asks_secret":
    "{quote}: asks for a password or verification code. Never ask for one.",
  "grading.blocker.privacy.asks_full_number":
    "{quote}: asks for a full card or ID number. The last four digits are enough to verify.",
  "grading.blocker.privacy.shows_identifier":
    "{quote}: shows a full phone, ID or card number or an address. Mask phone numbers, e.g. 138****0001.",
  "grading.blocker.privacy.other_customer":
    "{quote}: reveals another customer's data. This is a red line.",
  "grading.blocker.superlative.absolute":
    "{quote}: an absolute term the Advertising Law forbids. Use real figures, e.g. “5,000+ sold in 30 days”.",
  "grading.blocker.insult.insult":
    "{quote}: insults or belittles the customer. Stay polite whatever the customer says.",
  "grading.blocker.insult.sarcasm":
    "{quote}: sarcastic or impatient. Explain patiently instead.",
  "grading.blocker.custom": "{quote}: wording this rubric lists as a red line.",
  "grading.refused.title": "Not graded",
  "grading.refused.empty":
    "The reply is empty. Write what you would send the customer.",
  "grading.refused.too_long":
    "The reply is over 5,000 characters and was not graded. Shorten it and send again.",
  "grading.refused.no_words":
    "The reply has no words (only emoji or markup) and was not graded.",
  "grading.summary.passed": "Passed",
  "grading.summary.failed": "Not passed",
  "grading.summary.blocked": "Red line crossed: not passed",
  "grading.summary.refused": "Not graded",
  "grading.met": "Done",
  "grading.not_met": "Not done",
  "grading.drill.result": "This round",
  "grading.drill.passed": "Passed: {score} points in total.",
  "grading.drill.failed":
    "Not passed: {score} points in total. Every reply must answer the customer's problem and cross no red line.",
  "grading.drill.item": "Message {n}",
  "grading.drill.yours": "Your reply",
  "grading.drill.model": "Model answer",
  "grading.drill.item_score": "Score {score} ({seconds} s, limit {limit} s)",
  "grading.drill.again": "Practise again",
  "grading.drill.review": "See the model answers and feedback",
  "grading.drill.back": "Back to the drills",
  "grading.drill.best_last": "Best {best} · last {latest}",
  "grading.drill.not_yet": "Not practised yet",
};
