/**
 * Demo data for the reply library and the case library, made by the real
 * engines: agents' searches run through the real search (so "no result" is
 * what the engine finds), copies of what each search ranks first, and three
 * conversations stored through the case store, which masks them. Seeded
 * once (a marker key), this week and last week, so the trainer pages have
 * figures on first start.
 *
 * @module
 */
import { saveCase } from "@/lib/cases/case_store.ts";
import { findUserByLogin } from "@/lib/identity/accounts/user_store.ts";
import { getLibrary, searchLibrary } from "@/lib/replies/library.ts";
import { logCopy, logSearch } from "@/lib/replies/usage_store.ts";
import { seedOnce } from "@/lib/identity/demo/seed_once.ts";

const DAY = 86_400_000;

/** What the demo agents type, how often in a week, and how often they copy the first result. */
const SEARCHES: { q: string; times: number; copies: number }[] = [
  { q: "退款多久到账", times: 12, copies: 7 },
  { q: "快递到哪了", times: 9, copies: 5 },
  { q: "包裹丢了", times: 6, copies: 4 },
  { q: "优惠券用不了", times: 5, copies: 3 },
  { q: "改地址", times: 5, copies: 3 },
  { q: "要求赔偿", times: 4, copies: 2 },
  { q: "账号被锁", times: 3, copies: 2 },
  { q: "尺码不合适", times: 3, copies: 1 },
  { q: "以旧换新", times: 3, copies: 0 },
  { q: "积分兑换", times: 2, copies: 0 },
  { q: "预售定金能退吗", times: 2, copies: 0 },
];

/** Three conversations as a trainer pastes them in, personal data and all; the store masks them. */
const CASES = [
  {
    title: "包裹显示签收却没收到，顾客第二次来问",
    situation: "logistics" as const,
    conversation: [
      "顾客：我是王建国，订单号2026120512312显示昨天签收了，可我根本没收到！",
      "客服：王先生您好，让您着急了，真的很抱歉。跟您确认一下，您是说家里、门卫和快递柜都找过了，对吗？",
      "顾客：对，都找了。你们打我电话 138 0013 8000，我在家等着。",
      "客服：好的，运输途中的问题由我们来解决，我马上核实，24 小时内给您结果，确认丢件就为您补发或退款，由您来选。",
    ].join("\n"),
    lessons: ["core-return-rules", "practice-insale-flow"],
    replies: ["logistics-signed-not-received", "logistics-lost"],
    scenarios: ["lost-parcel"],
  },
  {
    title: "顾客在聊天里发了完整银行卡号要求退款",
    situation: "payment" as const,
    conversation: [
      "顾客：退款直接打到我卡上 6228 4860 1815 9081，户名陈丽，快点！",
      "客服：不好意思提醒您一下，为了您的资金安全，请不要在聊天里发送完整的银行卡号，刚才那条消息建议您撤回。",
      "客服：退款会原路退回您付款时用的支付宝，仓库确认后 1-2 天到账。",
    ].join("\n"),
    lessons: ["basics-ethics-privacy"],
    replies: ["payment-card-safety", "aftersale-refund-route"],
    scenarios: ["compliance-trap"],
  },
  {
    title: "补偿型投诉：发错货要求赔 100 元",
    situation: "complaint" as const,
    conversation: [
      "顾客：你们发错颜色了，我白跑一趟快递点，必须赔我100块！",
      "客服：发错货还让您白跑一趟，真的很抱歉。我这边先送您一张10元无门槛券表示歉意；如果您希望更多补偿，我为您向主管申请，主管会在2小时内回复您。",
      "顾客：行吧，那你快点申请，收货地址还是上海市浦东新区张江路 88 号 3 栋 502 室。",
    ].join("\n"),
    lessons: ["core-complaint-psychology", "core-escalation"],
    replies: [
      "complaint-compensation-demand",
      "complaint-escalate-compensation",
    ],
    scenarios: ["double-charge"],
  },
];

/** Seeds reply usage and demo cases once; a library-less store is left alone. */
export async function seedDemoReplies(kv: Deno.Kv, now: Date): Promise<void> {
  await seedOnce(kv, "replies", now, async () => {
    const lib = await getLibrary(kv);
    if (!lib) return false;
    for (const [w, share] of [[0, 1], [7, 0.5]] as const) {
      for (const [i, s] of SEARCHES.entries()) {
        const when = new Date(now.getTime() - w * DAY - (i % 3) * 3_600_000);
        const results = searchLibrary(lib, { q: s.q });
        const times = Math.max(1, Math.round(s.times * share));
        for (let k = 0; k < times; k++) {
          await logSearch(kv, results.q, results.total, when);
        }
        const top = results.cards[0];
        if (!top) continue;
        for (let k = 0; k < Math.round(s.copies * share); k++) {
          await logCopy(kv, top.id, when);
        }
      }
    }
    const trainer = await findUserByLogin(kv, "trainer@demo.academy");
    if (trainer) {
      for (const [i, c] of CASES.entries()) {
        const links = {
          lessons: c.lessons.filter((id) =>
            lib.view.lessons.some((l) => l.lesson.lesson.id === id)
          ),
          replies: c.replies.filter((id) => lib.byId.has(id)),
          scenarios: c.scenarios.filter((id) =>
            lib.view.published.scenarios.some((s) => s.id === id)
          ),
        };
        await saveCase(
          kv,
          { ...c, ...links },
          trainer.id,
          new Date(now.getTime() - (3 - i) * DAY),
        );
      }
    }
  });
}
