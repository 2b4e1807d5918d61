/**
 * Reply search over 2,000 replies, measured in the server process (the
 * function /replies calls: `searchLibrary`), against a plain listing of the
 * same page (no words: the first 20 replies in situation and stage order)
 * in the same run. The 2,000 are the bundled library repeated with a
 * product name woven into each title and text, so terms and postings grow
 * as in a real library, not just copies.
 */
import { loadContent } from "../lib/content/loader.ts";
import { buildIndex, type LibraryReply } from "../lib/replies/search.ts";
import { searchReplies } from "../lib/replies/search.ts";
import { percentile, type Section } from "./rows.ts";

const PRODUCTS = [
  "保温杯",
  "羽绒服",
  "蓝牙耳机",
  "空气炸锅",
  "运动鞋",
  "床上四件套",
  "电动牙刷",
  "婴儿推车",
  "行李箱",
  "台灯",
  "瑜伽垫",
  "咖啡机",
  "手机壳",
  "双肩包",
  "连衣裙",
  "扫地机器人",
  "电饭煲",
  "洗面奶",
  "智能手表",
  "茶叶",
  "坚果礼盒",
  "吹风机",
  "儿童绘本",
];
const QUERIES = [
  "退款多久到账",
  "钱什么时候退",
  "快递到哪了",
  "包裹丢了",
  "优惠券用不了",
  "怎么改地址",
  "账号被锁了",
  "扣了两次钱",
  "尺码不合适",
  "想换货",
  "投诉",
  "要求赔偿",
  "发票怎么开",
  "价保",
  "系统故障",
  "催发货",
  "显示签收没收到",
  "登录不上",
  "退货地址",
  "客服骂人",
];
const TARGET = 2000;
const ROUNDS = 50;

/** The bundled library grown to `n` replies. */
export async function benchLibrary(n = TARGET): Promise<LibraryReply[]> {
  const { tree } = await loadContent();
  const base: LibraryReply[] = (tree.replySets ?? []).flatMap((s) =>
    s.data.replies.map((r) => ({ ...r, situation: s.data.situation }))
  );
  const out: LibraryReply[] = [];
  for (let k = 0; out.length < n; k++) {
    const product = PRODUCTS[k % PRODUCTS.length];
    for (const r of base) {
      if (out.length >= n) break;
      out.push(
        k === 0 ? r : {
          ...r,
          id: `${r.id}-${k}`,
          title: `${product}：${r.title}`,
          text: `${r.text}（${product}）`,
          keywords: [...r.keywords, product],
        },
      );
    }
  }
  return out;
}

function time(fn: () => unknown, rounds: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export const replySearch: Section = {
  name: "reply-search",
  async run() {
    const replies = await benchLibrary();
    const t0 = performance.now();
    const index = buildIndex(replies);
    const buildMs = performance.now() - t0;
    // Warm both paths up before measuring.
    for (const q of QUERIES) searchReplies(index, { q });
    searchReplies(index, {});
    const search = QUERIES.flatMap((q) =>
      time(() => searchReplies(index, { q }), ROUNDS)
    ).sort((a, b) => a - b);
    const listing = time(
      () => searchReplies(index, {}),
      QUERIES.length * ROUNDS,
    ).sort((a, b) => a - b);
    const p99 = percentile(search, 99);
    const ref99 = percentile(listing, 99);
    return [{
      metric:
        `reply search over ${replies.length} replies (${QUERIES.length} queries x ${ROUNDS}, in the server process) vs a plain listing of the same page; index built once in ${
          buildMs.toFixed(0)
        } ms`,
      value: `p50 ${percentile(search, 50).toFixed(2)} ms, p99 ${
        p99.toFixed(2)
      } ms`,
      reference: `p50 ${percentile(listing, 50).toFixed(2)} ms, p99 ${
        ref99.toFixed(2)
      } ms`,
      ratio: `${(p99 / ref99).toFixed(1)}x`,
      budget: "p99 < 20 ms",
      ok: p99 < 20,
    }];
  },
  notes:
    `Reply search (bench/reply_search.ts): the bundled reply library grown to 2,000 replies (each repeated with a product name in its title, text and keywords), indexed once as the server does per published version, then 20 real agent queries ("退款多久到账", "包裹丢了", …) searched 50 times each with \`searchReplies\`, the function the /replies page calls; the reference is the same function listing the same first page without words. Timed in-process with performance.now(), so the figure is the server's work, not the network or the page render.`,
};
