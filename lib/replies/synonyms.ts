/**
 * Words a customer or an agent uses for the same thing, kept in one place:
 * the reply search treats every word of a group as the group's first word,
 * so "退钱" finds replies that say "退款" and "物流" finds "快递". Add a
 * group (or a word to one) when the trainer page shows a search that found
 * nothing for a word the library does cover.
 *
 * @module
 */

/** Groups of interchangeable search words; the first word of each names the group. */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["退款", "退钱", "返款", "退费", "钱退", "退回来"],
  ["快递", "物流", "包裹", "快件", "运单"],
  ["到账", "入账", "收到钱", "到帐"],
  ["多久", "多长时间", "什么时候", "几天", "多少天", "何时", "啥时候"],
  ["优惠券", "券", "红包", "满减", "折扣"],
  ["取消", "不要了", "撤销", "撤单"],
  ["发货", "发出", "出库", "寄出"],
  ["地址", "收货地址", "住址"],
  ["登录", "登陆", "登入", "上不去"],
  ["投诉", "差评", "举报"],
  ["补偿", "赔偿", "赔钱", "赔付"],
  ["丢件", "丢了", "丢失", "弄丢", "找不到包裹"],
  ["破损", "坏了", "碎了", "摔坏", "压坏", "烂了"],
  ["换货", "换码", "换一个", "调换"],
  ["退货", "退回去", "寄回", "退掉"],
  ["价保", "保价", "降价", "差价"],
  ["客服", "人工", "转人工"],
  ["付款", "支付", "付钱", "买单"],
  ["扣款", "扣钱", "扣费", "多扣"],
  ["账户", "账号", "帐号", "帐户"],
  ["密码", "验证码"],
  ["催", "催促", "加急", "快点"],
  ["尺码", "码数", "大小", "尺寸"],
  ["质量", "瑕疵", "毛病", "故障"],
  ["发票", "开票"],
  ["签收", "已签收", "显示签收"],
  ["审核", "审批", "通过"],
  ["问候", "开场", "在吗", "你好", "您好"],
  ["结束语", "再见", "结束"],
  ["便宜", "优惠", "划算", "打折"],
  ["辱骂", "骂人", "骂"],
];

const CANONICAL = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  for (const word of group) CANONICAL.set(word, group[0]);
}

/** The group name of `word`, or the word itself when it is in no group. */
export function canonical(word: string): string {
  return CANONICAL.get(word) ?? word;
}

/** Every synonym word, for finding them inside longer words. */
export const SYNONYM_WORDS: readonly string[] = [...CANONICAL.keys()]
  .sort((a, b) => b.length - a.length);
