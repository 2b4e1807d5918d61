/**
 * Messages of the learner drill-down (dd.*), the trainer's analytics
 * (tr.*) and their CSV downloads. zh-CN is the reference; `en` is typed
 * against it so no key is missing.
 */
export const zh = {
  "dd.csv": "下载此表（CSV）",
  "dd.mentor.on_job": "在岗表现",
  "dd.verb.scored": "记录了",
  "dd.verb.attended": "参加了",
  "dd.verb.issued": "获得了",
  "dd.verb.expired": "证书已到期",
  "dd.verb.revoked": "被撤销了",
  "dd.sections": "本页内容",
  "dd.section.learning": "学习（第二层）",
  "dd.section.behaviour": "在岗行为（第三层）",
  "dd.section.results": "业绩（第四层）",
  "dd.section.certification": "认证",
  "dd.section.record": "学习记录",
  "dd.scores": "测验与考试：第一次与最近一次（百分制）",
  "dd.quiz_label": "{title}测验",
  "dd.drills": "快速应答练习",
  "dd.drills.empty":
    "还没有快速应答成绩。请提醒学员按计划完成限时快速应答，第一次和最近一次的得分会显示在这里。",
  "dd.col.drill": "快速应答",
  "dd.col.test": "测验或考试",
  "dd.col.attempts": "次数",
  "dd.col.counted": "计入的得分",
  "dd.scores.first": "第一次",
  "dd.scores.latest": "最近一次",
  "dd.scores.empty":
    "还没有测验或考试成绩。学员完成模块测验或考试后会显示在这里；请对照逐日计划提醒学员今天该做的内容。",
  "dd.mastery": "技能掌握度（该技能相关练习全部成绩的平均值，%）",
  "dd.mastery.empty":
    "还没有可以计算技能掌握度的成绩。学员完成带技能标签的测验、情景对话或快速应答后会显示。",
  "dd.scenarios.empty":
    "还没有完成的情景对话。请提醒学员按计划完成情景对话练习，结果和触碰的红线会显示在这里。",
  "dd.qa": "在岗质检：第 30 / 60 / 90 天（百分制）",
  "dd.qa.latest": "最近一次",
  "dd.qa.mean": "平均",
  "dd.qa.empty":
    "还没有在岗质检。学员上岗后，请在第 30、60、90 天各抽检一通真实会话，在“给一通会话打分”页按评分表记录。",
  "dd.criteria": "未达标的评分项",
  "dd.criteria.all_met": "抽检过的 {count} 个评分项都已达标。",
  "dd.criteria.reviewed": "抽检次数",
  "dd.criteria.missed": "未达标次数",
  "dd.criteria.empty":
    "还没有按评分项记录的质检。记录质检后，每个评分项的达标次数会显示在这里。",
  "dd.loop.assigned": "布置时间",
  "dd.loop.empty":
    "没有需要补练的评分项。同一评分项未达标 {n} 次后，系统会自动在学员的“今天”里布置对应练习。",
  "dd.agent_link": "打开在岗表现页：逐次质检、辅导记录和各月 KPI",
  "dd.kpi": "培训前后的 KPI",
  "dd.kpi.lead":
    "培训前一个月（{before}）与培训结束后一个月（{after}）的 KPI，月份与批次的柯氏评估相同。",
  "dd.kpi.no_cohort": "学员尚未加入入职批次，无法确定培训前后的月份。",
  "dd.kpi.metric": "指标",
  "dd.kpi.before": "培训前（{month}）",
  "dd.kpi.after": "培训后（{month}）",
  "dd.kpi.target": "目标",
  "dd.kpi.at_least": "≥ {value}",
  "dd.kpi.at_most": "≤ {value}",
  "dd.kpi.empty":
    "还没有该学员的 KPI。请在“导入 KPI”页上传培训前一个月和培训结束后一个月的数据。",
  "dd.kpi.empty_window":
    "已有 {months} 个月的 KPI，但没有培训前后这两个月的数据。请在“导入 KPI”页补充这两个月。",
  "dd.cert.issued_on": "颁发时满足的条件",
  "dd.cert.renewal_intro": "证书有效。续期看颁发后的新成绩，目前还需要：",
  "dd.cert.renewal_met": "证书有效，颁发后的新成绩已满足续期条件。",
  "dp.col.revoked": "撤销日期",
  "dp.xapi.title": "按记录日期导出 xAPI",
  "dp.xapi.lead":
    "导出所选批次在这段日期内的学习记录（xAPI 1.0.3，可直接导入学习记录库）。日期留空则不限；每个文件最多 500 条，文件里的 more 是下一页的地址。",
  "dp.xapi.bad_since": "「记录日期从」不是有效的日期，没有导出。",
  "dp.xapi.bad_until": "「记录日期到」不是有效的日期，没有导出。",
  "dp.xapi.bad_range": "「记录日期到」早于「记录日期从」，没有导出。",
  "dp.xapi.since": "记录日期从",
  "dp.xapi.until": "记录日期到",
  "dp.xapi.submit": "下载 xAPI 语句（JSON）",
  "tr.low": "（偏低）",
  "tr.reaction.n": "{responses} 人提交，至少 {minN} 人才显示结果",
  "tr.reaction.rate": "，回收率 {rate}%",
  "tr.col.cohort": "批次",
  "tr.col.attempts": "成绩条数",
  "tr.skills.cohorts": "各批次最薄弱的 5 项技能",
} as const;

