/**
 * Messages of GIFT import/export and item analysis (trainer pages under
 * /author/gift and /author/items, and `deno task gift`). zh-CN is the
 * reference; `en` is typed against it so no key is missing.
 */
export const zh = {
  "gift.title": "GIFT 导入导出",
  "gift.lead":
    "GIFT 是 Moodle 的题目文本格式。粘贴或上传 GIFT 文本，先预览会导入什么，确认后写入题库草稿，在课程工作区发布后生效；也可以把题库导出为 GIFT。",
  "gift.course": "课程",
  "gift.no_course": "还没有已发布的课程。请先发布课程，再导入题目。",
  "gift.import.heading": "导入",
  "gift.bank": "导入到题库",
  "gift.bank_new": "新建题库",
  "gift.bank_id": "新题库编号（小写字母、数字和短横线）",
  "gift.bank_title": "新题库名称",
  "gift.module": "没有写模块的题目放入模块",
  "gift.skill": "没有写技能的题目归入技能",
  "gift.difficulty": "没有写难度的题目的难度",
  "gift.difficulty.1": "1（简单）",
  "gift.difficulty.2": "2（中等）",
  "gift.difficulty.3": "3（困难）",
  "gift.text": "GIFT 文本",
  "gift.text_hint":
    "一题一段，题与题之间空一行。注意使用半角符号 ~ = # '{' '}' : %，中文输入法下的全角符号会被指出。",
  "gift.file": "或上传 .gift / .txt 文件（UTF-8，最大 512 KB）",
  "gift.preview": "预览",
  "gift.import": "确认导入 {count, plural, other {# 道题}}",
  "gift.preview.heading": "预览（尚未保存）",
  "gift.preview.summary":
    "可导入 {ok} 道，其中新增 {creates} 道、更新 {updates} 道、未变 {unchanged} 道；问题 {problems} 处，提示 {warnings} 处。",
  "gift.preview.new_bank": "将新建题库“{bank}”。",
  "gift.preview.categories": "分类：{list}",
  "gift.preview.fix_first":
    "请先修改下面的问题，再预览；有问题的文本不会导入。",
  "gift.preview.nothing": "没有可导入的题目：题库里已经是这些内容了。",
  "gift.problems": "问题",
  "gift.warnings": "提示",
  "gift.col.line": "行",
  "gift.col.gift": "GIFT 题型",
  "gift.col.type": "本平台题型",
  "gift.col.id": "编号",
  "gift.col.action": "操作",
  "gift.col.prompt": "题干",
  "gift.col.count": "题数",
  "gift.action.create": "新增",
  "gift.action.update": "更新",
  "gift.action.unchanged": "未变",
  "gift.action.none": "不导入",
  "gift.type.single": "单选题",
  "gift.type.multiple": "多选题",
  "gift.type.truefalse": "判断题",
  "gift.type.ordering": "排序题",
  "gift.type.matching": "匹配题",
  "gift.type.fillin": "填空题",
  "gift.type.written": "问答题",
  "gift.done":
    "已存入题库草稿：新增 {creates} 道，更新 {updates} 道。在课程工作区检查并发布后，学员才会看到。",
  "gift.done_link": "打开课程工作区",
  "gift.refused.moved":
    "预览之后这个题库又被修改或发布了，请重新预览后再导入。",
  "gift.refused.problems": "文本还有问题，未导入。请修改后重新预览。",
  "gift.refused.nothing": "没有需要导入的变化。",
  "gift.error.text_required": "请粘贴 GIFT 文本或选择一个文件。",
  "gift.error.text_too_long": "GIFT 文本最多 512 KB，请分成几个文件导入。",
  "gift.error.file_encoding": "文件不是 UTF-8 编码，请另存为 UTF-8 后再上传。",
  "gift.error.bank": "请选择一个题库，或填写新题库的编号。",
  "gift.error.bank_id":
    "题库编号只能用小写字母、数字和短横线，例如 returns-bank。",
  "gift.error.bank_title": "请填写新题库的名称。",
  "gift.error.module": "请选择一个模块。",
  "gift.error.skill": "请选择一个技能。",
  "gift.error.difficulty": "难度请选择 1、2 或 3。",
  "gift.error.form": "表单填写有误，请检查后重试。",
  "gift.export.heading": "导出",
  "gift.export.lead":
    "导出的文件可以直接导入 Moodle；再导入本平台时按 [id:…] 更新原题，不会重复。排序题在 GIFT 中没有对应题型，不会导出。",
  "gift.export.bank": "导出“{bank}”（{count, plural, other {# 道题}}）",
  "gift.export.none": "这个课程还没有题库。",
  "gift.at": "第 {line} 行第 {col} 列",
  "gift.problem.lookalike":
    "全角“{found}”写在了 GIFT 符号的位置，请改成半角“{fix}”（中文输入法可切换到英文标点）；如果它就是正文，请在前面加反斜杠。",
  "gift.problem.syntax": "GIFT 语法错误：这里应为 {expected}，实际是 {found}。",
  "gift.problem.syntax_end": "文件结尾",
  "gift.problem.no_correct":
    "没有正确答案：用 = 标出正确选项，或给选项正的权重（如 %50%）。",
  "gift.problem.numerical_range":
    "数值题的小数容差或范围无法换成本平台的固定答案；请改为列出可接受的数值，例如 =1.5 =2。",
  "gift.problem.essay_needs_rubric":
    "问答题需要评分量规：在题目上方加两行注释，写上量规编号和参考答案，例如“// @rubric: service-reply”和“// @model: text”。",
  "gift.problem.no_explanation": "缺少解析：在答案末尾加上“####解析”。",
  "gift.problem.bad_id":
    "编号“{id}”无法使用：请用小写字母、数字和短横线，例如 refund-days。",
  "gift.problem.duplicate_id":
    "编号“{id}”在文件中出现了两次，请改成不同的编号。",
  "gift.problem.unknown_rubric": "量规“{rubric}”不在本课程中。",
  "gift.problem.id_taken": "编号“{id}”已被另一个题库的题目使用，请换一个编号。",
  "gift.problem.content": "{field}：{message}",
  "gift.warning.partial_dropped":
    "“{answer}”的部分得分（{weight}%）未导入：该题型按全对或全错计分。",
  "gift.warning.weights_equalised":
    "各正确选项的权重不同，导入后按均等份额计分。",
  "gift.warning.numerical_integers": "整数容差换成了 {values} 个可接受的数值。",
  "gift.warning.feedback_folded": "各选项的反馈已并入解析。",
  "gift.warning.description_skipped": "说明文字不是题目，不会导入。",
  "gift.warning.tag_ignored": "标签“{tag}”不是本课程的技能，已忽略。",
  "gift.cli.summary":
    "{file}：可导入 {ok} 道，问题 {problems} 处，提示 {warnings} 处",
  "items.title": "题目分析",
  "items.lead":
    "按 Moodle 测验统计的公式，逐题给出难度（通过率）、标准差、区分度指数和区分效率，以及每个选项的选择率；默认只算每位学员的第一次作答。",
  "items.no_course": "还没有已发布的课程。",
  "items.none":
    "还没有学员提交过这份测验或考试，提交之后这里会显示每道题的统计。",
  "items.assessment": "测验或考试",
  "items.kind.quiz": "模块测验",
  "items.kind.exam": "考试",
  "items.which": "统计哪些作答",
  "items.first": "只算第一次作答",
  "items.all": "计入所有作答",
  "items.show": "查看",
  "items.quiz.summary":
    "{attempts, plural, other {# 次作答}}，平均得分 {mean}，{slots, plural, other {每次 # 题}}。",
  "items.alpha": "克龙巴赫 α（内部一致性）：{alpha, number, ::.00}",
  "items.alpha_none":
    "克龙巴赫 α：无法计算（作答少于 2 次、题数不同或总分没有差异）。",
  "items.n_small":
    "样本太少：只有 {n} 次作答（建议至少 {min} 次），下面的数字仅供参考。",
  "items.question": "{id}（{type}，课程版本 {version}）",
  "items.n": "作答数",
  "items.facility": "难度（通过率）",
  "items.sd": "标准差",
  "items.di": "区分度指数",
  "items.de": "区分效率",
  "items.na": "—",
  "items.percent": "{share, number, percent}",
  "items.figure": "{share, number, ::percent .0}",
  "items.options": "选项选择率",
  "items.col.option": "选项",
  "items.col.rate": "全部",
  "items.col.upper": "高分组",
  "items.col.lower": "低分组",
  "items.correct": "（正确）",
  "items.no_options": "这种题型没有可统计的选项。",
  "items.flags": "需要关注",
  "items.ok": "没有发现问题。",
  "items.flag.too_easy":
    "太容易：通过率 {facility}，几乎人人答对，区分不出掌握程度。",
  "items.flag.too_hard":
    "太难：通过率只有 {facility}，检查题干、答案是否有误，或教学是否覆盖。",
  "items.flag.negative_discrimination":
    "区分度为负（{index}）：整体成绩差的学员反而更常答对，题目或答案可能有误。",
  "items.flag.low_discrimination":
    "区分效率低（{efficiency}，低于 15%）：这道题与其余题目的得分关系弱。",
  "items.flag.misleading_distractor":
    "干扰项“{option}”有误导性：高分组有 {upper} 选了它，低分组只有 {lower}。",
  "items.n_item_small": "样本少（{n} 次）",
};

