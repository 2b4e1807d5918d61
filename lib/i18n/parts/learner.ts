/**
 * Messages for learner pages: lessons, modules, quiz safety net, drills. zh-CN is the reference; `en` is typed against it so
 * no key is missing. Kept apart from the core catalog so each area owns its
 * own file.
 */
export const zh = {
  "learner.drill.item_score": "得分：{score}（{seconds} 秒）",
  "learner.drill.time_left": "剩余时间：{seconds} 秒",
  "learner.hint.single":
    "这个选项不是最合适的。回到题干，找出它真正在问什么，再试一次。",
  "learner.hint.multiple":
    "你选对了 {right} 项；还有 {missed} 项该选的没选，{extra} 项不该选的选了。",
  "learner.hint.truefalse": "再读一遍这句话：有没有哪个词让它不成立？",
  "learner.hint.ordering":
    "有 {count} 个步骤的位置不对。想想先做什么、后做什么。",
  "learner.hint.matching": "{total} 组里有 {count} 组配错了。",
  "learner.hint.fillin": "还不对。回到课文里找找这个数字或说法。",
  "learner.hint.written": "对照下面的要点修改你的回复，再提交一次。",
  "learner.check.hint": "提示",
  "learner.check.reveal": "查看解析",
  "learner.check.revealing": "正在加载解析…",
  "learner.check.option": "选项 {label}",
  "learner.blank": "空格",
  "learner.quiz.time_left": "剩余时间",
  "learner.quiz.time_up": "时间到，请交卷。",
  "learner.quiz.answered": "已答 {done}/{total}",
  "learner.quiz.navigator": "题目导航",
  "learner.quiz.question": "第 {n} 题",
  "learner.list_separator": "、",
  "learner.label_separator": "：",
  "learner.quiz.question_answered": "第 {n} 题（已答）",
  "learner.quiz.question_open": "第 {n} 题（未答）",
  "learner.quiz.confirm_title": "还有题没答，确定交卷吗？",
  "learner.quiz.confirm_body":
    "未答的题：{list}。交卷后会用掉一次机会，未答的题不得分。",
  "learner.quiz.confirm_submit": "仍然交卷",
  "learner.quiz.confirm_back": "回去作答",
  "learner.quiz.attempts_left": "还剩 {count} 次机会。",
  "learner.quiz.attempts_none": "测验次数已经用完。",
  "learner.quiz.attempts_unlimited": "可以不限次数重做。",
  "learner.quiz.next_open":
    "下一次最早可在 {time, date, medium} {time, time, short} 开始。",
  "learner.quiz.next_now": "现在就可以再做一次。",
  "learner.quiz.retry": "再做一次",
  "learner.quiz.review_first": "重做之前，先回顾这些课程：",
  "learner.quiz.review_none": "这次没有答错的技能，可以回到课程继续学习。",
  "learner.module.title": "{module} · 模块概览",
  "learner.module.lessons": "本模块的课程",
  "learner.module.progress": "已学完 {done}/{total} 课",
  "learner.module.done": "已学完",
  "learner.module.todo": "未学",
  "learner.module.quiz": "模块测验",
  "learner.module.quiz_none": "本模块没有测验。",
  "learner.module.quiz_best": "最好成绩 {best} 分",
  "learner.module.quiz_passed": "已通过",
  "learner.module.quiz_open": "去做测验",
  "learner.module.practice": "练习",
  "learner.module.scenarios": "模拟顾客对话",
  "learner.module.drills": "快速响应训练",
  "learner.module.practice_none":
    "本模块没有专门的练习，可以去课程的练习列表看看。",
  "learner.module.all_practice": "全部模拟对话",
  "learner.module.all_drills": "全部快速响应训练",
  "learner.course.progress": "已学 {done}/{total} 课",
  "learner.course.practice": "练习",
  "learner.course.open_module": "模块概览",
  "learner.home.continue": "继续学习 · {done}/{total}",
  "learner.home.review": "复习课程 · {done}/{total}",
  "learner.resume": "继续学习：{title}",
  "learner.recent_row": "{title}：{score}",
} as const;

