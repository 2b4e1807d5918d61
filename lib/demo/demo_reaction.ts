/**
 * Reaction-survey answers of demo learners that differ as people do: each
 * learner has a mood (most are content, a few are not), each item its own
 * pull (the course schedule and platform, "organisation", is what new hires
 * grumble about; shadowing feels short), and every answer a little noise.
 * About half write a comment; the comments are new hires' words about the
 * course's own facts (shared/domain.md). Pure and repeatable: the same
 * learner and survey give the same answers.
 *
 * @module
 */
import type { Survey } from "@/lib/content/schema.ts";
import type { SurveyAnswer } from "@/lib/survey/survey_answers.ts";
import { clamp, noise, unit } from "./demo_random.ts";

/** How far an item's Likert answers sit from the learner's usual level. */
const ITEM_PULL: Record<string, number> = {
  organisation: -1.0,
  interaction: -0.3,
  "trainer-examples": -0.2,
  "content-usefulness": 0.2,
  shadowing: -0.5,
  practice: 0.3,
  readiness: -0.3,
  mentor: 0.2,
};

/** Where each choice question's answers centre (option index) and spread. */
const CHOICE_CENTRE: Record<string, [number, number, number]> = {
  // [centre, spread, pull of a low mood]
  pace: [1.7, 0.7, -0.4],
  difficulty: [1.8, 0.6, -0.3],
  "mentor-availability": [0.9, 0.7, 0.5],
  "shadowing-amount": [1.5, 0.7, -0.3],
};

const LIKED = [
  "投诉处理先安抚情绪、再核实事实、最后给方案，这个顺序接差评时最管用。",
  "退款 1-2 天到账、退货审核 30 分钟这些时效记牢了，回答顾客不再含糊。",
  "在线首次响应 30 秒、售前问候 10 秒的要求，现在接待时会盯着计时。",
  "复述确认“您的意思是……，对吗？”，少了很多来回追问。",
  "情景对话练习很像真实会话，尤其是重复扣款和包裹丢失那两个。",
  "广告法的极限用语那一课，原来“全网最好”“第一”都不能说。",
];

const ADVICE = [
  "课程安排变动希望提前一天通知，上课和排班经常撞在一起。",
  "工单系统和知识库的操作讲得太快，希望多安排一次上机练习。",
  "希望把 3 元、5 元、10 元致歉券各自适用的情况做成一张速查表。",
  "练习里的差评案例可以再多一些，最好是真实的顾客对话。",
  "直播课和早班时间冲突，希望每节课都有回放。",
];

const COMPLAINTS = [
  "白天跟岗、晚上补课，课程安排太紧，有点吃不消。",
  "遇到问题在群里问，常常要等很久才有人回复。",
  "学习平台的课程顺序有时和排班表对不上，不知道该先学哪一节。",
];

const DIFFERENTLY = [
  "先共情再给方案，不再一上来就问订单号。",
  "不再说“明天一定到”，只说承运商给出的预计送达时间。",
  "结束会话前先确认顾客还有没有其他问题。",
  "核实身份之前不谈账户和订单的细节。",
  "顾客情绪激动时先道歉安抚，不和顾客争对错。",
];

/** The comment pool of a text question (by id), by the learner's mood. */
function pool(questionId: string, mood: number): readonly string[] {
  if (questionId === "most-useful" || questionId === "best-part") return LIKED;
  if (questionId === "do-differently") return DIFFERENTLY;
  return mood < -0.4 ? COMPLAINTS : ADVICE;
}

/** A demo learner's mood: mostly content, a few unhappy (about -1.6..1.6). */
export function moodOf(learner: string): number {
  return clamp(0.7 * noise(`${learner}|mood`), -1.6, 1.6);
}

/**
 * The answers of `learner` (any stable key, e.g. the login) to `survey`:
 * Likert 1-5, NPS 0-10, an option index, and comments for about half of
 * the text questions (every required one).
 */
export function reactionAnswers(
  survey: Survey,
  learner: string,
): Record<string, SurveyAnswer> {
  const mood = moodOf(learner);
  const out: Record<string, SurveyAnswer> = {};
  for (const q of survey.questions) {
    const key = `${learner}|${survey.id}|${q.id}`;
    if (q.type === "likert") {
      out[q.id] = Math.round(
        clamp(4 + 0.7 * mood + (ITEM_PULL[q.id] ?? 0) + 0.6 * noise(key), 1, 5),
      );
    } else if (q.type === "nps") {
      out[q.id] = Math.round(clamp(8.2 + 1.6 * mood + 1.1 * noise(key), 0, 10));
    } else if (q.type === "choice") {
      const c = CHOICE_CENTRE[q.id];
      out[q.id] = c
        ? Math.round(
          clamp(
            c[0] + c[1] * noise(key) + c[2] * Math.min(0, mood),
            0,
            q.options.length - 1,
          ),
        )
        : Math.floor(unit(key) * q.options.length);
    } else if (!q.optional || unit(key) < 0.5) {
      const texts = pool(q.id, mood);
      out[q.id] = texts[Math.floor(unit(`${key}|text`) * texts.length)];
    }
  }
  return out;
}
