/**
 * The red lines: wording that fails a reply whatever else it has. Each rule
 * is a pattern over the grader's matching view plus how context changes it:
 * a `negatable` cue does not count after a negator in its clause ("不能保证明天
 * 到"), an `askable` one does not count when asked back ("您是担心快递弄丢了
 * 吗？") or inside quotation marks, and a `guard` can look at the rest of the
 * sentence (a compensation applied for, not granted).
 *
 * House figures (../shared/domain.md §7): a tier-1 agent may give a coupon of
 * 3, 5 or 10 元 once per order and may apply for anything more ("我为您申请，
 * 主管会在 2 小时内回复您"); promising the outcome, cash, a bigger coupon, a
 * refund beyond policy or an exception is a breach.
 *
 * @module
 */
import { exposedIdentifiers } from "@/lib/privacy/identifiers.ts";
import { readNumber } from "@/lib/content/policy.ts";
import type { Range, Reading } from "./text.ts";

/** The five red-line categories. */
export const RED_LINES = [
  "promise",
  "blame",
  "privacy",
  "superlative",
  "insult",
] as const;
/** A red-line category. */
export type RedLine = typeof RED_LINES[number];

/** Why a blocker was raised; an i18n key suffix (`grading.blocker.<code>`). */
export const BLOCKER_CODES = [
  "promise.outcome",
  "promise.compensation",
  "promise.escalation",
  "promise.exception",
  "blame.third_party",
  "blame.customer",
  "blame.denial",
  "blame.redirect",
  "privacy.asks_secret",
  "privacy.asks_full_number",
  "privacy.shows_identifier",
  "privacy.other_customer",
  "superlative.absolute",
  "insult.insult",
  "insult.sarcasm",
  "custom",
] as const;
/** A blocker's reason code. */
export type BlockerCode = typeof BLOCKER_CODES[number];

/** A red-line hit before it becomes a blocker. */
export interface RedLineHit extends Range {
  category: RedLine;
  code: BlockerCode;
}

interface Rule {
  category: RedLine;
  code: BlockerCode;
  re: RegExp;
  negatable: boolean;
  askable: boolean;
  /** A rhetorical question still counts ("您没看详情页吗？"). */
  rhetorical?: RegExp;
  /** Extra test on the match; false drops it. */
  guard?: (r: Reading, m: RegExpMatchArray) => boolean;
}

// ---------------------------------------------------------------- word lists

const THIRD =
  "快递员|快递小哥|快递公司|快递|物流公司|物流|配送员|配送|顺丰|中通|圆通|韵达|申通|极兔|邮政|EMS|京东快递|菜鸟驿站|菜鸟|驿站|仓库|仓储|库房|系统|厂家|厂商|供应商|工厂|那家店|别家|其他店|隔壁店|第三方";
const GUARANTEE =
  "一定|保证|肯定|绝对|百分百|100%|包您|包你|打包票|确保|担保|必定|必然|铁定|准保|准能";
// What the agent does not control: delivery, approval, compensation, a date.
const OUTCOME =
  "送到|送达|到货|到达|到账|收到|签收|能到|会到|就到|到了|发货|发出|寄出|出库|退款成功|退成功|退下来|能退|可以退|给您退|退给您|退到|退回|会退|批下来|批准|通过|同意|赔|补偿|报销|修好|不会再|不会(?:碎|坏|漏|破|丢|少)|一分不少|恢复|解冻|解封|成功|没问题|满意|拿到";
const COUPON_OK = new Set([3, 5, 10]);
const APPLY =
  /申请|提交|上报|报给|反馈给|转给|帮您争取|为您争取|请示|问一下主管|问问主管|向主管|找主管|请主管|让主管|升级给|交给/;

/** The amount of money in "50元", "五十块", "[数字1]元" (NaN when unreadable). */
export function amountOf(words: string): number {
  const m = words.match(
    /(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?:元|块|rmb|RMB)/,
  );
  if (!m) return NaN;
  if (/^\d/.test(m[1])) return /^9{4,}$/.test(m[1]) ? NaN : Number(m[1]);
  return readNumber(m[1]) ?? NaN;
}

