import { badRequest, FieldErrors } from '../kernel/errors/api-errors';
import { FilterDefinitions, ListQuery, ParsedFilters } from '../records/list-query/filter-definitions';
import { parseSortedFilters, RawQuery } from '../records/list-query/parse-list-query';
import { requestSeesPublishedOnly } from '../records/collection/record-author';
import { STATEMENT_FILTERS, STATEMENT_LIST_SPEC, StatementFilters, StatementSort, statementReadFor } from '../statements/statement-query';
import { EXPORT_COLUMN_NAMES, ExportColumnName } from './export-columns';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, ExportFormat } from './export-formats';
import type { RecordExport, RecordExportFormat } from './record-exports';

export interface ExportRequest {
  format: ExportFormat;
  filters: StatementFilters;
  sort: ListQuery<typeof STATEMENT_FILTERS, StatementSort>['sort'];
  /** Flat formats only: which columns, in which order. */
  columns: ExportColumnName[];
  /** CSV only: start with a UTF-8 byte-order mark, for Excel. */
  bom: boolean;
  /** The reader sees published statements only (PUBLIC_READ=verified): a report names no draft it leaves out. */
  publishedOnly?: boolean;
}

/** A present query value as strings; null when it is not plain text (e.g. bracketed keys). */
function textValues(value: unknown): string[] | null {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.every((v) => typeof v === 'string') ? values : null;
}

function parseFormat(raw: unknown, errors: FieldErrors): ExportFormat | undefined {
  const values = raw === undefined ? null : textValues(raw);
  if (values?.length === 1 && (EXPORT_FORMAT_NAMES as string[]).includes(values[0])) return values[0] as ExportFormat;
  errors.format = `must be one of: ${EXPORT_FORMAT_NAMES.join(', ')}`;
  return undefined;
}

function parseColumns(raw: unknown, errors: FieldErrors, known: readonly string[] = EXPORT_COLUMN_NAMES): ExportColumnName[] {
  if (raw === undefined) return [...known];
  const allowed = `allowed: ${known.join(', ')}`;
  const names = (textValues(raw) ?? ['']).flatMap((v) => v.split(',')).map((v) => v.trim());
  const unknown = names.filter((n) => n !== '' && !known.includes(n));
  if (names.includes('')) errors.columns = `must list column names separated by commas; ${allowed}`;
  else if (unknown.length) errors.columns = `has unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; ${allowed}`;
  else if (new Set(names).size !== names.length) errors.columns = 'must not name a column twice';
  return names;
}

function parseBom(raw: unknown, format: string | undefined, errors: FieldErrors): boolean {
  if (raw === undefined) return false;
  const values = textValues(raw);
  if (values?.length !== 1 || !['0', '1'].includes(values[0])) errors.bom = 'must be 1 or 0';
  else if (format && format !== 'csv') errors.bom = 'applies to csv only';
  return values?.[0] === '1';
}

/**
 * Reads an export request: the list's filters and sort (the same parser as the list, so
 * an export holds the list's rows in the list's order), plus `format`, `columns` and `bom`.
 * (`ticket` is the guard's: a one-use credential for a browser download.)
 * `fixedFormat` is set for `/api/statements.csv` and friends, where the path names it.
 */
export function parseExportRequest(raw: RawQuery, fixedFormat?: ExportFormat): ExportRequest {
  const { filters, sort } = parseSortedFilters(STATEMENT_LIST_SPEC, raw, [...(fixedFormat ? [] : ['format']), 'columns', 'bom', 'ticket']);
  const errors: FieldErrors = Object.create(null);
  const format = fixedFormat ?? parseFormat(raw.format, errors);
  const columns = parseColumns(raw.columns, errors);
  if (format && raw.columns !== undefined && !EXPORT_FORMATS[format].flat) {
    errors.columns = `applies to csv, json and ndjson only; ${format} has a fixed layout`;
  }
  const bom = parseBom(raw.bom, format, errors);
  if (Object.keys(errors).length || !format) throw badRequest(errors);
  return { format, filters, sort, columns, bom };
}

/**
 * An export as the request may read it: its filters narrowed to published statements for an
 * anonymous reader of PUBLIC_READ=verified (statementReadFor), and the reports told so.
 */
export const exportReadFor = (request: object, read: ExportRequest): ExportRequest => ({
  ...statementReadFor(request, read),
  publishedOnly: requestSeesPublishedOnly(request),
});

/** An export of actors or sources (record-exports.ts): the list's filters and sort, columns and BOM. */
export interface RecordExportRequest {
  format: RecordExportFormat;
  filters: ParsedFilters<FilterDefinitions>;
  sort: ListQuery['sort'];
  columns: string[];
  bom: boolean;
}

/** Reads an export of a collection, as parseExportRequest reads one of statements; the path names the format. */
export function parseRecordExportRequest(exported: RecordExport, raw: RawQuery, format: RecordExportFormat): RecordExportRequest {
  const { filters, sort } = parseSortedFilters(exported.spec, raw, ['columns', 'bom', 'ticket']);
  const errors: FieldErrors = Object.create(null);
  const columns = parseColumns(raw.columns, errors, Object.keys(exported.columns));
  const bom = parseBom(raw.bom, format, errors);
  if (Object.keys(errors).length) throw badRequest(errors);
  return { format, filters, sort, columns, bom };
}
