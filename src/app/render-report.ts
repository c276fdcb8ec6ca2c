// Use case: turn any readable report (txt, md, html, docx, pdf, xlsx, report-read@1 JSON) into any
// output format (`report render`): read it, rebuild the document from what was read, render.
import type { RenderFormat } from '#core/reports/render/render-formats.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { analysisToDocument } from './analysis-to-document.ts';
import type { AppDeps } from './ports.ts';
import { withSource } from './read-reports.ts';

/** Renders the report at `source` in `format`; a file that cannot be read is UNREADABLE_INPUT (exit 2). */
export async function renderReport(
  deps: Pick<AppDeps, 'reports'>,
  input: { readonly source: string; readonly format: RenderFormat },
): Promise<string | Uint8Array> {
  const reader = await deps.reports.openReader({ files: 1, explain: false });
  let analysis: Awaited<ReturnType<typeof reader.read>>;
  try {
    analysis = withSource(await reader.read(input.source), input.source);
  } finally {
    await reader.close();
  }
  if (analysis.facts === null) {
    throw new DomainError('UNREADABLE_INPUT', analysis.reading.findings[0]?.message ?? '无法读取文件');
  }
  return deps.reports.render(analysisToDocument(analysis), input.format, analysis.reading);
}
