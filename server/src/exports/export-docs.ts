import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery } from '@nestjs/swagger';
import { ApiFilters } from '../records/list-query/list-query.decorators';
import { STATEMENT_FILTERS, STATEMENT_LIST_SPEC } from '../statements/statement-query';
import { EXPORT_COLUMN_NAMES, EXPORT_COLUMNS, ExportColumn } from './export-columns';
import { ExportFormat, EXPORT_FORMATS } from './export-formats';
import { RecordExport, RecordExportFormat } from './record-exports';

/** The query parameters every export reads besides `format`: the list's filters and sort, columns, BOM and ticket. */
export const ApiExportQuery = () =>
  applyDecorators(
    ApiQuery({
      name: 'ticket',
      required: false,
      description: 'One-use credential from POST /api/auth/export-ticket, for a plain browser download',
    }),
    ApiQuery({
      name: 'columns',
      required: false,
      description: `csv, json, ndjson: comma-separated subset and order of ${EXPORT_COLUMN_NAMES.join(', ')}`,
    }),
    ApiQuery({ name: 'bom', required: false, description: 'csv: 1 to start with a UTF-8 byte-order mark (Excel)', enum: ['0', '1'] }),
    ApiQuery({ name: '_sort', required: false, enum: [...STATEMENT_LIST_SPEC.sortFields] }),
    ApiQuery({ name: '_order', required: false, enum: ['ASC', 'DESC'] }),
    ApiFilters(STATEMENT_FILTERS),
  );

/** Each kind of export column as the JSON export writes it (always nullable). */
const COLUMN_SCHEMAS: Record<ExportColumn['kind'], object> = {
  number: { type: 'number', nullable: true },
  text: { type: 'string', nullable: true },
  boolean: { type: 'boolean', nullable: true },
  json: { type: 'array', items: { type: 'object', additionalProperties: true }, nullable: true },
};

/** A row of the JSON export: the columns asked for (all by default), each of its kind, or null. */
const EXPORT_ROW = {
  type: 'object',
  properties: Object.fromEntries(Object.entries(EXPORT_COLUMNS).map(([name, column]) => [name, COLUMN_SCHEMAS[column.kind]])),
  additionalProperties: false,
};

/** What TimelineJS 3 loads: a title slide and the events. */
const TIMELINEJS_DOCUMENT = {
  type: 'object',
  required: ['title', 'events'],
  properties: {
    title: { type: 'object', additionalProperties: true },
    events: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
  additionalProperties: false,
};

const text = { type: 'string' };
const BODY: Record<ExportFormat, object> = {
  csv: text,
  json: { type: 'array', items: EXPORT_ROW },
  ndjson: text,
  markdown: text,
  timelinejs: TIMELINEJS_DOCUMENT,
};

const mediaType = (format: ExportFormat) => EXPORT_FORMATS[format].contentType.split(';')[0];

/** The file an export answers with, in each of `formats`; JSON and TimelineJS share application/json. */
export function ApiExportResponse(formats: readonly ExportFormat[], description: string) {
  const content: Record<string, { schema: object }> = {};
  for (const format of formats) {
    const type = mediaType(format);
    const existing = content[type]?.schema;
    content[type] = { schema: existing ? { oneOf: [existing, BODY[format]] } : BODY[format] };
  }
  return applyDecorators(
    ApiProduces(...Object.keys(content)),
    ApiOkResponse({
      description,
      content,
      headers: {
        'Content-Disposition': {
          description:
            'attachment; filename="statements-<the filter\'s words>-<dates>-<date>.<extension>" (statements-<date>.<extension> unfiltered), ' +
            "and filename*=UTF-8''… (RFC 6266) when the words have letters beyond ASCII",
          schema: { type: 'string' },
        },
      },
    }),
  );
}

/** The query parameters of an actor or source export: its list's filters and sort, columns, BOM and ticket. */
export const ApiRecordExportQuery = (exported: RecordExport) =>
  applyDecorators(
    ApiQuery({
      name: 'ticket',
      required: false,
      description: 'One-use credential from POST /api/auth/export-ticket, for a plain browser download',
    }),
    ApiQuery({
      name: 'columns',
      required: false,
      description: `Comma-separated subset and order of ${Object.keys(exported.columns).join(', ')}`,
    }),
    ApiQuery({ name: 'bom', required: false, description: 'csv: 1 to start with a UTF-8 byte-order mark (Excel)', enum: ['0', '1'] }),
    ApiQuery({ name: '_sort', required: false, enum: [...exported.spec.sortFields] }),
    ApiQuery({ name: '_order', required: false, enum: ['ASC', 'DESC'] }),
    ApiFilters(exported.spec.filters),
  );

/** The file an actor or source export answers with: CSV, a JSON array of rows, or NDJSON. */
export function ApiRecordExportResponse(exported: RecordExport, format: RecordExportFormat) {
  const row = {
    type: 'object',
    properties: Object.fromEntries(Object.entries(exported.columns).map(([name, column]) => [name, COLUMN_SCHEMAS[column.kind]])),
    additionalProperties: false,
  };
  const type = mediaType(format);
  return applyDecorators(
    ApiProduces(type),
    ApiOkResponse({
      description: `The ${exported.resource} the list shows (same filters and sort), every one, as an attachment, streamed.`,
      content: { [type]: { schema: format === 'json' ? { type: 'array', items: row } : text } },
      headers: {
        'Content-Disposition': {
          description: `attachment; filename="${exported.resource}-<the filter's words>-<date>.${format}" (${exported.resource}-<date>.${format} unfiltered)`,
          schema: { type: 'string' },
        },
      },
    }),
  );
}
