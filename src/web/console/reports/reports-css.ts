// Styles of the console's 年度报告 pages (parts navigation, findings beside cells, entry tables), appended to the console sheet.
export const REPORTS_CSS = `
nav.report-parts ul{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav.report-parts a[aria-current=page]{font-weight:700}
.state{padding:0 .35rem;border:1px solid #555;border-radius:3px}
.findings{list-style:none;margin:.25rem 0 0;padding:0;font-size:.85rem;text-align:left}
.finding{border-left:4px solid #555;padding-left:.4rem;margin:.15rem 0}
.finding-error{border-left-color:#a4000f}
.finding-warning{border-left-color:#8a4b00}
table.entry input{max-width:8rem;display:inline-block;padding:.25rem}
table.entry td{vertical-align:top}
table.compiled td.source{font-size:.85rem;text-align:left}
.action-list{list-style:none;padding:0}
.action-list li{margin:.5rem 0}
`;