/** English messages, typed against the Chinese keys. */
export const en: Record<keyof typeof zh, string> = {
  "dd.csv": "Download this table (CSV)",
  "dd.mentor.on_job": "On the job",
  "dd.verb.scored": "recorded",
  "dd.verb.attended": "attended",
  "dd.verb.issued": "earned",
  "dd.verb.expired": "certificate expired:",
  "dd.verb.revoked": "certificate revoked:",
  "dd.sections": "On this page",
  "dd.section.learning": "Learning (level 2)",
  "dd.section.behaviour": "Behaviour on the job (level 3)",
  "dd.section.results": "Results (level 4)",
  "dd.section.certification": "Certification",
  "dd.section.record": "Learning record",
  "dd.scores": "Quizzes and exams: first and latest attempt (percent)",
  "dd.quiz_label": "{title} quiz",
  "dd.drills": "Quick-response drills",
  "dd.drills.empty":
    "No drill scores yet. Remind the learner of the timed drills in their plan; first and latest scores appear here.",
  "dd.col.drill": "Drill",
  "dd.col.test": "Quiz or exam",
  "dd.col.attempts": "Attempts",
  "dd.col.counted": "Counted score",
  "dd.scores.first": "First",
  "dd.scores.latest": "Latest",
  "dd.scores.empty":
    "No quiz or exam score yet. They appear once the learner finishes a module quiz or an exam; check the day-by-day plan and remind them of today's work.",
  "dd.mastery":
    "Skill mastery (mean of every score of the skill's practice, %)",
  "dd.mastery.empty":
    "No score to compute skill mastery from yet. It appears once the learner finishes a quiz, conversation or drill tagged with skills.",
  "dd.scenarios.empty":
    "No finished conversation yet. Remind the learner of the conversations in their plan; outcomes and red lines crossed appear here.",
  "dd.qa": "QA on the job: day 30 / 60 / 90 (percent)",
  "dd.qa.latest": "Latest",
  "dd.qa.mean": "Mean",
  "dd.qa.empty":
    "No QA review yet. Once the learner works with customers, review one real conversation on day 30, 60 and 90 with the scorecard (Score a conversation).",
  "dd.criteria": "Scorecard criteria missed",
  "dd.criteria.all_met":
    "All {count, plural, one {# criterion} other {# criteria}} reviewed were met.",
  "dd.criteria.reviewed": "Reviews",
  "dd.criteria.missed": "Missed",
  "dd.criteria.empty":
    "No review scored by criterion yet. Once reviews are recorded, each criterion's misses appear here.",
  "dd.loop.assigned": "Assigned",
  "dd.loop.empty":
    "No criterion needs practice. After {n} misses of the same criterion, its practice is put on the learner's Today automatically.",
  "dd.agent_link":
    "Open the on-the-job record: each QA review, coaching logged, KPI by month",
  "dd.kpi": "KPIs before and after training",
  "dd.kpi.lead":
    "KPIs of the month before training ({before}) and the month after it ({after}), the same months as the cohort's Kirkpatrick evaluation.",
  "dd.kpi.no_cohort":
    "The learner is not in an onboarding cohort yet, so there are no months before and after training.",
  "dd.kpi.metric": "KPI",
  "dd.kpi.before": "Before ({month})",
  "dd.kpi.after": "After ({month})",
  "dd.kpi.target": "Target",
  "dd.kpi.at_least": "≥ {value}",
  "dd.kpi.at_most": "≤ {value}",
  "dd.kpi.empty":
    "No KPIs for this learner yet. Upload the month before and the month after training on Import KPIs.",
  "dd.kpi.empty_window":
    "KPIs for {months, plural, one {# month} other {# months}} are here, but not for the months before and after training. Add those two months on Import KPIs.",
  "dd.cert.issued_on": "The rules met when it was issued",
  "dd.cert.renewal_intro":
    "The certificate is valid. Renewal counts evidence since it was issued; still needed:",
  "dd.cert.renewal_met":
    "The certificate is valid, and evidence since it was issued already meets the renewal rules.",
  "dp.col.revoked": "Revoked on",
  "dp.xapi.title": "xAPI by record date",
  "dp.xapi.lead":
    "The selected cohorts' learning records in these dates (xAPI 1.0.3, ready for a learning record store). Leave a date empty for no limit; each file holds at most 500 statements, and its more is the next page's address.",
  "dp.xapi.bad_since":
    "“Recorded from” is not a valid date; nothing was exported.",
  "dp.xapi.bad_until":
    "“Recorded until” is not a valid date; nothing was exported.",
  "dp.xapi.bad_range":
    "“Recorded until” is before “Recorded from”; nothing was exported.",
  "dp.xapi.since": "Recorded from",
  "dp.xapi.until": "Recorded until",
  "dp.xapi.submit": "Download xAPI statements (JSON)",
  "tr.low": " (low)",
  "tr.reaction.n":
    "{responses, plural, one {# response} other {# responses}}; figures from {minN}",
  "tr.reaction.rate": ", response rate {rate}%",
  "tr.col.cohort": "Cohort",
  "tr.col.attempts": "Scores",
  "tr.skills.cohorts": "The 5 weakest skills of each cohort",
};
