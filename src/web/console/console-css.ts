// The console's style sheet, on top of the portal's (same typography, focus and form styles; WCAG 2.1
// AA contrast): a dark-blue header to tell the staff console from the public site, the navigation
// bar and the user box. Served at a content-hashed path with a year-long cache.
import { fingerprint } from '../portal/portal-css.ts';
import { CASE_WORK_CSS } from './cases/case-work-css.ts';
import { REPORTS_CSS } from './reports/reports-css.ts';

export const CONSOLE_CSS = `${CASE_WORK_CSS}
header.console{background:#123a63;color:#fff;padding:.75rem 1rem;display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem}
header.console a{color:#fff}
header.console .title{font-size:1.2rem;font-weight:700;text-decoration:none}
header.console .who{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin:0}
header.console form{margin:0}
header.console button{background:#fff;color:#123a63;padding:.35rem 1rem;border:2px solid #fff}
header.console button:hover{background:#dfe9f5}
nav.console ul{list-style:none;margin:0;padding:0 1rem;display:flex;flex-wrap:wrap;gap:0 .25rem;background:#e6edf5;border-bottom:1px solid #9fb3c8}
nav.console a{display:block;padding:.6rem .9rem;text-decoration:none;color:#0b2f52}
nav.console a[aria-current=page]{font-weight:700;border-bottom:4px solid #123a63}
main.console{max-width:72rem}
table.grants td,table.grants th{vertical-align:top}
input[type=password],input[type=number]{display:block;width:100%;max-width:24rem;font:inherit;padding:.5rem;border:2px solid #555;border-radius:3px;background:#fff;color:#1a1a1a}
form.signin input{max-width:24rem}
.secret{font-family:ui-monospace,monospace;font-size:1.1rem;word-break:break-all;background:#f3f3f3;padding:.5rem}
.danger{background:#a4000f}
.danger:hover{background:#7a000b}
dl.stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:1rem;margin:0 0 1rem}
dl.stats>div{border:1px solid #9fb3c8;border-radius:4px;padding:.75rem 1rem}
dl.stats dt{font-weight:700}
dl.stats dd{margin:0;font-size:2rem;font-weight:700;color:#123a63}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1rem}
dl.facts>div{display:contents}
dl.facts dt{font-weight:700}
dl.facts dd{margin:0}
svg.chart{display:block;width:100%;max-width:44rem;height:auto;margin:1rem 0}
table.data{margin:1rem 0;max-width:100%}
table.data caption{text-align:left;font-weight:700;padding:.25rem 0}
form.inline{display:inline;margin:0}
button.small{padding:.2rem .6rem;font-size:.875rem}
ul.plain{list-style:none;margin:0;padding:0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
.note{color:#444}
${REPORTS_CSS}`;

export const CONSOLE_CSS_PATH = `/console/assets/console-${fingerprint(CONSOLE_CSS)}.css`;
