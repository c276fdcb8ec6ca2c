// The output formats of `report render` / `report new`: text layouts rendered by core, DOCX and XLSX
// by the documents adapter (the official table layouts).

export const RENDER_FORMATS = ['docx', 'html', 'md', 'json', 'xlsx', 'pipe', 'tab', 'cells'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** Formats rendered as text (may go to standard output); the others are binary files. */
export const TEXT_RENDER_FORMATS: ReadonlySet<RenderFormat> = new Set<RenderFormat>(['html', 'md', 'json', 'pipe', 'tab', 'cells']);

/** Whether `text` names a render format. */
export function isRenderFormat(text: string): text is RenderFormat {
  return (RENDER_FORMATS as readonly string[]).includes(text);
}
