// The case pages' styles, put first in the console's sheet (console-css.ts). Overdue is never colour
// alone: the pages say 已逾期 with a ⚠ sign; the red tint and bar only add to the words.
export const CASE_WORK_CSS = `
.filters{display:flex;flex-wrap:wrap;gap:0 1.25rem;align-items:flex-end;margin-bottom:1rem}
.filters .field{margin-bottom:.75rem}
.filters select,.filters input[type=text]{min-width:10rem}
table.queue,table.timeline{width:100%}
table.queue caption,table.timeline caption{text-align:left;font-weight:700;padding:.5rem 0}
tr.overdue th,tr.overdue td{background:#fdecee}
tr.overdue th{border-left:6px solid #a4000f}
.overdue,.urgency.overdue strong{color:#a4000f}
.urgency.due-soon strong{color:#7a4100}
nav.pages ul{list-style:none;display:flex;gap:1.5rem;padding:0}
section.event-form{border:1px solid #bbb;border-radius:4px;padding:.25rem 1rem 1rem;margin-bottom:1rem}
section.event-form h3{margin:.75rem 0}
input[type=date],input[type=time]{display:block;font:inherit;padding:.5rem;border:2px solid #555;border-radius:3px;background:#fff;color:#1a1a1a}
article.letter{border:1px solid #bbb;padding:2rem 2.5rem;max-width:44rem;font-family:"FangSong","STFangsong","Noto Serif CJK SC",serif}
article.letter .letter-title,article.letter .doc-number{text-align:center}
article.letter .body{text-indent:2em}
article.letter .signature{text-align:right}
`;
