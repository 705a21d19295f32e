import { ACTOR_FIELDS } from '../actors/actor.fields';
import { ACTOR_LIST_SPEC, ACTOR_TABLE } from '../actors/actors.table';
import { snakeCase } from '../database/snake-naming.strategy';
import { Fields } from '../records/fields/field';
import { fieldColumns } from '../records/fields/field-rules';
import { CollectionTable } from '../records/list-query/collection-reader';
import { FilterDefinitions, ListSpec, ParsedFilters } from '../records/list-query/filter-definitions';
import { SOURCE_FIELDS } from '../sources/source.fields';
import { SOURCE_LIST_SPEC, SOURCE_TABLE } from '../sources/sources.table';
import type { ExportColumn } from './export-columns';
import type { FileWord } from './export-file-name';

/*
 * The exports of the collections other than statements — actors and sources — as flat files
 * (CSV, JSON, NDJSON): their list's filters and sort, and columns read from their field
 * declarations, as the statement export's are.
 */

/** The flat formats a collection's export takes. */
export const RECORD_EXPORT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type RecordExportFormat = (typeof RECORD_EXPORT_FORMATS)[number];

export interface RecordExport {
  resource: 'actors' | 'sources';
  spec: ListSpec<FilterDefinitions, string>;
  table: CollectionTable<FilterDefinitions, string>;
  /** The columns, in their default order, each with the SQL that reads it. */
  columns: Record<string, ExportColumn>;
}

const utcTimestamp = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * `id`, each field (snake_case, as R and pandas users expect), then when the record was created
 * and last changed; never who did (curators' names), nor a field for the team only. A list of
 * texts (aliases, authors) is `; `-joined, as the statement export's lists are; an enum is its
 * text, a day YYYY-MM-DD.
 */
export function recordExportColumns(fields: Fields, alias: string): Record<string, ExportColumn> {
  const read = fieldColumns(fields, alias);
  const columns: Record<string, ExportColumn> = { id: { sql: `${alias}.id`, kind: 'number' } };
  for (const [name, field] of Object.entries(fields)) {
    if (field.internal || field.storage.kind !== 'column') continue;
    const { type, array } = field.storage.column;
    const sql = read[name];
    columns[snakeCase(name)] = array
      ? { sql: `array_to_string(${sql}, '; ')`, kind: 'text' }
      : type === 'integer'
        ? { sql, kind: 'number' }
        : type === 'boolean'
          ? { sql, kind: 'boolean' }
          : type === 'date'
            ? { sql: `to_char(${sql}, 'YYYY-MM-DD')`, kind: 'text' }
            : { sql: type === 'enum' ? `${sql}::text` : sql, kind: 'text' };
  }
  columns.created_at = { sql: utcTimestamp(`${alias}.created_at`), kind: 'text' };
  columns.updated_at = { sql: utcTimestamp(`${alias}.updated_at`), kind: 'text' };
  return columns;
}

export const RECORD_EXPORTS = {
  actors: {
    resource: 'actors',
    spec: ACTOR_LIST_SPEC,
    table: ACTOR_TABLE as unknown as CollectionTable<FilterDefinitions, string>,
    columns: recordExportColumns(ACTOR_FIELDS, ACTOR_TABLE.alias),
  },
  sources: {
    resource: 'sources',
    spec: SOURCE_LIST_SPEC,
    table: SOURCE_TABLE as unknown as CollectionTable<FilterDefinitions, string>,
    columns: recordExportColumns(SOURCE_FIELDS, SOURCE_TABLE.alias),
  },
} satisfies Record<string, RecordExport>;

/** A collection's filter in words for its file name: search words, chosen values, "selected" ids. */
export function recordFileWords(filters: ParsedFilters<FilterDefinitions>): FileWord[] {
  return Object.entries(filters).flatMap(([key, value]): FileWord[] => {
    if (value === undefined) return [];
    if (key === 'id') return [{ text: 'selected' }];
    if (key === 'q') return [{ text: String(value), fallback: 'search' }];
    return (Array.isArray(value) ? value : [value]).map((v) => ({ text: String(v) }));
  });
}
