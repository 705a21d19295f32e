/** The export formats: how each is named, typed and whether it takes a column list. */
export const EXPORT_FORMATS = {
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8; header=present', flat: true },
  json: { extension: 'json', contentType: 'application/json; charset=utf-8', flat: true },
  ndjson: { extension: 'ndjson', contentType: 'application/x-ndjson; charset=utf-8', flat: true },
  markdown: { extension: 'md', contentType: 'text/markdown; charset=utf-8', flat: false },
  timelinejs: { extension: 'timeline.json', contentType: 'application/json; charset=utf-8', flat: false },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];