function sentenceBefore(r: Reading, m: RegExpMatchArray): string {
  const s = r.sentenceAt(m.index!);
  return r.view.slice(s.start, m.index!);
}

function clauseOf(r: Reading, m: RegExpMatchArray): string {
  return r.slice(r.clauseAt(m.index!));
}

const SECRET =
  /登录密码|支付密码|交易密码|银行卡密码|密码|短信验证码|验证码|校验码|动态码|CVV2?|cvv|安全码|卡背面的?三位数?|(?:短信|手机)(?:里|上)?(?:收到)?的[\d六四]位(?:数字|数|码)/g;
const FULL_NUMBER =
  /银行卡号码?|信用卡号|储蓄卡号|卡号|身份证号码?|身份证|证件号码?/g;
// Asking the customer to hand something over, in either order.
const ASK =
  /提供|告诉我|告诉一下|告诉客服|告知|发给我|发我|发一下|发下|发过来|发来|报一下|报给|报下|说一下|说下|输入|填写|填一下|给我|给一下|截图|拍一下|念一下|私信我|私信发|是多少|是什么|多少|附上|写上|写有|备注/;
const ASK_NEGATED =
  /不要|别|切勿|请勿|不会|不需要|无需|不用|谨防|小心|防止|不得|不能|千万别|索要/;
// Last digits are how customers are verified.
const PARTIAL =
  /后[四六4 6]位|后几位|尾号|末[四4]位|前[四六4 6]位|后\d位|末几位/;

// Words before an address that make it the shop's, not a person's.
const BUSINESS_ADDRESS =
  /(?:退货|寄回|退回|售后|仓库|门店|店铺|公司|发货|退换货)(?:的)?地址|售后仓|仓库在/;

// The agent taking the problem on: "我马上为您催件", "我来处理".
const OWNS =
  /我(?:们)?(?:这边|马上|立即|现在|来|会|已经?)?(?:帮您|为您|给您|替您)|我来|我们来|由我|我马上|我立即|我去/;

/**
 * Asking for a secret (password, code, CVV) or a full card or ID number: a
 * clause that names one and asks for it, in either order ("把验证码发我",
 * "请提供您的登录密码", "您的密码是多少"), unless the clause warns against it
 * or the number is partial ("后四位").
 */
function askedFor(r: Reading): RedLineHit[] {
  const hits: RedLineHit[] = [];
  for (
    const [re, code] of [
      [SECRET, "privacy.asks_secret"],
      [FULL_NUMBER, "privacy.asks_full_number"],
    ] as const
  ) {
    for (const m of r.view.matchAll(re)) {
      const clause = r.clauseAt(m.index!);
      const words = r.slice(clause);
      const sentence = r.slice(r.sentenceAt(m.index!));
      if (!ASK.test(words)) continue;
      if (ASK_NEGATED.test(words) || r.negated(m.index!)) continue;
      if (r.quoted(m.index!)) continue;
      // The system or the agent sending a code to the customer.
      if (
        /(?:系统|平台|我们|我)(?:会|已经?|这边)?(?:给您|向您|发给您|发到)/.test(
          words,
        ) && !/(?:告诉|报|提供|发给|发)我/.test(words)
      ) {
        continue;
      }
      if (code === "privacy.asks_full_number" && PARTIAL.test(sentence)) {
        continue;
      }
      hits.push({
        category: "privacy",
        code,
        start: m.index!,
        end: m.index! + m[0].length,
      });
    }
  }
  return hits;
}

// ---------------------------------------------------------------- the rules

