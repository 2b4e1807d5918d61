/**
 * Messages of confidence ratings: the radio group beside each question of a
 * quiz or exam that asks (lib/quiz/confidence.ts), its field error, and the
 * confidence-versus-correctness figures of the evaluator. zh-CN is the
 * reference; `en` is typed against it so no key is missing.
 */
export const zh = {
  "confidence.legend": "第 {n} 题你有多大把握？",
  "confidence.level.guess": "猜的",
  "confidence.level.likely": "有点把握",
  "confidence.level.sure": "很有把握",
  "confidence.hint": "选一项（可以不选）：只用来了解你的把握程度，不影响得分。",
  "confidence.lead":
    "这份卷子每题下面会问你有多大把握。如实选就好：把握程度不算分，只帮你和带教老师看清哪些知识点是真懂、哪些是碰巧答对。",
  "confidence.field_error":
    "第 {n} 题的“把握程度”只能选 猜的、有点把握 或 很有把握，这次提交没有保存，请重新选择后再交卷。",
  "confidence.error_unknown":
    "有一题的“把握程度”不是可选的一项，这次提交没有保存，请刷新页面后重新作答。",
  "confidence.title": "把握程度与正确率",
  "confidence.lead_agent":
    "在要求标注把握程度的测验和考试里，这位客服每题选了多大把握，与实际答对的比例对比。差值超过 {margin} 个百分点算过于自信或过于不自信。",
  "confidence.empty": "还没有标注把握程度的作答",
  "confidence.empty_body":
    "前测、后测等要求标注把握程度的卷子，交卷后这里会显示把握程度与正确率的对比。",
  "confidence.too_few":
    "已标注 {n} 题，至少需要 {min} 题才下结论（还差 {more} 题）：几题碰巧猜对说明不了什么。",
  "confidence.rated": "标注题数",
  "confidence.mean": "平均把握",
  "confidence.accuracy": "实际正确率",
  "confidence.gap": "差值（把握 − 正确率）",
  "confidence.kind": "结论",
  "confidence.kind.over": "过于自信：把握高于实际正确率",
  "confidence.kind.under": "过于不自信：实际答对的比自己以为的多",
  "confidence.kind.calibrated": "把握与正确率相符",
  "confidence.percent": "{value}%",
  "confidence.points": "{value} 个百分点",
};

export const en: Record<keyof typeof zh, string> = {
  "confidence.legend": "How sure are you about question {n}?",
  "confidence.level.guess": "A guess",
  "confidence.level.likely": "Fairly sure",
  "confidence.level.sure": "Very sure",
  "confidence.hint":
    "Pick one (optional): it shows how sure you are and does not change your score.",
  "confidence.lead":
    "This paper asks how sure you are under each question. Answer honestly: it does not count towards the score; it helps you and your mentor see what you really know and what you got right by luck.",
  "confidence.field_error":
    "“How sure” for question {n} can only be A guess, Fairly sure or Very sure. Nothing was saved; choose again and submit.",
  "confidence.error_unknown":
    "One “how sure” value is not one of the choices. Nothing was saved; reload the page and answer again.",
  "confidence.title": "Confidence and correctness",
  "confidence.lead_agent":
    "In quizzes and exams that ask for it, how sure this agent said they were on each question, against the share they actually got right. A gap of more than {margin} points either way is over- or under-confidence.",
  "confidence.empty": "No rated answers yet",
  "confidence.empty_body":
    "After a paper that asks how sure the agent is (such as the pre-test or post-test), confidence is compared with correctness here.",
  "confidence.too_few":
    "{n} rated answers; at least {min} are needed for a verdict ({more} more): a few lucky guesses say little.",
  "confidence.rated": "Rated answers",
  "confidence.mean": "Mean confidence",
  "confidence.accuracy": "Share correct",
  "confidence.gap": "Gap (confidence − correct)",
  "confidence.kind": "Verdict",
  "confidence.kind.over": "Over-confident: surer than their answers were right",
  "confidence.kind.under":
    "Under-confident: right more often than they thought",
  "confidence.kind.calibrated": "Confidence matches correctness",
  "confidence.percent": "{value}%",
  "confidence.points": "{value} points",
};
