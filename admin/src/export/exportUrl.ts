import { API_URL } from '../dataProvider';
import { statementFilterParams } from '../statements/statementFilters';

/** The server's export formats (GET /api/statements/export?format=…), as offered in the menu. */
export const EXPORT_CHOICES = [
  { key: 'csv', params: { format: 'csv' }, label: 'CSV', hint: 'R, pandas, spreadsheets' },
  { key: 'csv-excel', params: { format: 'csv', bom: '1' }, label: 'CSV for Excel', hint: 'with a byte-order mark, so Excel reads UTF-8' },
  { key: 'json', params: { format: 'json' }, label: 'JSON', hint: 'scripts' },
  { key: 'ndjson', params: { format: 'ndjson' }, label: 'NDJSON', hint: 'one entry per line, for large sets' },
  { key: 'markdown', params: { format: 'markdown' }, label: 'Markdown', hint: 'notes and papers' },
  { key: 'timelinejs', params: { format: 'timelinejs' }, label: 'TimelineJS', hint: 'publish an interactive timeline' },
] as const;

export type ExportChoice = (typeof EXPORT_CHOICES)[number];

export interface ExportSort {
  field: string;
  order: 'ASC' | 'DESC';
}

/**
 * What is on screen as the API's query: the same filter keys the list sends, and its sort, with
 * no paging. The export sends it, and so does a snapshot (POST /api/snapshots freezes its result).
 */
export function statementQueryParams(filter: Record<string, unknown>, sort: ExportSort): URLSearchParams {
  const params = statementFilterParams(filter);
  params.set('_sort', sort.field);
  params.set('_order', sort.order);
  return params;
}

/**
 * The export of exactly what is on screen (statementQueryParams). The server streams the whole
 * result, not just the loaded page. A browser download sends no Authorization header, so the URL
 * carries a one-use export ticket (POST /api/auth/export-ticket).
 */
export function statementExportUrl(choice: ExportChoice, filter: Record<string, unknown>, sort: ExportSort, ticket?: string): string {
  const params = new URLSearchParams(choice.params);
  for (const [key, value] of statementQueryParams(filter, sort)) params.append(key, value);
  if (ticket) params.set('ticket', ticket);
  return `${API_URL}/statements/export?${params}`;
}

/** The exports of actors and sources (GET /api/actors.csv …): the flat formats only. */
export const RECORD_EXPORT_CHOICES = [
  { key: 'csv', extension: 'csv', params: {}, label: 'CSV', hint: 'R, pandas, spreadsheets' },
  {
    key: 'csv-excel',
    extension: 'csv',
    params: { bom: '1' },
    label: 'CSV for Excel',
    hint: 'with a byte-order mark, so Excel reads UTF-8',
  },
  { key: 'json', extension: 'json', params: {}, label: 'JSON', hint: 'scripts' },
  { key: 'ndjson', extension: 'ndjson', params: {}, label: 'NDJSON', hint: 'one record per line' },
] as const;

export type RecordExportChoice = (typeof RECORD_EXPORT_CHOICES)[number];

/**
 * The export of the actors or sources a list shows: its filters (each value of a list as a
 * repeated key, as the API reads them) and its sort, no paging, and a one-use ticket.
 */
export function recordExportUrl(
  resource: 'actors' | 'sources',
  choice: RecordExportChoice,
  filter: Record<string, unknown>,
  sort: ExportSort,
  ticket?: string,
): string {
  const params = new URLSearchParams(choice.params);
  for (const [key, value] of Object.entries(filter)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one === '' || one === null || one === undefined) continue;
      params.append(key, String(one));
    }
  }
  params.set('_sort', sort.field);
  params.set('_order', sort.order);
  if (ticket) params.set('ticket', ticket);
  return `${API_URL}/${resource}.${choice.extension}?${params}`;
}
