/**
 * Messages of the Kirkpatrick panel of the manager's dashboard (the four
 * levels per cohort, the team's KPI months, the comparison with
 * not-yet-trained agents) and its CSV tables. zh-CN is the reference; `en`
 * is typed against it so no key is missing.
 */
export const zh = {
  "dash.filter.kpi": "趋势指标",
  "kp.title": "柯氏四级评估",
  "kp.lead":
    "各批次在四个层级上的数字，都来自评估模块按批次汇总的数据（问卷、测验与考试、质检、KPI），与评估报告是同一份数字。批次按开始日期从早到晚排列，图表从左到右就是变化趋势。",
  "kp.empty":
    "所选批次还没有评估数据。学员填写模块反馈问卷、完成测验，主管记录质检并导入 KPI 后，这里会显示四个层级。",
  "kp.csv": "下载 CSV：{table}",
  "kp.col.cohort": "批次",
  "kp.col.n": "人数",
  "kp.col.state": "状态",
  "kp.col.interval": "95% 区间",
  "kp.interval": "{low} 至 {high}",
  "kp.state.shown": "已达到最少人数",
  "kp.state.waiting": "人数不足：{n} 人作答，需要 {need} 人",
  // Level 1
  "kp.l1": "第一层：反应",
  "kp.l1.chart": "各批次的问卷回收率与 NPS",
  "kp.l1.rate": "回收率（%）",
  "kp.l1.nps": "NPS（−100 至 100）",
  "kp.l1.note":
    "一份问卷至少 {n} 人作答（或问卷自己设定的更高人数）才显示数字；一个批次有多份问卷时，图中是已显示问卷的平均值。",
  "kp.l1.empty":
    "还没有哪份问卷达到最少作答人数，所以不显示反应数字。请提醒学员在模块结束时填写反馈问卷。",
  "kp.l1.table": "各批次、各问卷的反馈",
  "kp.l1.none": "还没有学员填写反馈问卷。学员在每个模块结束时会收到问卷。",
  "kp.col.survey": "问卷",
  "kp.col.respondents": "作答人数",
  "kp.col.likert": "平均分（1–5）",
  "kp.col.low": "低分题目",
  // Level 2
  "kp.l2": "第二层：学习",
  "kp.l2.chart": "各批次的前测、后测、标准化提升与平均成绩（%）",
  "kp.l2.pre": "前测（%）",
  "kp.l2.post": "后测（%）",
  "kp.l2.gain": "标准化提升（%）",
  "kp.l2.score": "平均成绩（%）",
  "kp.l2.note":
    "前测、后测只算两次都考过的学员；标准化提升 =（后测 − 前测）÷（100 − 前测），取这些学员的平均值；平均成绩含测验、考试、情景演练和快练。",
  "kp.l2.empty":
    "还没有测验或考试成绩。学员完成第一个模块的测验后，这里会显示。",
  "kp.l2.table": "各批次的学习",
  "kp.col.gain_n": "提升人数",
  "kp.col.score_n": "成绩条数",
  "kp.col.over": "过度自信人数",
  "kp.col.under": "信心不足人数",
  "kp.l2.mastery": "各批次的技能掌握度（%）",
  "kp.col.skill": "技能",
  // Level 3
  "kp.l3": "第三层：行为",
  "kp.l3.chart": "各批次在第 14、30、60、90 天的质检平均分",
  "kp.l3.note":
    "质检按学员入职后的天数归到节点：第 1–14 天、15–45 天、46–75 天、76–105 天。",
  "kp.l3.empty":
    "还没有质检记录。主管或质检员在学员第 30、60、90 天给一通真实会话打分后，这里会显示。",
  "kp.l3.table": "各批次、各节点的质检",
  "kp.col.checkpoint": "节点",
  "kp.col.qa_mean": "质检平均分",
  "kp.col.pass": "通过率（%）",
  "kp.col.critical": "红线不合格率（%）",
  "kp.l3.kpi_table": "培训前后的 KPI 达标率与行为得分",
  "kp.l3.none": "还没有质检记录或 KPI。",
  "kp.col.before_month": "培训前月份",
  "kp.col.attain_before": "培训前达标率（%）",
  "kp.col.after_month": "培训后月份",
  "kp.col.attain_after": "培训后达标率（%）",
  "kp.col.behaviour": "行为得分（0–100）",
  "kp.col.drivers": "辅导、强化与表扬次数",
  // Level 4
  "kp.l4": "第四层：结果",
  "kp.l4.metric": "趋势图显示的指标",
  "kp.l4.chart": "{team}：{metric}按月趋势",
  "kp.l4.marks": "竖线标出批次开始的月份：{list}。",
  "kp.l4.mark": "{name}开始",
  "kp.l4.start": "{name}（{date}）",
  "kp.l4.empty":
    "{team}还没有导入这项 KPI。请在“导入 KPI”页上传每位客服每月的 KPI（CSV）。",
  "kp.l4.leading": "{team}：领先指标按月（%）",
  "kp.l4.qa_pass": "质检通过率（%）",
  "kp.l4.leading_empty": "还没有质检记录或升级率、重复来询率的数据。",
  "kp.l4.months": "{team}：每月 KPI、质检与辅导",
  "kp.l4.none":
    "还没有 KPI 或质检数据。请在“导入 KPI”页上传每位客服每月的 KPI（CSV）。",
  "kp.col.month": "月份",
  "kp.col.qa_n": "质检次数",
  "kp.col.starts": "开始的批次",
  "kp.l4.did": "已培训与尚未培训客服的对比（双重差分）",
  "kp.l4.did_lead":
    "对比对象是同一团队中培训较晚、在同样几个月里还没有培训的客服。双重差分 =（已培训客服培训后 − 培训前）−（尚未培训客服同期的变化）；负数表示首次响应时间缩短。四组每组至少 {n} 人才下结论。",
  "kp.col.metric": "指标",
  "kp.col.trained": "已培训的变化",
  "kp.col.control": "尚未培训的变化",
  "kp.col.did": "双重差分",
  "kp.col.cells": "人数（已培训前／后，尚未培训前／后）",
  "kp.cells": "{tb}／{ta}，{cb}／{ca}",
  "kp.did.claimed": "可以下结论",
  "kp.did.waiting": "人数还不够（最少的一组 {n} 人，需要 {need} 人）",
  "kp.did.no_control": "还没有可对比的尚未培训批次",
  "kp.l4.leading_table": "各批次的领先指标",
  "kp.col.qa14": "第 14 天质检通过率（%）",
  "kp.col.drill": "快练平均响应时间（秒，最近一个月）",
  // Level 2 to 3
  "kp.corr": "第二层到第三层：哪些模块的成绩预示在岗进步",
  "kp.corr.lead":
    "每个模块的成绩与客服在岗表现变化之间的相关系数 r：质检分的变化（第 60 或 90 天减第 30 天），以及培训前后一个月的首次响应时长、满意度和一次解决率的变化（都以改善为正）。至少 {n} 名客服两项都有才下结论。",
  "kp.col.module": "模块",
  "kp.col.against": "对照的在岗变化",
  "kp.corr.qa": "质检分",
  "kp.col.r": "相关系数 r",
  "kp.corr.waiting": "人数还不够（{n} 人，需要 {need} 人）",
};

