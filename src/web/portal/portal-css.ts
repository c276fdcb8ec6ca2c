// The portal's one style sheet, served at a content-hashed path with a year-long cache. Kept as a
// string so the web layer needs no file system access. Colours meet WCAG 2.1 AA contrast (text
// #1a1a1a on #fff 17:1, links #0b4f9c 8.4:1, errors #a4000f 8.2:1); focus is a 3px outline.

export const PORTAL_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;font-size:100%;line-height:1.6;color:#1a1a1a;background:#fff;-webkit-text-size-adjust:100%}
body{margin:0}
a{color:#0b4f9c}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid #c25400;outline-offset:2px}
.skip{position:absolute;left:-10000px;top:0}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem 1rem;z-index:10}
header.site{background:#8b0000;color:#fff;padding:1rem}
header.site a{color:#fff}
header.site .title{font-size:1.25rem;font-weight:700;text-decoration:none}
nav.crumbs ol{list-style:none;margin:0;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem;background:#f3f3f3}
nav.crumbs li+li::before{content:"›";margin-right:.5rem;color:#555}
main{max-width:60rem;margin:0 auto;padding:1rem}
footer.site{border-top:1px solid #ccc;padding:1rem;color:#444;font-size:.875rem;text-align:center}
h1{font-size:1.6rem;line-height:1.3}
h2{font-size:1.25rem;margin-top:1.5rem}
.columns{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem}
.columns>li{border:1px solid #bbb;border-radius:4px;padding:1rem}
.columns h2{margin-top:0}
.empty{color:#444}
form .field{margin:0 0 1.25rem}
label,legend{display:block;font-weight:700;margin-bottom:.25rem}
.hint{display:block;color:#444;font-size:.875rem;margin-bottom:.25rem}
input[type=text],input[type=email],input[type=tel],select,textarea{display:block;width:100%;max-width:36rem;font:inherit;padding:.5rem;border:2px solid #555;border-radius:3px;background:#fff;color:#1a1a1a}
textarea{min-height:10rem}
fieldset{border:1px solid #bbb;padding:1rem;margin:0 0 1.25rem}
.choice{display:flex;align-items:center;gap:.5rem;font-weight:400}
.choice input{width:1.25rem;height:1.25rem}
.error{color:#a4000f;font-weight:700;display:block;margin-bottom:.25rem}
[aria-invalid=true]{border-color:#a4000f}
.summary{border:3px solid #a4000f;padding:1rem;margin-bottom:1.5rem}
.summary h2{margin-top:0;color:#a4000f}
.notice{border-left:6px solid #0b4f9c;background:#eef4fb;padding:1rem;margin-bottom:1.5rem}
button{font:inherit;padding:.6rem 1.5rem;border:0;border-radius:3px;background:#0b4f9c;color:#fff;cursor:pointer}
button:hover{background:#083a73}
dl.codes{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1rem}
dl.codes dt{font-weight:700}
dl.codes dd{margin:0;font-family:ui-monospace,monospace;font-size:1.25rem}
table{border-collapse:collapse}
th,td{border:1px solid #bbb;padding:.4rem .75rem;text-align:left}
.report-years{padding-left:1.25rem}
.report-years li{margin:.35rem 0}
.tag{display:inline-block;font-size:.875rem;border:1px solid #555;border-radius:3px;padding:0 .4rem;color:#1a1a1a}
.tag-draft{border-color:#8a4b00;color:#6b3a00;background:#fff6e5}
.notice-draft{border-left-color:#8a4b00;background:#fff6e5}
.downloads{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;padding-left:1.25rem}
.report{font-family:"Noto Serif CJK SC","Source Han Serif SC","Songti SC","SimSun",serif;line-height:1.8;border-top:1px solid #ccc;margin-top:1.5rem;padding-top:1rem}
.report h2{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;font-weight:400}
.report p{margin:0;text-indent:2em}
.report .table-wrap{overflow-x:auto;margin:.6rem 0 1rem}
.report table{width:100%;min-width:36rem;font-size:.875rem;line-height:1.4}
.report th,.report td{border:1px solid #1a1a1a;padding:.2rem .35rem;text-align:center;vertical-align:middle;font-weight:400}
.report tbody th{text-align:left}
.report td.num{font-variant-numeric:tabular-nums}
.report td.note{font-size:.8rem;text-align:left}
.report .signature{margin-top:2rem;text-align:right}
.report .signature p{text-indent:0}
h1.report-title{text-align:center}
@media (max-width:40rem){main{padding:.75rem}h1{font-size:1.35rem}}
`;

/** FNV-1a (32 bits) of the sheet: a new path whenever the CSS changes, so the long cache is safe. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export const PORTAL_CSS_PATH = `/assets/portal-${fingerprint(PORTAL_CSS)}.css`;