/** English messages for the same keys. */
export const en: Record<keyof typeof zh, string> = {
  "learner.drill.item_score": "Score: {score} ({seconds} s)",
  "learner.drill.time_left": "Time left: {seconds} s",
  "learner.hint.single":
    "That is not the best option. Read the question again for what it really asks, then try again.",
  "learner.hint.multiple":
    "{right, plural, one {# choice is} other {# choices are}} right; {missed, plural, one {# correct option is} other {# correct options are}} missing and {extra, plural, one {# chosen option does} other {# chosen options do}} not belong.",
  "learner.hint.truefalse":
    "Read the statement again: is there a word that makes it untrue?",
  "learner.hint.ordering":
    "{count, plural, one {# step is} other {# steps are}} in the wrong place. Think about what comes first.",
  "learner.hint.matching":
    "{count, plural, one {# pair} other {# pairs}} of {total} {count, plural, one {is} other {are}} wrong.",
  "learner.hint.fillin":
    "Not yet. Look for this figure or wording in the lesson.",
  "learner.hint.written":
    "Revise your reply against the points below and send it again.",
  "learner.check.hint": "Hint",
  "learner.check.reveal": "Show explanation",
  "learner.check.revealing": "Loading the explanation…",
  "learner.check.option": "Option {label}",
  "learner.blank": "blank",
  "learner.quiz.time_left": "Time left",
  "learner.quiz.time_up": "Time is up, please submit.",
  "learner.quiz.answered": "{done}/{total} answered",
  "learner.quiz.navigator": "Questions",
  "learner.quiz.question": "Question {n}",
  "learner.list_separator": ", ",
  "learner.label_separator": ": ",
  "learner.quiz.question_answered": "Question {n} (answered)",
  "learner.quiz.question_open": "Question {n} (not answered)",
  "learner.quiz.confirm_title":
    "Some questions are not answered. Submit anyway?",
  "learner.quiz.confirm_body":
    "Not answered: {list}. Submitting uses one attempt; unanswered questions score nothing.",
  "learner.quiz.confirm_submit": "Submit anyway",
  "learner.quiz.confirm_back": "Go back and answer",
  "learner.quiz.attempts_left":
    "{count, plural, one {# attempt} other {# attempts}} left.",
  "learner.quiz.attempts_none": "No attempts left.",
  "learner.quiz.attempts_unlimited": "You can retake it as often as you like.",
  "learner.quiz.next_open":
    "The next attempt opens on {time, date, medium} at {time, time, short}.",
  "learner.quiz.next_now": "You can take it again now.",
  "learner.quiz.retry": "Take it again",
  "learner.quiz.review_first": "Before you retake it, review these lessons:",
  "learner.quiz.review_none":
    "No skill was missed this time; carry on with the course.",
  "learner.module.title": "{module} · module overview",
  "learner.module.lessons": "Lessons in this module",
  "learner.module.progress": "{done}/{total} lessons done",
  "learner.module.done": "done",
  "learner.module.todo": "to do",
  "learner.module.quiz": "Module quiz",
  "learner.module.quiz_none": "This module has no quiz.",
  "learner.module.quiz_best": "best {best}",
  "learner.module.quiz_passed": "passed",
  "learner.module.quiz_open": "Take the quiz",
  "learner.module.practice": "Practice",
  "learner.module.scenarios": "Customer conversations",
  "learner.module.drills": "Quick-response drills",
  "learner.module.practice_none":
    "This module has no practice of its own; see the course's practice lists.",
  "learner.module.all_practice": "All conversations",
  "learner.module.all_drills": "All drills",
  "learner.course.progress": "{done}/{total} lessons done",
  "learner.course.practice": "Practice",
  "learner.course.open_module": "Module overview",
  "learner.home.continue": "Continue · {done}/{total}",
  "learner.home.review": "Review the course · {done}/{total}",
  "learner.resume": "Continue: {title}",
  "learner.recent_row": "{title}: {score}",
};
