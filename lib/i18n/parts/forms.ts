/**
 * Messages of forms that had none of their own: the mentor's confirmation,
 * the language switch and dismissing a conflict copy. zh-CN is the
 * reference; `en` is typed against it so no key is missing.
 */
export const zh = {
  "forms.mentor.note_too_long": "备注太长了（最多 500 个字）。",
  "forms.mentor.item_invalid": "没有找到这条待确认的事项，请刷新页面后重试。",
  "forms.lang.to_invalid": "不支持这种语言。",
  "forms.lang.next_invalid": "只能返回本站的页面。",
  "forms.copies.path_invalid": "这份副本的文件路径不正确，请刷新页面后重试。",
  "forms.copies.id_invalid": "这份副本的编号不正确，请刷新页面后重试。",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "forms.mentor.note_too_long":
    "The note is too long (500 characters at most).",
  "forms.mentor.item_invalid":
    "This item waiting for confirmation was not found; reload the page and try again.",
  "forms.lang.to_invalid": "This language is not offered.",
  "forms.lang.next_invalid":
    "The switch can only return to a page of this site.",
  "forms.copies.path_invalid":
    "The copy's file path is not valid; reload the page and try again.",
  "forms.copies.id_invalid":
    "The copy's id is not valid; reload the page and try again.",
};
