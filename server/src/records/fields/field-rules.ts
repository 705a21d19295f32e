import { snakeCase } from '../../database/snake-naming.strategy';
import { auditColumns } from '../list-query/collection-reader';
import { Fields } from './field';

/** A link list: the table it is kept in and the columns that name the record and the linked one. */
export interface LinkList {
  field: string;
  table: string;
  recordColumn: string;
  linkedColumn: string;
}

/** What the write path needs to know of a record's fields. */
export interface FieldRules {
  /** Fields a client writes that are columns of the record's table, in declaration order. */
  columns: readonly string[];
  /** Fields a client writes that are link lists. */
  links: readonly LinkList[];
  /** Fields that never hold null: required ones, and those with a non-null default. */
  notNull: readonly string[];
  /** What each optional column holds when a record is created without it. */
  empty: Readonly<Record<string, unknown>>;
}

export function fieldRules(fields: Fields): FieldRules {
  const entries = Object.entries(fields);
  const writable = entries.filter(([, field]) => !field.derived);
  return {
    columns: writable.filter(([, field]) => field.storage.kind !== 'links').map(([name]) => name),
    links: writable.flatMap(([name, { storage }]) =>
      storage.kind === 'links'
        ? [{ field: name, table: storage.table, recordColumn: storage.recordColumn, linkedColumn: storage.linkedColumn }]
        : [],
    ),
    notNull: writable.filter(([, field]) => field.required || (field.empty !== undefined && field.empty !== null)).map(([name]) => name),
    empty: Object.fromEntries(
      writable
        .filter(([, field]) => field.storage.kind !== 'links' && field.empty !== undefined)
        .map(([name, field]) => [name, field.empty]),
    ),
  };
}

/** The SQL expression that reads each field of the record `alias`, as the API returns it. */
export function fieldColumns(fields: Fields, alias: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, { storage }]) => [
      name,
      storage.kind === 'links'
        ? `ARRAY(SELECT l.${storage.linkedColumn} FROM ${storage.table} l WHERE l.${storage.recordColumn} = ${alias}.id ORDER BY l.position)`
        : `${alias}.${snakeCase(name)}`,
    ]),
  );
}

/** Every column of a record as the API returns it: id, the fields in declaration order, version and provenance. */
export function recordColumns(fields: Fields, alias: string): Record<string, string> {
  return { id: `${alias}.id`, ...fieldColumns(fields, alias), ...auditColumns(alias) };
}
