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

// C0 and C1 controls, DEL, line/paragraph separators and the bidi overrides/isolates a name could
// use to move or hide what a terminal shows.
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text from a file (its name, an agency named in it) as a terminal may print it: control characters
 * are shown escaped (`\x1b`, `\u202e`), so an ESC sequence in a file name cannot clear the screen,
 * recolour or rewrite the output, and a line break cannot pass for another line.
 */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
