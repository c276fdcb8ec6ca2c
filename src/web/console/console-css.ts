// The console's style sheet, on top of the portal's (same typography, focus and form styles; WCAG 2.1
// AA contrast): a dark-blue header to tell the staff console from the public site, the navigation
// bar and the user box. Served at a content-hashed path with a year-long cache.
import { fingerprint } from '../portal/portal-css.ts';
import { REPORTS_CSS } from './reports/reports-css.ts';

export const CONSOLE_CSS = `
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
.secret{font-family:ui-monospace,monospace;font-size:1.1rem;word-break:break-all;background:#f3f3f3;padding:.5rem}
.danger{background:#a4000f}
.danger:hover{background:#7a000b}
${REPORTS_CSS}`;

export const CONSOLE_CSS_PATH = `/console/assets/console-${fingerprint(CONSOLE_CSS)}.css`;