export const en: Record<keyof typeof zh, string> = {
  "gift.title": "GIFT import and export",
  "gift.lead":
    "GIFT is Moodle's question text format. Paste or upload GIFT text, preview what would be imported, then confirm to write it to the bank's draft, which takes effect when the course is published; or export a bank as GIFT.",
  "gift.course": "Course",
  "gift.no_course":
    "No course is published yet. Publish a course first, then import questions.",
  "gift.import.heading": "Import",
  "gift.bank": "Import into bank",
  "gift.bank_new": "New bank",
  "gift.bank_id": "New bank id (lowercase letters, digits and hyphens)",
  "gift.bank_title": "New bank title",
  "gift.module": "Module for questions that name none",
  "gift.skill": "Skill for questions that name none",
  "gift.difficulty": "Difficulty for questions that name none",
  "gift.difficulty.1": "1 (easy)",
  "gift.difficulty.2": "2 (medium)",
  "gift.difficulty.3": "3 (hard)",
  "gift.text": "GIFT text",
  "gift.text_hint":
    "One question per paragraph, a blank line between questions. Use the half-width symbols ~ = # '{' '}' : %; full-width ones typed with a Chinese input method are pointed out.",
  "gift.file": "Or upload a .gift / .txt file (UTF-8, at most 512 KB)",
  "gift.preview": "Preview",
  "gift.import": "Import {count, plural, one {# question} other {# questions}}",
  "gift.preview.heading": "Preview (nothing saved yet)",
  "gift.preview.summary":
    "{ok} importable: {creates} new, {updates} updated, {unchanged} unchanged; {problems} problems, {warnings} notes.",
  "gift.preview.new_bank": "The bank “{bank}” will be created.",
  "gift.preview.categories": "Categories: {list}",
  "gift.preview.fix_first":
    "Fix the problems below and preview again; text with problems is not imported.",
  "gift.preview.nothing":
    "Nothing to import: the bank already holds these questions.",
  "gift.problems": "Problems",
  "gift.warnings": "Notes",
  "gift.col.line": "Line",
  "gift.col.gift": "GIFT type",
  "gift.col.type": "Our type",
  "gift.col.id": "Id",
  "gift.col.action": "Action",
  "gift.col.prompt": "Prompt",
  "gift.col.count": "Questions",
  "gift.action.create": "New",
  "gift.action.update": "Update",
  "gift.action.unchanged": "Unchanged",
  "gift.action.none": "Not imported",
  "gift.type.single": "Single choice",
  "gift.type.multiple": "Multiple choice",
  "gift.type.truefalse": "True/false",
  "gift.type.ordering": "Ordering",
  "gift.type.matching": "Matching",
  "gift.type.fillin": "Fill in the blank",
  "gift.type.written": "Written reply",
  "gift.done":
    "Saved to the bank draft: {creates} new, {updates} updated. Learners see them once the course is checked and published in the workspace.",
  "gift.done_link": "Open the course workspace",
  "gift.refused.moved":
    "The bank was changed or published after the preview; preview again, then import.",
  "gift.refused.problems":
    "The text still has problems and was not imported. Fix them and preview again.",
  "gift.refused.nothing": "There is no change to import.",
  "gift.error.text_required": "Paste GIFT text or choose a file.",
  "gift.error.text_too_long":
    "GIFT text may be at most 512 KB; split it into several files.",
  "gift.error.file_encoding":
    "The file is not UTF-8; save it as UTF-8 and upload again.",
  "gift.error.bank": "Choose a bank, or give the new bank an id.",
  "gift.error.bank_id":
    "A bank id uses lowercase letters, digits and hyphens only, e.g. returns-bank.",
  "gift.error.bank_title": "Give the new bank a title.",
  "gift.error.module": "Choose a module.",
  "gift.error.skill": "Choose a skill.",
  "gift.error.difficulty": "Choose difficulty 1, 2 or 3.",
  "gift.error.form": "The form has an error; check it and try again.",
  "gift.export.heading": "Export",
  "gift.export.lead":
    "An exported file imports into Moodle as it is; imported here again, [id:…] updates the original questions instead of duplicating them. GIFT has no ordering type, so ordering questions are not exported.",
  "gift.export.bank":
    "Export “{bank}” ({count, plural, one {# question} other {# questions}})",
  "gift.export.none": "This course has no question bank yet.",
  "gift.at": "line {line}, column {col}",
  "gift.problem.lookalike":
    "Full-width “{found}” stands where GIFT needs the half-width “{fix}”: type “{fix}” (switch the input method to English punctuation); if it is text, put a backslash before it.",
  "gift.problem.syntax":
    "GIFT syntax error: expected {expected} here, found {found}.",
  "gift.problem.syntax_end": "the end of the text",
  "gift.problem.no_correct":
    "No right answer: mark it with = or give it a positive weight such as %50%.",
  "gift.problem.numerical_range":
    "A decimal tolerance or range cannot become our exact answers; list the accepted values instead, e.g. =1.5 =2.",
  "gift.problem.essay_needs_rubric":
    "An essay needs a rubric: add the lines “// @rubric: rubric id” and “// @model: model answer” above it.",
  "gift.problem.no_explanation":
    "No explanation: add “####explanation” before the closing brace.",
  "gift.problem.bad_id":
    "The id “{id}” cannot be used: use lowercase letters, digits and hyphens, e.g. refund-days.",
  "gift.problem.duplicate_id":
    "The id “{id}” appears twice in the file; give each question its own id.",
  "gift.problem.unknown_rubric": "The rubric “{rubric}” is not in this course.",
  "gift.problem.id_taken":
    "The id “{id}” is used by a question of another bank; choose another id.",
  "gift.problem.content": "{field}: {message}",
  "gift.warning.partial_dropped":
    "Partial credit for “{answer}” ({weight}%) was not imported: this type scores all or nothing.",
  "gift.warning.weights_equalised":
    "The right options had different weights; they score equal shares here.",
  "gift.warning.numerical_integers":
    "The integer tolerance became {values} accepted values.",
  "gift.warning.feedback_folded":
    "Per-answer feedback was folded into the explanation.",
  "gift.warning.description_skipped":
    "A description is not a question and is not imported.",
  "gift.warning.tag_ignored":
    "The tag “{tag}” is no skill of this course and was ignored.",
  "gift.cli.summary":
    "{file}: {ok} importable, {problems} problems, {warnings} notes",
  "items.title": "Item analysis",
  "items.lead":
    "Per question, with the formulas of Moodle's quiz statistics: facility, standard deviation, discrimination index and discriminative efficiency, and each option's pick rate; by default each learner's first attempt only.",
  "items.no_course": "No course is published yet.",
  "items.none":
    "No learner has submitted this quiz or exam yet; once they do, each question's figures appear here.",
  "items.assessment": "Quiz or exam",
  "items.kind.quiz": "Module quiz",
  "items.kind.exam": "Exam",
  "items.which": "Which attempts to count",
  "items.first": "First attempts only",
  "items.all": "Every attempt",
  "items.show": "Show",
  "items.quiz.summary":
    "{attempts, plural, one {# attempt} other {# attempts}}, mean score {mean}, {slots, plural, one {# question} other {# questions}} each.",
  "items.alpha":
    "Cronbach's alpha (internal consistency): {alpha, number, ::.00}",
  "items.alpha_none":
    "Cronbach's alpha: not computable (fewer than 2 attempts, differing question counts, or no spread in totals).",
  "items.n_small":
    "Too few attempts: only {n} (at least {min} advised); read the figures below with care.",
  "items.question": "{id} ({type}, course version {version})",
  "items.n": "Attempts",
  "items.facility": "Facility",
  "items.sd": "Standard deviation",
  "items.di": "Discrimination index",
  "items.de": "Discriminative efficiency",
  "items.na": "—",
  "items.percent": "{share, number, percent}",
  "items.figure": "{share, number, ::percent .0}",
  "items.options": "Option pick rates",
  "items.col.option": "Option",
  "items.col.rate": "All",
  "items.col.upper": "Strongest third",
  "items.col.lower": "Weakest third",
  "items.correct": " (right)",
  "items.no_options": "This question type has no options to count.",
  "items.flags": "Needs attention",
  "items.ok": "Nothing found.",
  "items.flag.too_easy":
    "Too easy: facility {facility}; nearly everyone gets it right, so it tells learners apart poorly.",
  "items.flag.too_hard":
    "Too hard: facility only {facility}; check the prompt and the key, and whether the lessons teach it.",
  "items.flag.negative_discrimination":
    "Negative discrimination ({index}): learners with lower totals get it right more often; the question or its key may be wrong.",
  "items.flag.low_discrimination":
    "Low discriminative efficiency ({efficiency}, under 15%): its marks relate weakly to the rest of the test.",
  "items.flag.misleading_distractor":
    "Misleading distractor “{option}”: picked by {upper} of the strongest third but {lower} of the weakest.",
  "items.n_item_small": "few attempts ({n})",
};