export const en: { [K in keyof typeof zh]: string } = {
  "dash.filter.kpi": "Trend metric",
  "kp.title": "Kirkpatrick's four levels",
  "kp.lead":
    "Each cohort's figures on the four levels, from the evaluator's cohort summary (surveys, quizzes and exams, QA reviews, KPIs): the same figures the evaluation holds. Cohorts run from the earliest start to the latest, so the charts read left to right as a trend.",
  "kp.empty":
    "The cohorts selected have no evaluation data yet. When learners answer the module surveys and take quizzes, and managers record QA reviews and import KPIs, the four levels appear here.",
  "kp.csv": "Download CSV: {table}",
  "kp.col.cohort": "Cohort",
  "kp.col.n": "n",
  "kp.col.state": "State",
  "kp.col.interval": "95% interval",
  "kp.interval": "{low} to {high}",
  "kp.state.shown": "Minimum reached",
  "kp.state.waiting": "Too few answers: {n}, needs {need}",
  "kp.l1": "Level 1: reaction",
  "kp.l1.chart": "Survey response rate and NPS per cohort",
  "kp.l1.rate": "Response rate (%)",
  "kp.l1.nps": "NPS (−100 to 100)",
  "kp.l1.note":
    "A survey's figures appear from {n} respondents (or the survey's own higher minimum); where a cohort has several surveys, the chart shows the mean of those shown.",
  "kp.l1.empty":
    "No survey has reached its minimum number of answers, so no reaction figure is shown. Remind learners to answer the survey at the end of each module.",
  "kp.l1.table": "Reaction by cohort and survey",
  "kp.l1.none":
    "No learner has answered a feedback survey yet. Learners are asked at the end of each module.",
  "kp.col.survey": "Survey",
  "kp.col.respondents": "Respondents",
  "kp.col.likert": "Mean (1–5)",
  "kp.col.low": "Low-scoring items",
  "kp.l2": "Level 2: learning",
  "kp.l2.chart":
    "Pre-test, post-test, normalised gain and mean score per cohort (%)",
  "kp.l2.pre": "Pre-test (%)",
  "kp.l2.post": "Post-test (%)",
  "kp.l2.gain": "Normalised gain (%)",
  "kp.l2.score": "Mean score (%)",
  "kp.l2.note":
    "Pre- and post-test count learners who took both; normalised gain = (post − pre) ÷ (100 − pre), averaged over those learners; the mean score covers quizzes, exams, scenarios and drills.",
  "kp.l2.empty":
    "No quiz or exam scores yet. They appear once learners take the first module's quiz.",
  "kp.l2.table": "Learning by cohort",
  "kp.col.gain_n": "Learners with a gain",
  "kp.col.score_n": "Scores",
  "kp.col.over": "Over-confident",
  "kp.col.under": "Under-confident",
  "kp.l2.mastery": "Skill mastery per cohort (%)",
  "kp.col.skill": "Skill",
  "kp.l3": "Level 3: behaviour",
  "kp.l3.chart": "QA mean score per cohort at day 14, 30, 60 and 90",
  "kp.l3.note":
    "A QA review counts for the checkpoint of the agent's day since the start: days 1–14, 15–45, 46–75, 76–105.",
  "kp.l3.empty":
    "No QA reviews yet. They appear once a manager or QA reviewer scores a real conversation at day 30, 60 or 90.",
  "kp.l3.table": "QA by cohort and checkpoint",
  "kp.col.checkpoint": "Checkpoint",
  "kp.col.qa_mean": "QA mean",
  "kp.col.pass": "Pass rate (%)",
  "kp.col.critical": "Critical-fail rate (%)",
  "kp.l3.kpi_table":
    "KPI attainment before and after training, behaviour score",
  "kp.l3.none": "No QA reviews or KPIs yet.",
  "kp.col.before_month": "Month before",
  "kp.col.attain_before": "Attainment before (%)",
  "kp.col.after_month": "Month after",
  "kp.col.attain_after": "Attainment after (%)",
  "kp.col.behaviour": "Behaviour score (0–100)",
  "kp.col.drivers": "Coaching, reinforcement, recognition",
  "kp.l4": "Level 4: results",
  "kp.l4.metric": "Metric of the trend chart",
  "kp.l4.chart": "{team}: {metric} by month",
  "kp.l4.marks": "Vertical lines mark the months cohorts started: {list}.",
  "kp.l4.mark": "{name} starts",
  "kp.l4.start": "{name} ({date})",
  "kp.l4.empty":
    "{team} has no imported values of this KPI yet. Upload each agent's monthly KPIs (CSV) on the KPI import page.",
  "kp.l4.leading": "{team}: leading indicators by month (%)",
  "kp.l4.qa_pass": "QA pass rate (%)",
  "kp.l4.leading_empty":
    "No QA reviews, escalation or repeat-contact figures yet.",
  "kp.l4.months": "{team}: KPIs, QA and coaching by month",
  "kp.l4.none":
    "No KPI or QA data yet. Upload each agent's monthly KPIs (CSV) on the KPI import page.",
  "kp.col.month": "Month",
  "kp.col.qa_n": "QA reviews",
  "kp.col.starts": "Cohorts starting",
  "kp.l4.did":
    "Trained against not-yet-trained agents (difference-in-differences)",
  "kp.l4.did_lead":
    "The comparison is agents of the same team whose cohort starts later, so they were not yet trained over the same months. Difference-in-differences = (trained agents after − before) − (not-yet-trained agents' change over the same months); a negative figure means a shorter first response time. Nothing is claimed below {n} agents in each of the four groups.",
  "kp.col.metric": "Metric",
  "kp.col.trained": "Change, trained",
  "kp.col.control": "Change, not yet trained",
  "kp.col.did": "Difference-in-differences",
  "kp.col.cells": "n (trained before/after, not yet trained before/after)",
  "kp.cells": "{tb}/{ta}, {cb}/{ca}",
  "kp.did.claimed": "Claimed",
  "kp.did.waiting": "Not enough agents yet (n={n}, need {need})",
  "kp.did.no_control": "No not-yet-trained cohort to compare with yet",
  "kp.l4.leading_table": "Leading indicators per cohort",
  "kp.col.qa14": "QA pass rate at day 14 (%)",
  "kp.col.drill": "Drill response time (s, latest month)",
  "kp.corr": "Level 2 to 3: which modules predict improvement on the job",
  "kp.corr.lead":
    "Pearson r between each module's training score and the agent's movement on the job: QA score (day 60 or 90 minus day 30), and first response time, CSAT and FCR from the month before training to the month after (improvement positive). Nothing is claimed below {n} agents with both.",
  "kp.col.module": "Module",
  "kp.col.against": "Movement on the job",
  "kp.corr.qa": "QA score",
  "kp.col.r": "r",
  "kp.corr.waiting": "Not enough agents yet (n={n}, need {need})",
};
