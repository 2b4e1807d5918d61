/**
 * Messages for attempt rules, shuffled choices, scenario outcomes and debriefs. zh-CN is the reference; `en` is typed against it so
 * no key is missing. Kept apart from the core catalog so each area owns its
 * own file.
 */
export const zh = {
  "scoring.reply_length": "回复 {min}–{max} 字，超过 {max} 字无法发送",
  "scoring.reply_too_long": "回复最多 {max} 字，请删减后再发送。",
  "scoring.passed": "通过",
  "scoring.not_passed": "未通过",
  "scoring.not_passed_because": "本次对话未通过：",
  "scoring.list_separator": "；",
  "scoring.fail.lost": "顾客流失",
  "scoring.fail.failed_reply": "有 {count} 条回复未达标",
  "scoring.fail.breach": "触碰了合规红线",
  "scoring.fail.late": "首次响应超时",
  "scoring.costs.title": "每一步的得失",
  "scoring.costs.lead": "与这一步最好的做法相比少得的分，以及失误扣掉的分。",
  "scoring.costs.step": "第 {step} 步：{customer}",
  "scoring.costs.earned": "得分",
  "scoring.costs.best": "可得",
  "scoring.costs.lost": "失分",
  "scoring.costs.none": "每一步都拿到了最高分，没有扣分。",
  "scoring.penalty.late": "首次响应超时 −{points}",
  "scoring.penalty.failedReply": "回复未达标 −{points}",
  "scoring.penalty.redLine": "触碰红线 −{points}",
  "scoring.redline.promise": "无权限的承诺",
  "scoring.redline.blame": "推卸责任",
  "scoring.redline.privacy": "泄露或索要隐私",
  "scoring.redline.superlative": "广告法极限用语",
  "scoring.redline.insult": "辱骂或讽刺顾客",
  "scoring.breaches.title": "合规红线",
  "scoring.breaches.item": "第 {step} 步：{category}",
  "scoring.closed": "这份测验已经交卷，答案不能再修改。",
  "scoring.expired":
    "答题时间已到，之后的答案不再保存；交卷时只计算截止前保存的答案。",
} as const;

/** English messages for the same keys. */
export const en: Record<keyof typeof zh, string> = {
  "scoring.reply_length":
    "Reply in {min}–{max} characters; longer replies cannot be sent",
  "scoring.reply_too_long":
    "A reply can be at most {max} characters; shorten it and send again.",
  "scoring.passed": "Passed",
  "scoring.not_passed": "Not passed",
  "scoring.not_passed_because": "This conversation did not pass: ",
  "scoring.list_separator": "; ",
  "scoring.fail.lost": "the customer was lost",
  "scoring.fail.failed_reply": "replies that fell short: {count}",
  "scoring.fail.breach": "a compliance red line was crossed",
  "scoring.fail.late": "the first response was late",
  "scoring.costs.title": "What each step cost",
  "scoring.costs.lead":
    "Points missed against the best move at each step, and points taken off for mistakes.",
  "scoring.costs.step": "Step {step}: {customer}",
  "scoring.costs.earned": "Earned",
  "scoring.costs.best": "Possible",
  "scoring.costs.lost": "Lost",
  "scoring.costs.none":
    "Every step earned its full points, with nothing taken off.",
  "scoring.penalty.late": "late first response −{points}",
  "scoring.penalty.failedReply": "reply fell short −{points}",
  "scoring.penalty.redLine": "red line crossed −{points}",
  "scoring.redline.promise": "a promise beyond your authority",
  "scoring.redline.blame": "shifting the blame",
  "scoring.redline.privacy": "asking for or exposing private data",
  "scoring.redline.superlative": "absolute advertising terms",
  "scoring.redline.insult": "insulting or mocking the customer",
  "scoring.breaches.title": "Compliance red lines",
  "scoring.breaches.item": "Step {step}: {category}",
  "scoring.closed":
    "This quiz has been submitted; its answers can no longer change.",
  "scoring.expired":
    "Time is up: answers are no longer saved, and only those saved before the deadline count.",
};