const RULES: Rule[] = [
  // ---- promise
  {
    category: "promise",
    code: "promise.outcome",
    re: new RegExp(`(?:${GUARANTEE})[^,。!?]{0,8}?(?:${OUTCOME})`, "g"),
    negatable: true,
    askable: true,
    // "我保证 2 小时内回复您" is the agent's own step; a delivery, approval or payout is not.
    guard: (_r, m) =>
      !/^(?:一定|保证|肯定|确保)会?(?:尽快|第一时间)?(?:给您|为您|帮您)?(?:回复|联系|跟进|答复|反馈|告知|通知|同步|处理|查|核实|催)/
        .test(m[0]),
  },
  {
    category: "promise",
    code: "promise.outcome",
    re: new RegExp(
      `(?:今天|明天|后天|今晚|明早|[\\d一二两三四五六七八九十]+\\s*(?:天|号|日))(?:之内|以内|内)?(?:${GUARANTEE})(?:能|会|可以)?(?:给您)?(?:送到|送达|到货|到|收到|签收|发货|发出|到账)`,
      "g",
    ),
    negatable: true,
    askable: true,
  },
  {
    // "我跟您打包票，下次一个都不会碎".
    category: "promise",
    code: "promise.outcome",
    re: new RegExp(
      `(?:打包票|保证|发誓|担保)[,!]\\s*[^,。!?]{0,12}?(?:${OUTCOME}|不会)`,
      "g",
    ),
    negatable: true,
    askable: true,
  },
  {
    // "百分百解决" / "保证让您满意": a result no agent can guarantee.
    category: "promise",
    code: "promise.outcome",
    re:
      /(?:保证|百分百|100%|绝对|打包票|包您|包你)[^,。!?]{0,8}?(?:解决|搞定|处理好|办好|满意)/g,
    negatable: true,
    askable: true,
  },
  {
    category: "promise",
    code: "promise.escalation",
    re:
      /(?:主管|上级|经理|领导|专员|二线|售后组)(?:那边)?(?:一定|肯定|绝对|保证|百分百)?(?:会|能)(?:同意|批准|批|通过|答应|给您赔|给您补偿|给您退)/g,
    negatable: true,
    askable: true,
  },
  {
    category: "promise",
    code: "promise.exception",
    re:
      /破例|破个例|特批|开个后门|走个后门|特殊照顾|特殊处理|特事特办|通融一下|网开一面/g,
    negatable: true,
    askable: true,
    // "需要特殊处理的话我为您申请" asks the one who may grant it.
    guard: (r, m) => !APPLY.test(r.slice(r.sentenceAt(m.index!))),
  },
  {
    // Compensation granted by the agent: 赔/赔偿 outright, cash, a coupon above
    // the allowance, a refund plus extra, keep-the-goods-and-get-money-back.
    category: "promise",
    code: "promise.compensation",
    re:
      /(?:赔偿|赔付|赔给|赔您|赔你|双倍|三倍|退一赔三|假一赔[三十]|(?:补偿|补贴|返还?|送|给|发|补)(?:您|你)?(?:一个|一张|个|张)?(?:[\d一二两三四五六七八九十百千]+(?:\.\d+)?\s*(?:元|块))(?:的)?(?:现金|红包|优惠券|券|无门槛|补偿|赔偿)?|(?:现金|红包)(?:补偿|赔偿)?|免单|(?:改价|少收|便宜|减免)(?:您|你)?[\d一二两三四五六七八九十百]+(?:元|块)|(?:留着|不用退(?:回|了)?|不用寄回)[^。!?]{0,10}?(?:全额)?(?:退款|退给您|退您|钱[^。!?]{0,4}退)|全额退款(?:并|再|还|另外|外加|之外|以外|，|,)?(?:再|还|另外|额外)?(?:给您|送您|补偿|赔|送|加)|不用(?:退回|寄回|退货|把货退回)(?:来)?(?:也)?(?:直接)?(?:给您)?(?:全额)?退款|东西(?:您)?(?:留着|不用退)(?:，|,)?(?:钱|款)?(?:也)?(?:照样|全额)?(?:退|返)给您)/g,
    negatable: true,
    askable: true,
    guard: (r, m) => {
      const words = m[0];
      const clause = clauseOf(r, m);
      // Applying for it, with who answers and when, is correct.
      if (APPLY.test(sentenceBefore(r, m)) || /^申请/.test(words)) return false;
      // "赔偿申请暂时无法通过": the claim, not a grant.
      const after = r.view.slice(
        m.index! + words.length,
        m.index! + words.length + 3,
      );
      if (/^(?:的)?(?:申请|请求|要求|诉求)/.test(after)) return false;
      // The customer's demand quoted back ("您要求赔偿500元").
      if (
        /(?:您|你)(?:要求|想要|希望|提出|说要)/.test(
          r.view.slice(r.clauseAt(m.index!).start, m.index!),
        )
      ) {
        return false;
      }
      const amount = amountOf(words);
      // Money amounts: a coupon within the allowance is fine; cash never.
      if (
        /元|块/.test(words) &&
        !/现金|红包|赔|双倍|三倍|改价|少收|便宜|减免/.test(words)
      ) {
        if (/(?:优惠券|券|无门槛)/.test(words) || /优惠券|券/.test(clause)) {
          return Number.isNaN(amount) ? false : !COUPON_OK.has(amount);
        }
        // "退您 20 元差价" is price protection (policy), not compensation.
        if (/差价|价保|保价|运费|邮费/.test(clause)) return false;
        return true;
      }
      // Goods that arrived broken may be refunded without return (仅退款).
      if (
        /不用|留着|不用退/.test(words) &&
        /碎|破|坏|变质|腐烂|烂|漏/.test(r.view)
      ) return false;
      return true;
    },
  },

  // ---- blame
  {
    category: "blame",
    code: "blame.third_party",
    re: new RegExp(
      `(?:都怪|要怪就怪|怪)(?:${THIRD})|(?:${THIRD})(?:那边|方面|那里)?的(?:问题|责任|原因|错|锅|过失|失误)|(?:${THIRD})(?:那边)?(?:造成|导致|搞错|弄错|弄丢|搞丢|弄坏|搞坏|摔坏|压坏|搞|弄)的|(?:归|是)(?:${THIRD})(?:管|负责)`,
      "g",
    ),
    negatable: true,
    askable: true,
    guard: (r, m) => {
      // "我们仓库的问题" / "我们系统的问题": owned, not shifted.
      const before = r.view.slice(Math.max(0, m.index! - 4), m.index!);
      if (/我们|咱们|本店|我方|店里/.test(before)) return false;
      return true;
    },
  },
  {
    // A courier or warehouse named as careless, with nothing done about it.
    category: "blame",
    code: "blame.third_party",
    re: new RegExp(
      `(?:${THIRD})(?:那边)?(?:偷懒|乱扔|乱放|暴力|不负责任?|不靠谱|太慢了|爆仓了)`,
      "g",
    ),
    negatable: true,
    askable: true,
    guard: (r) => !OWNS.test(r.view),
  },
  {
    category: "blame",
    code: "blame.denial",
    re:
      /(?:不是|不关|不在|与|和|跟)(?:我们|我|本店|店铺|咱们|商家|我方|店家)(?:店|客服|这边)?(?:的)?(?:问题|责任|事|范围|无关|没关系|没有关系|没什么关系|的事)|(?:不归|不属于)(?:我们|我|本店)(?:管|负责)|(?:我们|我|本店|店铺)(?:这边)?(?:也)?(?:管不了|管不着|不负责|不承担(?:责任)?|概不负责|无能为力|没辙)|(?:我们|我)也没(?:有)?办法|不是(?:我们|我|店铺|本店)(?:能|可以)(?:控制|决定|管|左右)的|(?:我们的?|本店的?)?系统(?:是)?不会(?:出错|错|有问题)|与我们无关|跟我们无关|怪不(?:了|到|得)(?:我们|我|本店)|(?:我们的?(?:产品|商品|东西|货)?|产品|商品)(?:都|是)?不可能(?:有|出)(?:质量)?问题/g,
    negatable: false,
    askable: true,
    guard: (r, m) => {
      // "不是我们不想帮您" is not a denial of responsibility.
      const after = r.view.slice(
        m.index! + m[0].length,
        m.index! + m[0].length + 3,
      );
      return !/^(?:不想|不愿)/.test(after) && !/不想|不愿/.test(m[0]);
    },
  },
  {
    category: "blame",
    code: "blame.redirect",
    re: new RegExp(
      `(?:(?:您|你)(?:自己)?(?:去|到)(?:驿站|网点|快递点|营业厅|银行|柜台)(?:取|问|办|查))|(?:联系|找|问|咨询|打给|拨打|投诉|催|去问|去找)(?:一下|下)?(?:${THIRD}|平台客服|平台|银行|支付宝|微信支付|售后网点|维修点|官方售后)(?:的?(?:客服|电话|热线))?`,
      "g",
    ),
    negatable: true,
    askable: true,
    guard: (r, m) => {
      // The agent contacting the courier is taking it on, not sending the customer away.
      if (r.agentActsBefore(m.index!)) return false;
      const clause = r.view.slice(r.clauseAt(m.index!).start, m.index!);
      if (/我们|我来|我去|由我|这边/.test(clause)) return false;
      // "申请平台介入" is the marketplace's dispute process, not a brush-off.
      if (
        /平台/.test(m[0]) &&
        /介入/.test(r.view.slice(m.index!, m.index! + m[0].length + 4))
      ) return false;
      return true;
    },
  },
  {
    category: "blame",
    code: "blame.customer",
    re:
      /(?:是|都是|还不是)?(?:您|你|亲)(?:自己)?(?:当时|之前|下单时|下单的时候)?(?:的?[\u4e00-\u9fa5]{1,4}?)?(?:没有?|未)?(?:看清楚?|注意看?|仔细看|[填写选拍输按下买点]错|操作不当|弄错|搞错|弄坏|摔坏|碰坏|不会用|用错|点错|理解错|看错|没看清楚?|没注意|没仔细看|没核对|没看详情|没看说明|没检查|没验货|没及时)|(?:是|都是|因为|由于|属于|还不是)(?:您|你)(?:自己)?的(?:问题|原因|责任|错|过失)|(?:是|都是|还不是)(?:您|你)(?:自己)?[^,。!?]{0,10}?(?:造成|导致|弄)的|(?:是|都是)(?:您|你)(?:自己)?的?[\u4e00-\u9fa5]{0,6}?(?:不对|不当|有误|不正确)|(?:怪|谁让|谁叫)(?:您|你)|(?:您|你)(?:应该|本该|早该)(?:早点|提前|先|自己)|(?:您|你)[^,。!?]{0,8}?(?:为什么|干嘛|怎么)不(?:早说|看|问|仔细|检查|当面|验货|核对)|(?:您|你)(?:自己)?(?:填|写|选|留|给)的[\u4e00-\u9fa5]{0,6}?(?:不对|错了|有误|不全|不完整|不详细)|(?:是|因为)(?:您|你)[^,。!?]{0,6}(?:点了两次|重复(?:点击|付款|支付|下单)|多点了)/g,
    negatable: true,
    askable: true,
    rhetorical:
      /(?:您|你)[^,。!?]{0,6}(?:没|不)[^,。!?]{0,10}(?:吗|么)|为什么不|干嘛不|怎么不/,
    guard: (r, m) => {
      // "怪我没说清楚" / "谁让您受委屈了" are not blame.
      const after = r.view.slice(
        m.index! + m[0].length,
        m.index! + m[0].length + 3,
      );
      if (
        /^(?:怪|谁让|谁叫)/.test(m[0]) &&
        /^(?:受|久等|等|着急|费心|操心|失望)/.test(after)
      ) return false;
      // "我们把您的地址写错了" owns the mistake.
      const before = r.view.slice(r.clauseAt(m.index!).start, m.index!);
      if (/我们|我把|咱们|仓库把|同事把/.test(before + m[0])) return false;
      return true;
    },
  },

  // ---- privacy: other customers' data (asking is in askedFor() below)
  {
    category: "privacy",
    code: "privacy.other_customer",
    re:
      /(?:别的|其他|其它|另一位|另外一位|另一个|上一位|那位|隔壁的?|邻居的?)(?:顾客|客户|买家|用户|客人|人|家)?(?:的)?(?:电话|手机号|手机|号码|地址|住址|姓名|名字|身份证|个人信息|联系方式|资料)(?:是|在|为|:|发给您|告诉您|给您)|(?:他|她|对方|那位顾客|那个买家)的(?:电话|手机号|手机|号码|地址|住址|联系方式|全名|姓名)(?:是|为|:|发给您|告诉您|给您)|(?:把|将)(?:他|她|对方|邻居|那位顾客|那个买家|其他顾客|别的顾客)的?(?:电话|手机号|手机|号码|地址|住址|联系方式)(?:发|告诉|给)(?:您|你)|(?:邻居|朋友|同事|顾客|买家|客户)[\u4e00-\u9fa5]{1,4}的(?:电话|手机号|手机|号码|地址|住址|联系方式)(?:是|为|:)|(?:他|她|对方|那位顾客|那个买家)(?:叫|名叫|姓名是)[\u4e00-\u9fa5]{2,3}/g,
    negatable: true,
    askable: true,
  },

  // ---- 广告法 absolute terms
  {
    category: "superlative",
    code: "superlative.absolute",
    re:
      /全网最|全国最|史上最|全球最|世界最|行业最|(?<![您你])最(?:佳|优|优秀|高级|低价|低折扣|低的价|便宜|先进|强|牛|顶级|划算|实惠|好用|耐用|安全|专业|正宗|畅销|火爆|受欢迎|好卖|权威|有效|健康|新鲜)|(?<![您你])最好的|(?:销量|全网|行业|全国|排名|品类|类目|世界|全球|天猫|淘宝|京东|同类|全店)(?:排名)?第一|第一品牌|(?<![A-Za-z])(?:No\.?\s?1|NO\.?\s?1|TOP\s?1|Top\s?1)(?![0-9])|销量冠军|国家级|世界级|最高级|顶级|极品|王牌|首选|独一无二|绝无仅有|史无前例|万能|零风险|无副作用|(?:100%|百分之百|百分百)(?:纯|正品|有效|安全|天然|好评|不掉色|不起球|满意)|绝对(?:正品|安全|有效|不掉色|不起球|不会坏|好用|耐用|靠谱|无害|划算|物超所值|是最)/g,
    negatable: true,
    askable: true,
    // "怎么用最划算" is advice to the customer, not a claim about the goods.
    guard: (r, m) =>
      !/(?:怎么|如何|哪个|哪款|哪种|帮您算|算算)[\u4e00-\u9fa5]{0,3}$/.test(
        r.view.slice(Math.max(0, m.index! - 6), m.index!),
      ),
  },

  // ---- insults and sarcasm
  {
    category: "insult",
    code: "insult.insult",
    re:
      /(?<!不)笨蛋|(?:您|你)(?:真|太|好|也太|是不是)?(?:笨|蠢|傻)|白痴|智障|弱智|脑子(?:有病|进水|有问题|坏了)|有病吧|神经病|脑残|眼瞎|瞎了吗|没长眼|不识字|看不懂字|文盲|听不懂(?:人话|中文)|(?:你|您)懂不懂|爱([\u4e00-\u9fa5])不\1|有本事(?:你|您)?(?:就)?(?:去)?|不买拉倒|买不起(?:就别|别)|嫌贵(?:就)?别买|穷就别|活该|事(?:儿)?(?:真|太|怎么这么)多|(?:你|您)事(?:儿)?多|矫情|烦不烦|有完没完|少废话|别废话|闭嘴|滚/g,
    negatable: false,
    askable: false,
    guard: (r, m) => {
      // "不是说您笨" still says it; but "傻眼" and "滚动" are not insults.
      const after = r.view.slice(
        m.index! + m[0].length,
        m.index! + m[0].length + 1,
      );
      if (m[0] === "滚" && /^(?:动|烫|筒)/.test(after)) return false;
      if (/傻$/.test(m[0]) && /^眼/.test(after)) return false;
      return true;
    },
  },
  {
    category: "insult",
    code: "insult.sarcasm",
    // "我知道您已经说了好几遍" owns the customer's trouble; it mocks no one.
    guard: (r, m) =>
      !(/说/.test(m[0]) &&
        /(?:您|你|顾客)[^,。!?]{0,4}$/.test(
          r.view.slice(r.clauseAt(m.index!).start, m.index!),
        )),
    re:
      /呵呵|(?<!舒)服了(?:您|你)?|我(?:也|真|都)?(?:很|是)?无语|说了(?:多少|好几|几|[\d一二两三四五六七八九十]+)遍|都(?:跟您|跟你)?说(?:过)?了(?:多少|好几)?遍|我都说了|随便(?:您|你)吧|爱咋咋|(?:您|你)开心就好|(?:您|你)(?:可)?真(?:会挑|行啊|厉害啊|能折腾)|第一次网购吗|(?:连)?这(?:个|都|么简单的?)(?:事)?都不(?:知道|懂|会)|还用问吗|自己不会看(?:吗|啊)?|你行你上|(?:您|你)(?:自己)?(?:去)?(?:看|查)(?:一下)?详情页(?:吧|啊|去)(?!\S*(?:我|帮您))/g,
    negatable: false,
    askable: false,
  },
];

