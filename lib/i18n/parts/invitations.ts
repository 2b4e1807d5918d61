/**
 * Messages of the invitation pages (invite, import, links) that came after
 * the core catalog. zh-CN is the reference; `en` is typed against it so no
 * key is missing.
 */
export const zh = {
  "invitations.csv.bad_quote":
    "引号用得不对：引号里的内容结束后不能紧跟其他字符",
  "invitations.csv.unreadable":
    "这一行无法读取，请用 Excel 或 WPS 另存为 CSV（UTF-8）后再试",
};

export const en: Record<keyof typeof zh, string> = {
  "invitations.csv.bad_quote":
    "A quote is misplaced: nothing may follow the closing quote of a field",
  "invitations.csv.unreadable":
    "This row cannot be read; save the file as CSV (UTF-8) from Excel or WPS and try again",
};
