// Small formatting rules every command shares for what a person reads (issue #10).

/** An instant as Beijing time (the legal time of the regulations), `2026-12-06 11:57:04（北京时间）`. */
export function beijingTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) {
    return oneLine(iso);
  }
  const shifted = new Date(instant.getTime() + 8 * 60 * 60 * 1000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}（北京时间）`;
}

/**
 * Recorded text (an author, a reason) on one line: a line break or other control character shows as a
 * visible `⏎`, so no stored text can pass for another entry when a history is printed.
 */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\u0000-\u001f\u007f\u2028\u2029]/gu, '⏎');
}