/**
 * Every red-line hit in a reply, in order of position; overlapping hits of
 * one category are kept once. `extra` adds a rubric's own red-line patterns
 * (negatable and askable, like the built-in ones).
 */
export function findRedLines(
  reading: Reading,
  extra: readonly { category: RedLine; re: RegExp }[] = [],
): RedLineHit[] {
  const hits: RedLineHit[] = [];
  const keep = (h: RedLineHit) => {
    if (
      hits.some((o) =>
        o.category === h.category && h.start < o.end && o.start < h.end
      )
    ) return;
    hits.push(h);
  };
  const rules: Rule[] = [
    ...RULES,
    ...extra.map((e): Rule => ({
      category: e.category,
      code: "custom",
      re: e.re,
      negatable: true,
      askable: true,
    })),
  ];
  for (const rule of rules) {
    for (const m of reading.view.matchAll(rule.re)) {
      if (!m[0]) continue;
      const at = m.index!;
      if (rule.negatable && reading.negated(at)) continue;
      if (rule.askable && reading.quoted(at)) continue;
      if (
        rule.askable && reading.askedBack(at) &&
        !rule.rhetorical?.test(reading.slice(reading.sentenceAt(at)))
      ) continue;
      if (rule.guard && !rule.guard(reading, m)) continue;
      keep({
        category: rule.category,
        code: rule.code,
        start: at,
        end: at + m[0].length,
      });
    }
  }
  for (const h of askedFor(reading)) keep(h);
  // Shown identifiers: a full phone, ID or card number, an address, an e-mail.
  for (const id of exposedIdentifiers(reading.text)) {
    if (reading.quoted(id.start)) continue;
    // The shop's own return or warehouse address is meant to be given out.
    if (
      id.kind === "address" &&
      BUSINESS_ADDRESS.test(
        reading.view.slice(Math.max(0, id.start - 12), id.start),
      )
    ) continue;
    keep({
      category: "privacy",
      code: "privacy.shows_identifier",
      start: id.start,
      end: id.end,
    });
  }
  return hits.sort((a, b) => a.start - b.start);
}
