/**
 * Problems content checks report (`deno task content:check`, the browser
 * editor, publish, GIFT import, the trainer's home): each problem carries one
 * of these keys and its params (lib/content/source.ts `Problem`). Values that
 * come from the content (ids, quoted text, a YAML parser's detail) are params,
 * never part of the key. Params named `kind`, `what`, `got`, `name` or `detail`
 * may themselves be a key with params (`problemText` translates them first).
 * zh-CN is the reference; `en` is typed against it so no key is missing, and
 * its wording is what content:check prints.
 */
export const zh = {
  "problem.field": "{field}：{message}",

  // ---- YAML and lesson files (lib/content/source.ts)
  "problem.yaml.syntax": "YAML 语法错误：{detail}",
  "problem.yaml.syntax_colon":
    "YAML 语法错误：{detail}（含有“: ”的文本要加引号）",
  "problem.yaml.syntax_quote":
    "YAML 语法错误：{detail}（以引号开头的值必须以同一种引号结尾：把整段文本换用另一种引号括起来，或在文中使用“ ”）",
  "problem.lesson.frontmatter_open":
    "Frontmatter 没有结束：在它后面加一行 `---`",
  "problem.lesson.no_frontmatter":
    "课文没有 frontmatter：文件开头要写两行 `---`，中间是 YAML",
  "problem.lesson.fence_open": "随堂小测代码块没有结束：加一行 ``` 结束它",
  "problem.lesson.markup":
    "渲染后 Markdown 标记显示成了文字（“{shown}”）：检查这一行的 ** 或 ` 是否成对",
  "problem.lesson.image_alt":
    "图片没有替代文字：在方括号里写明图片内容（![退货流程截图](…)），使用读屏软件的学员也能获知",
  "problem.lesson.img_no_alt":
    '<img> 没有 alt 属性：加上 alt="…" 说明图片内容，使用读屏软件的学员也能获知',
  "problem.lesson.img_empty_alt":
    '<img> 的 alt 为空：加上 alt="…" 说明图片内容，使用读屏软件的学员也能获知',

  // ---- schema issues, by zod issue code (lib/content/source.ts `validate`)
  "problem.schema.unknown_field": "未知字段",
  "problem.schema.unknown_field_near": "未知字段（是不是想写“{near}”？）",
  "problem.schema.unknown_field_allowed": "未知字段（可用的字段：{allowed}）",
  "problem.schema.unknown_field_cut":
    "未知字段：如果它是前面文本的后半段，请给那段文本加引号（在 '{ }' 里，半角逗号会结束一个值）",
  "problem.schema.required": "必填",
  "problem.schema.required_one_of": "必填（可选值：{values}）",
  "problem.schema.whole_number": "必须是整数，当前是 {got}",
  "problem.schema.type":
    "必须是{expected, select, array {列表} object {映射} string {文本} number {数字} boolean {布尔值} date {日期} other {{expected}}}，当前是 {got}",
  "problem.schema.literal": "必须是 {value}，当前是 {got}",
  "problem.schema.one_of": "必须是 {values} 之一，当前是 {got}",
  "problem.schema.min_items": "至少需要 {minimum} 项",
  "problem.schema.empty": "不能为空",
  "problem.schema.min": "不能小于 {minimum}，当前是 {got}",
  "problem.schema.max_items": "最多 {maximum} 项",
  "problem.schema.max_chars": "最多 {maximum} 个字符",
  "problem.schema.max": "不能大于 {maximum}，当前是 {got}",
  "problem.schema.format": "必须符合 {pattern}，当前是 {got}",
  "problem.schema.invalid_key": "不是有效的键",
  "problem.schema.invalid": "无效",
  // Messages a content schema names itself (lib/content/schema.ts and its parts).
  "problem.schema.id":
    "必须是小写字母、数字和短横线组成的编号，如“late-parcel”，当前是 {got}",
  "problem.schema.minutes_min": "必须在 15-20 之间（一个知识单元）",
  "problem.schema.minutes_max":
    "必须在 15-20 之间（一个知识单元）；较长的课请拆开",
  "problem.schema.difficulty": "必须是 1（简单）、2（中等）或 3（困难）",
  "problem.schema.node_choice": "必须写成“节点.选项”（node.choice）",
  "problem.schema.next_choice": "必填：每个选项都必须通向一个节点或结局",
  "problem.schema.next_pass": "必填：通过的回复必须通向一个节点或结局",
  "problem.schema.next_fail": "必填：未通过的回复必须通向一个节点或结局",
  "problem.schema.choices_or_reply": "`choices` 和 `reply` 必须有且只有一个",
  "problem.schema.module_end": "是 module-end，所以必须填写 `module`",
  "problem.schema.lessons_min": "至少要写一节课",
  "problem.schema.day": "必须在 1-30 之间",
  // What a wrong value was, for `{got}`.
  "problem.got.null": "null（空值）",
  "problem.got.nothing": "没有值",
  "problem.got.list": "列表",
  "problem.got.mapping": "映射",
  "problem.got.value":
    "{type, select, number {数字} boolean {布尔值} other {{type}}} {value}",

  // ---- files and folders (lib/content/loader.ts, publishing)
  "problem.load.no_course_yaml": "课程文件夹里没有 course.yaml",
  "problem.load.module_missing": "{dir} 里没有模块文件夹“{name}”",
  "problem.load.module_unlisted":
    "文件夹“{name}”没有列出，其中的课永远不会显示",
  "problem.load.no_module_yaml": "模块文件夹里没有 module.yaml",
  "problem.publish.id_changed": "必须保持为“{id}”",

  // ---- names used inside other messages
  "problem.kind.course": "课程",
  "problem.kind.module": "模块",
  "problem.kind.lesson": "课",
  "problem.kind.bank": "题库",
  "problem.kind.question": "题目",
  "problem.kind.rubric": "评分标准",
  "problem.kind.scenario": "情景",
  "problem.kind.drill": "练习",
  "problem.kind.survey": "问卷",
  "problem.kind.observation": "观察表",
  "problem.kind.exam": "考试",
  "problem.kind.plan": "计划",
  "problem.kind.certification": "认证级别",
  "problem.kind.replies": "回复库",
  "problem.item.option": "选项",
  "problem.item.choice": "选项",
  "problem.item.item": "条目",
  "problem.item.section": "部分",
  "problem.item.skill": "技能",
  "problem.item.fact": "知识点",
  "problem.item.criterion": "评分项",
  "problem.item.left": "左侧条目",
  "problem.item.right": "右侧条目",
  "problem.item.survey_question": "问卷题目",
  "problem.what.model_answer": "参考答案",
  "problem.what.best_choice": "最佳选项",
  "problem.what.model_answer_of": "{id} 的参考答案",
  "problem.what.model_answer_of_drill": "练习条目 {id} 的参考答案",
  "problem.what.model_answer_of_node": "节点“{id}”的参考答案",
  "problem.what.best_choice_of": "节点“{id}”的最佳选项“{choice}”",
  "problem.what.inline_check": "{where} 处的随堂小测",

  // ---- references, ids and text (lib/authoring/check.ts)
  "problem.check.duplicate_id": "{kind}编号“{id}”重复：已在 {where} 定义",
  "problem.check.missing_ref": "{kind}“{id}”不存在",
  "problem.check.missing_ref_near":
    "{kind}“{id}”不存在（是不是想写“{near}”？）",
  "problem.check.unknown_skill":
    "技能“{skill}”不在任何 course.yaml 的 skills 列表里",
  "problem.check.unknown_skill_near":
    "技能“{skill}”不在任何 course.yaml 的 skills 列表里（是不是想写“{near}”？）",
  "problem.check.duplicate_in_list": "{what}编号“{id}”重复",
  "problem.check.file_name": "“{id}”与文件名“{name}”不一致",
  "problem.check.half_width":
    "中文里用了半角标点（{fixes}）：面向学员的中文要用全角标点",
  "problem.check.fact_untaught": "知识点“{id}”没有课讲授：至少列出一节已有的课",
  "problem.check.fact_unasked": "知识点“{id}”从未被考到：至少列出一道已有的题",
  "problem.check.draw_short":
    "这条规则抽 {count} 道题，但题库里只有 {matching} 道符合",
  "problem.check.option_ref": "[[{id}]] 不是本题的选项（选项：{ids}）",
  "problem.check.option_ref_none": "[[{id}]] 指向一个选项，但本题没有选项",
  "problem.check.option_letters":
    "用字母指代选项（{letters}）：选项顺序会打乱，字母会指错选项；请改用双方括号写选项编号（{examples}），学员会看到按显示顺序排的标签",
  "problem.check.no_inline_check":
    "课文没有随堂小测：至少加一个 ```quiz 代码块（每 15-20 分钟一个）",
  "problem.check.length_order": "min {min} 大于 max {max}",
  "problem.check.pattern_full_width":
    "模式“{pattern}”含全角字符，但回复会先转成半角再匹配：请写成“{fix}”",
  "problem.check.bad_regex": "正则表达式“{pattern}”无效：{detail}",
  "problem.check.example_unmatched": "示例“{example}”不匹配该评分项的任何模式",
  "problem.check.element_uncovered":
    "评分标准“{rubric}”没有针对要素“{element}”的必需评分项",
  "problem.check.model_misses":
    "参考答案缺少评分标准“{rubric}”的必需要素“{element}”（{label}）：其模式都不匹配",
  "problem.check.model_length":
    "参考答案有 {length} 个字符；评分标准“{rubric}”允许 {min}-{max} 个",
  "problem.check.forbidden":
    "{what}用了评分标准“{rubric}”禁止的措辞“{hit}”（{category}：{label}）",
  "problem.check.node_and_ending": "“{id}”既是节点编号又是结局编号",
  "problem.check.no_node": "节点“{id}”不存在",
  "problem.check.no_choice": "选项“{id}”不存在",
  "problem.check.no_target": "“{id}”不是本情景的节点或结局",
  "problem.check.all_conditional":
    "每个选项都有 `when` 条件，学员可能到了这个节点却无选项可选：至少留一个不带条件的选项",
  "problem.check.cycle": "节点“{id}”永远到不了结局：它处在没有出口的循环里",
  "problem.check.no_good_ending":
    "至少需要一个结果为 resolved 或 escalated 的结局",
  "problem.check.self_require": "一个级别不能要求它自己",
  "problem.check.plan_needed": "需要用 `plan` 指明计划",
  "problem.check.module_no_quiz": "模块“{id}”的 module.yaml 里没有测验",
  "problem.check.no_rule": "一个级别至少需要一条规则",
  "problem.check.day_twice": "第 {day} 天出现了两次（另见 days[{index}]）",
  "problem.check.rest_with_items": "第 {day} 天是休息日，却有学习项",
  "problem.check.day_empty":
    "第 {day} 天没有学习项：添加学习项，或标记为 `rest: true`",
  "problem.check.days_missing":
    "缺少 {count} 天（第 {days} 天）：第 1-30 天必须各出现一次",

  // ---- lib/authoring/checks/*
  "problem.bank.longest":
    "{single} 道单选题中有 {longest} 道的正确答案是最长的选项（{share}%，最多允许 {max}%），“选最长的”就能得分：{ids}。请缩短正确答案，或写一个真实、完整的错误说法作干扰项",
  "problem.coverage.no_key":
    "知识点“{id}”没有关键词：添加 `key: [...]`，写上讲授它的课必须包含的词",
  "problem.coverage.lesson_misses":
    "课“{lesson}”没有讲授知识点“{id}”：{phrases} 都没有在课里出现",
  "problem.coverage.untaught":
    "知识点“{id}”（{fact}）没有任何课讲授：对应的课里都没有它的关键词",
  "problem.coverage.untested":
    "没有对应的题目考查知识点“{id}”：{questions} 都不含 {phrases}",
  "problem.model.red_line":
    "{what}在“{text}”处触碰红线（{code}）：评分时含有它的回复一律不通过",
  "problem.model.fails":
    "{what}用评分标准“{rubric}”得 {score} 分，未通过{refused, select, none {} other {（拒绝评分：{refused}）}}{missing, select, none {} other {；未满足：{missing}}}",
  "problem.duplicate.question":
    "{name} 与 {where} 的 {other} 几乎重复（相似度 {similarity}）：换一个要考查的决策，或删掉其中一道",
  "problem.forms.banks":
    "从 [{banks}] 抽题，但前测 {pretest} 从 [{preBanks}] 抽题：平行试卷应共用题库",
  "problem.forms.rule_count":
    "有 {rules} 条抽题规则，前测 {pretest} 有 {preRules} 条：两者应遵循同一蓝图",
  "problem.forms.rule_differs":
    "规则 {rule} 与前测的不同（{blueprint}）：平行试卷之间只有 `form` 可以不同",
  "problem.forms.same_form":
    "规则 {rule} 必须抽取与前测不同的形式（前测形式 {preForm}，后测形式 {postForm}），否则两次考试会有相同的题",
  "problem.forms.whole_form":
    "规则 {rule} 从形式 {form} 的 {pool} 道题中只抽 {draws} 道：请抽取整个形式（count {pool}），两次考试才按同一蓝图出题",
  "problem.forms.not_parallel":
    "规则 {rule}：形式 {form}（{profile}）与形式 {preForm}（{preProfile}）不平行：每道题都要与一道模块、难度和主要技能相同的题配对",
  "problem.forms.none": "无",
  "problem.forms.empty": "空",
  "problem.rota.rest_per_week":
    "第 {from}-{to} 天有 {rest} 个休息日：排班每周应有 {perWeek} 个",
  "problem.rota.not_rotating":
    "休息日没有轮换：把某些周的休息日换到其他工作日（线上客服周末也要上班）",
  "problem.rota.not_weekend":
    "第 {day} 天是{weekday, select, monday {星期一} tuesday {星期二} wednesday {星期三} thursday {星期四} friday {星期五} saturday {星期六} sunday {星期日} other {{weekday}}}，不是周末",
  "problem.rota.rest_and_shift": "第 {day} 天既是休息日又排了班次",
  "problem.rota.no_weekend":
    "没有周末班：把一个上班的周六或周日标记为 `shift: weekend`",
  "problem.rota.no_promotion_drill":
    "没有大促日练习：`shift: promotion` 的那天需要一个练习项",
  "problem.policy.unknown_placeholder":
    "占位符 '{{'{id}'}}' 在 {file} 里没有对应的数值",
  "problem.policy.no_policy":
    "占位符 '{{'{id}'}}' 需要 {file}，但该文件不存在或无效",
  "problem.policy.copied":
    "把公司政策数值“{stated}”照抄成了数字：请改写为 {ids}，这样 {file}（{what}）修改后这里也会随之改变",
  "problem.policy.contradicts":
    "写的{kind, select, time {时间} money {金额} percent {比例} other {{kind}}}“{stated}”与 {file} 矛盾：{policy}。请写占位符，不要写数字",
  "problem.replies.file_name": "编号“{id}”必须与文件名“{name}”一致",
  "problem.replies.duplicate": "回复编号“{id}”重复：已在 {file} 中定义",
  "problem.replies.unknown_placeholder":
    "未知占位符 '{'{name}'}'：请使用 {known} 之一（lib/replies/placeholders.ts）",
  "problem.replies.stray_brace":
    "占位符没有写完整：第 {at} 个字符处多了一个“{brace}”；占位符要用半角花括号写成 '{'名称'}'",
  "problem.replies.unknown_figure":
    "政策数值“{id}”不在 assessments/policy.yaml 里",
  "problem.replies.unused_figure":
    "列出了政策数值“{id}”，但 text、tone 和 avoid 里都没有写 '{{'{id}'}}'",
  "problem.replies.unlisted_figure":
    "写了 '{{'{id}'}}'，但没有在 policy 里列出“{id}”",
  "problem.replies.copied_figure":
    "照抄了数值“{stated}”：请写 '{{'{id}'}}'，政策修改后这条回复才会随之改变",
  "problem.replies.red_line": "在“{text}”处触碰红线 {category}（{code}）",
  "problem.replies.criterion":
    "{stage} 阶段的回复必须满足评分标准 {rubric} 的“{label}”（{element}）：{reason}",
  "problem.replies.vague": "措辞含糊 {spans}：请说具体",
  "problem.replies.unknown_reply":
    "回复“{id}”不在回复库（assessments/replies/）里",
  "problem.replies.unfilled": "参考答案里的占位符 '{'{name}'}' 没有填写",
  "problem.replies.near_duplicate":
    "回复 {id} 与 {where} 的 {other} 几乎重复（相似度 {similarity}）：合并它们，或让每条回复贴合各自的情境",

  // ---- how a scenario plays (lib/scenario/scenario_check.ts)
  "problem.scenario.model_loops": "参考路径（最佳选项）无限循环：{path} …",
  "problem.scenario.model_ends_badly":
    "参考路径（得分最高的选项：{path}）结束于“{ending}”，结果为 {outcome}；它必须以 resolved 或 escalated 结束",
  "problem.scenario.model_red_line":
    "参考路径上得分最高的选项触碰了红线“{category}”：请让合规的选项得分最高",
  "problem.scenario.node_unreachable": "从起点“{start}”到不了节点“{id}”",
  "problem.scenario.ending_unreachable": "从起点“{start}”到不了结局“{id}”",
  "problem.scenario.outscores":
    "有一条路径得 {total} 分，高于参考路径的 {model} 分：{path}；偏离参考路径的作答得分不能超过它",
  "problem.scenario.point_loop":
    "一个循环每绕一圈得 {gain} 分（{path} → 回到“{node}”）：重复这些步骤就能刷分",
  "problem.scenario.untagged_red_line":
    "选项“{id}”触碰红线 {categories}（在回复中会被评分拦截）：请标记 `redLine: {category}`",
  "problem.scenario.red_line_resolved":
    "触碰红线的选项“{id}”（{category}）仍以 resolved 结束：{path}；违规必须导向 escalated 或 lost 结局",

  // ---- a question type's own rules (lib/question_types/*)
  "problem.question.fillin_blanks":
    "填空题题干必须有且只有一个空“____”，现在有 {found} 个",
  "problem.question.no_match": "左侧条目“{id}”没有配对",
  "problem.question.not_left": "“{id}”不是左侧条目的编号",
  "problem.question.not_right": "“{id}”不是右侧条目的编号",
  "problem.question.not_permutation":
    "必须把每个条目编号恰好列出一次（条目的一个排列）：{detail}",
  "problem.question.order_missing": "缺少 {ids}",
  "problem.question.order_extra": "未知或重复的 {ids}",
  "problem.question.order_both": "缺少 {missing}；未知或重复的 {extra}",
  "problem.question.multiple_correct":
    "多选题至少需要两个正确选项，现在有 {found} 个",
  "problem.question.single_correct":
    "单选题需要且只需要一个正确选项，现在有 {found} 个",
} as const;

