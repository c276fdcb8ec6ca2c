// 文号 of reply letters: `{prefix}〔{year}〕第{n}号`, one sequence per agency and year (the number is
// allocated by the store in the reply's transaction; this file only formats and checks).

/** The longest prefix accepted (e.g. 某府信公开, 某政信复). */
export const DOC_NUMBER_PREFIX_MAX = 20;

/** Formats a 文号: `formatDocNumber('某府信', 2025, 12)` → `某府信〔2025〕第12号`. */
export function formatDocNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix.trim()}〔${year}〕第${sequence}号`;
}

/** Why a 文号 prefix setting is not acceptable (Chinese), or undefined when it is. */
export function checkDocNumberPrefix(prefix: string): string | undefined {
  if (prefix.length > DOC_NUMBER_PREFIX_MAX) {
    return `文号前缀不能超过${DOC_NUMBER_PREFIX_MAX}个字符`;
  }
  if (/[〔〕[\]{}\r\n\t]/.test(prefix)) {
    return '文号前缀不能包含括号〔〕、[]、{} 或换行（年份和序号由系统生成）';
  }
  return undefined;
}
