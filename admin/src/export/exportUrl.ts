import { API_URL } from '../dataProvider';
import { statementFilterParams } from '../statements/statementFilters';

/** The server's export formats (GET /api/statements/export?format=…). */
export const EXPORT_FORMATS = [
  { format: 'csv', label: 'CSV', hint: 'spreadsheets, R, pandas' },
  { format: 'json', label: 'JSON', hint: 'scripts' },
  { format: 'ndjson', label: 'NDJSON', hint: 'one entry per line, for large sets' },
  { format: 'markdown', label: 'Markdown', hint: 'notes and papers' },
  { format: 'timelinejs', label: 'TimelineJS', hint: 'publish an interactive timeline' },
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['format'];

export interface ExportSort {
  field: string;
  order: 'ASC' | 'DESC';
}

/**
 * The export of exactly what is on screen: the same filter keys the list sends, and its sort.
 * The server streams the whole result, not just the loaded page.
 */
export function statementExportUrl(format: ExportFormat, filter: Record<string, unknown>, sort: ExportSort): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of statementFilterParams(filter)) params.append(key, value);
  params.set('_sort', sort.field);
  params.set('_order', sort.order);
  return `${API_URL}/statements/export?${params}`;
}