/** English, as content:check prints it. */
export const en: Record<keyof typeof zh, string> = {
  "problem.field": "{field}: {message}",

  "problem.yaml.syntax": "YAML syntax error: {detail}",
  "problem.yaml.syntax_colon":
    'YAML syntax error: {detail} (quote text that contains ": ")',
  "problem.yaml.syntax_quote":
    "YAML syntax error: {detail} (a value that starts with a quote must end with it: wrap the whole text in the other quote kind, or use “ ” inside)",
  "problem.lesson.frontmatter_open":
    "Frontmatter is not closed: add a `---` line after it",
  "problem.lesson.no_frontmatter":
    "Lesson has no frontmatter: start the file with YAML between two `---` lines",
  "problem.lesson.fence_open":
    "Quiz fence is not closed: add a closing ``` line",
  "problem.lesson.markup":
    'Markdown markup shows as text after rendering ("{shown}"): check the ** or ` pairs on this line',
  "problem.lesson.image_alt":
    "image has no alt text: say what it shows in the brackets (![退货流程截图](…)), so a learner using a screen reader gets it too",
  "problem.lesson.img_no_alt":
    '<img> has no alt attribute: add alt="…" saying what it shows, so a learner using a screen reader gets it too',
  "problem.lesson.img_empty_alt":
    '<img> has an empty alt: add alt="…" saying what it shows, so a learner using a screen reader gets it too',

  "problem.schema.unknown_field": "unknown field",
  "problem.schema.unknown_field_near": 'unknown field (did you mean "{near}"?)',
  "problem.schema.unknown_field_allowed": "unknown field (allowed: {allowed})",
  "problem.schema.unknown_field_cut":
    `unknown field: if it is the rest of the text before it, quote that text ("," ends a value inside '{ }')`,
  "problem.schema.required": "is required",
  "problem.schema.required_one_of": "is required (one of {values})",
  "problem.schema.whole_number": "must be a whole number, got {got}",
  "problem.schema.type":
    "must be {expected, select, array {a list} object {a mapping} other {a {expected}}}, got {got}",
  "problem.schema.literal": "must be {value}, got {got}",
  "problem.schema.one_of": "must be one of {values}, got {got}",
  "problem.schema.min_items":
    "needs at least {minimum, plural, one {# item} other {# items}}",
  "problem.schema.empty": "must not be empty",
  "problem.schema.min": "must be at least {minimum}, got {got}",
  "problem.schema.max_items":
    "may have at most {maximum, plural, one {# item} other {# items}}",
  "problem.schema.max_chars":
    "may have at most {maximum, plural, one {# character} other {# characters}}",
  "problem.schema.max": "must be at most {maximum}, got {got}",
  "problem.schema.format": "must match {pattern}, got {got}",
  "problem.schema.invalid_key": "is not a valid key",
  "problem.schema.invalid": "is not valid",
  "problem.schema.id":
    'must be a lowercase kebab-case id like "late-parcel", got {got}',
  "problem.schema.minutes_min": "must be 15-20 (one knowledge unit)",
  "problem.schema.minutes_max":
    "must be 15-20 (one knowledge unit); split longer lessons",
  "problem.schema.difficulty": "must be 1 (easy), 2 (medium) or 3 (hard)",
  "problem.schema.node_choice": 'must be "node.choice"',
  "problem.schema.next_choice":
    "is required: every choice must lead to a node or an ending",
  "problem.schema.next_pass":
    "is required: a passing reply must lead to a node or an ending",
  "problem.schema.next_fail":
    "is required: a failing reply must lead to a node or an ending",
  "problem.schema.choices_or_reply":
    "must have exactly one of `choices` or `reply`",
  "problem.schema.module_end": "is module-end, so `module` is required",
  "problem.schema.lessons_min": "must name at least one lesson",
  "problem.schema.day": "must be 1-30",
  "problem.got.null": "null (an empty value)",
  "problem.got.nothing": "nothing",
  "problem.got.list": "a list",
  "problem.got.mapping": "a mapping",
  "problem.got.value": "{type} {value}",

  "problem.load.no_course_yaml": "Course folder has no course.yaml",
  "problem.load.module_missing":
    'module folder "{name}" does not exist in {dir}',
  "problem.load.module_unlisted":
    'folder "{name}" is not listed, so its lessons would never be shown',
  "problem.load.no_module_yaml": "Module folder has no module.yaml",
  "problem.publish.id_changed": 'must stay "{id}"',

  "problem.kind.course": "course",
  "problem.kind.module": "module",
  "problem.kind.lesson": "lesson",
  "problem.kind.bank": "bank",
  "problem.kind.question": "question",
  "problem.kind.rubric": "rubric",
  "problem.kind.scenario": "scenario",
  "problem.kind.drill": "drill",
  "problem.kind.survey": "survey",
  "problem.kind.observation": "observation",
  "problem.kind.exam": "exam",
  "problem.kind.plan": "plan",
  "problem.kind.certification": "certification",
  "problem.kind.replies": "replies",
  "problem.item.option": "option",
  "problem.item.choice": "choice",
  "problem.item.item": "item",
  "problem.item.section": "section",
  "problem.item.skill": "skill",
  "problem.item.fact": "fact",
  "problem.item.criterion": "criterion",
  "problem.item.left": "left",
  "problem.item.right": "right",
  "problem.item.survey_question": "survey question",
  "problem.what.model_answer": "model answer",
  "problem.what.best_choice": "best choice",
  "problem.what.model_answer_of": "model answer of {id}",
  "problem.what.model_answer_of_drill": "model answer of drill item {id}",
  "problem.what.model_answer_of_node": 'model answer of node "{id}"',
  "problem.what.best_choice_of": 'best choice "{choice}" of node "{id}"',
  "problem.what.inline_check": "the inline check at {where}",

  "problem.check.duplicate_id":
    'duplicate {kind} id "{id}": already defined at {where}',
  "problem.check.missing_ref": '{kind} "{id}" does not exist',
  "problem.check.missing_ref_near":
    '{kind} "{id}" does not exist (did you mean "{near}"?)',
  "problem.check.unknown_skill":
    'skill "{skill}" is not in any course.yaml skills list',
  "problem.check.unknown_skill_near":
    'skill "{skill}" is not in any course.yaml skills list (did you mean "{near}"?)',
  "problem.check.duplicate_in_list": 'duplicate {what} id "{id}"',
  "problem.check.file_name": '"{id}" does not match the file name "{name}"',
  "problem.check.half_width":
    "half-width punctuation in Chinese text ({fixes}): learner-facing zh-CN text uses full-width marks",
  "problem.check.fact_untaught":
    'fact "{id}" is not taught: list at least one existing lesson',
  "problem.check.fact_unasked":
    'fact "{id}" is never asked: list at least one existing question',
  "problem.check.draw_short":
    "draws {count, plural, one {# question} other {# questions}} but only {matching} in the bank match this rule",
  "problem.check.option_ref":
    "[[{id}]] names no option of this question (options: {ids})",
  "problem.check.option_ref_none":
    "[[{id}]] names an option, but this question has none",
  "problem.check.option_letters":
    "names options by letter ({letters}): options are shuffled, so letters point at the wrong option; write the option id in double brackets instead ({examples}) and the learner sees the label of the order shown",
  "problem.check.no_inline_check":
    "lesson has no inline check: add at least one ```quiz block (one per 15-20 minutes)",
  "problem.check.length_order": "min {min} is above max {max}",
  "problem.check.pattern_full_width":
    'pattern "{pattern}" has full-width characters, but replies are matched after converting to half width: write "{fix}"',
  "problem.check.bad_regex": 'invalid regular expression "{pattern}": {detail}',
  "problem.check.example_unmatched":
    'example "{example}" matches none of the criterion\'s patterns',
  "problem.check.element_uncovered":
    'rubric "{rubric}" has no required criterion for element "{element}"',
  "problem.check.model_misses":
    'model answer misses required element "{element}" ({label}) of rubric "{rubric}": none of its patterns match',
  "problem.check.model_length":
    'model answer is {length, plural, one {# character} other {# characters}}; rubric "{rubric}" allows {min}-{max}',
  "problem.check.forbidden":
    '{what} uses forbidden wording "{hit}" ({category}: {label}) of rubric "{rubric}"',
  "problem.check.node_and_ending": '"{id}" is both a node and an ending id',
  "problem.check.no_node": 'node "{id}" does not exist',
  "problem.check.no_choice": 'choice "{id}" does not exist',
  "problem.check.no_target": '"{id}" is not a node or ending of this scenario',
  "problem.check.all_conditional":
    "every choice has a `when` condition, so a learner can reach this node with nothing to choose: leave one unconditional",
  "problem.check.cycle":
    'node "{id}" never reaches an ending: it is in a cycle with no exit',
  "problem.check.no_good_ending":
    "needs at least one ending with outcome resolved or escalated",
  "problem.check.self_require": "a level cannot require itself",
  "problem.check.plan_needed": "needs `plan` to name the plan",
  "problem.check.module_no_quiz":
    'module "{id}" has no quiz in its module.yaml',
  "problem.check.no_rule": "a level needs at least one rule",
  "problem.check.day_twice": "day {day} appears twice (also days[{index}])",
  "problem.check.rest_with_items": "day {day} is a rest day but has items",
  "problem.check.day_empty":
    "day {day} has no items: add items or mark it `rest: true`",
  "problem.check.days_missing":
    "{count, plural, one {day} other {days}} {days} missing: days 1-30 must each appear once",

  "problem.bank.longest":
    'the key is the longest option in {longest} of {single} single-choice questions ({share}%, at most {max}% allowed), so "pick the longest" passes: {ids}. Shorten the key or write a distractor that is a real, fully worded mistake',
  "problem.coverage.no_key":
    'fact "{id}" has no key phrases: add `key: [...]` with words a lesson that teaches it must contain',
  "problem.coverage.lesson_misses":
    'lesson "{lesson}" does not teach fact "{id}": none of {phrases} appears in it',
  "problem.coverage.untaught":
    'fact "{id}" ({fact}) is taught nowhere: no mapped lesson holds its key phrases',
  "problem.coverage.untested":
    'no mapped question tests fact "{id}": none of {questions} holds {phrases}',
  "problem.model.red_line":
    '{what} crosses a red line ({code}) at "{text}": the grader fails any reply with it',
  "problem.model.fails":
    '{what} scores {score} with rubric "{rubric}" and does not pass{refused, select, none {} other { (refused: {refused})}}{missing, select, none {} other {; not met: {missing}}}',
  "problem.duplicate.question":
    "{name} is a near-duplicate of {other} at {where} (similarity {similarity}): ask a different decision or drop one",
  "problem.forms.banks":
    "draws from [{banks}] but the pre-test {pretest} from [{preBanks}]: parallel forms share their banks",
  "problem.forms.rule_count":
    "has {rules} draw rules, the pre-test {pretest} {preRules}: both follow one blueprint",
  "problem.forms.rule_differs":
    "rule {rule} differs from the pre-test's ({blueprint}): only `form` may differ between parallel forms",
  "problem.forms.same_form":
    "rule {rule} must draw a different form from the pre-test's (pre-test form {preForm}, post-test form {postForm}), or the two tests share items",
  "problem.forms.whole_form":
    "rule {rule} draws {draws} of the {pool} questions of form {form}: take the whole form (count {pool}) so both tests ask the same blueprint",
  "problem.forms.not_parallel":
    "rule {rule}: form {form} ({profile}) is not parallel to form {preForm} ({preProfile}): pair each item with one of the same module, difficulty and main skill",
  "problem.forms.none": "none",
  "problem.forms.empty": "empty",
  "problem.rota.rest_per_week":
    "days {from}-{to} have {rest} rest days: a week of the rota has {perWeek}",
  "problem.rota.not_rotating":
    "rest days do not rotate: move some weeks' rest days to other weekdays (online service works weekends too)",
  "problem.rota.not_weekend": "day {day} is a {weekday}, not a weekend day",
  "problem.rota.rest_and_shift": "day {day} is a rest day and a shift",
  "problem.rota.no_weekend":
    "no weekend shift: mark a worked Saturday or Sunday `shift: weekend`",
  "problem.rota.no_promotion_drill":
    "no promotion-day drill: a `shift: promotion` day needs a drill item",
  "problem.policy.unknown_placeholder":
    "placeholder '{{'{id}'}}' names no figure in {file}",
  "problem.policy.no_policy":
    "placeholder '{{'{id}'}}' needs {file}, which is missing or invalid",
  "problem.policy.copied":
    'states the house figure "{stated}" as a copied number: write {ids} instead, so a change to {file} ({what}) changes it here too',
  "problem.policy.contradicts":
    'states {kind} "{stated}", which contradicts {file}: {policy}. Write the placeholder instead of the number',
  "problem.replies.file_name": 'id "{id}" must match the file name "{name}"',
  "problem.replies.duplicate":
    'duplicate reply id "{id}": already defined in {file}',
  "problem.replies.unknown_placeholder":
    "unknown placeholder '{'{name}'}': use one of {known} (lib/replies/placeholders.ts)",
  "problem.replies.stray_brace":
    `unfilled placeholder: a stray "{brace}" at character {at}; write a placeholder as '{'名称'}' with half-width braces`,
  "problem.replies.unknown_figure":
    'policy figure "{id}" is not in assessments/policy.yaml',
  "problem.replies.unused_figure":
    `lists policy figure "{id}" but its text, tone and avoid never write '{{'{id}'}}'`,
  "problem.replies.unlisted_figure":
    `writes '{{'{id}'}}' but does not list "{id}" in policy`,
  "problem.replies.copied_figure":
    `copies the figure "{stated}": write '{{'{id}'}}' so a policy change reaches this reply`,
  "problem.replies.red_line":
    "crosses the red line {category} ({code}) at “{text}”",
  "problem.replies.criterion":
    'a {stage} reply must meet "{label}" ({element}) of rubric {rubric}: {reason}',
  "problem.replies.vague": "vague wording {spans}: say it concretely",
  "problem.replies.unknown_reply":
    'reply "{id}" is not in the reply library (assessments/replies/)',
  "problem.replies.unfilled":
    "the model answer leaves the placeholder '{'{name}'}' unfilled",
  "problem.replies.near_duplicate":
    "reply {id} is a near-duplicate of {other} at {where} (similarity {similarity}): merge them or make each fit its own situation",

  "problem.scenario.model_loops":
    "the model path (best choices) loops forever: {path} …",
  "problem.scenario.model_ends_badly":
    'the model path (best-scoring choices: {path}) ends in "{ending}" with outcome {outcome}; it must end resolved or escalated',
  "problem.scenario.model_red_line":
    `the model path's best-scoring option crosses the red line "{category}": give a compliant option the most points`,
  "problem.scenario.node_unreachable":
    'node "{id}" is unreachable from start "{start}"',
  "problem.scenario.ending_unreachable":
    'ending "{id}" is unreachable from start "{start}"',
  "problem.scenario.outscores":
    "a path scores {total} points, above the model path's {model}: {path}; a run that leaves the model path must not earn more than it",
  "problem.scenario.point_loop":
    'a loop gains {gain} points each time round ({path} → back to "{node}"): a run can pile up points by repeating steps',
  "problem.scenario.untagged_red_line":
    'option "{id}" crosses the red line {categories} (the grader would block it in a reply): tag it `redLine: {category}`',
  "problem.scenario.red_line_resolved":
    'red-line choice "{id}" ({category}) still ends resolved: {path}; a breach must lead to an escalated or lost ending',

  "problem.question.fillin_blanks":
    'fill-in prompt must contain exactly one blank "____", found {found}',
  "problem.question.no_match": 'has no match for left item "{id}"',
  "problem.question.not_left": '"{id}" is not a left item id',
  "problem.question.not_right": '"{id}" is not a right item id',
  "problem.question.not_permutation":
    "must list every item id exactly once (a permutation of the items): {detail}",
  "problem.question.order_missing": "missing {ids}",
  "problem.question.order_extra": "unknown or repeated {ids}",
  "problem.question.order_both":
    "missing {missing}; unknown or repeated {extra}",
  "problem.question.multiple_correct":
    "multiple-choice question needs at least two correct options, found {found}",
  "problem.question.single_correct":
    "single-choice question needs exactly one correct option, found {found}",
};
