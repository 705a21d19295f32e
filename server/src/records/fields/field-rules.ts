import { snakeCase } from '../../database/snake-naming.strategy';
import { auditColumns } from '../list-query/collection-reader';
import { FieldDeclaration, Fields } from './field';

/** A link list: the table it is kept in and the columns that name the record and the linked one. */
export interface LinkList {
  field: string;
  table: string;
  recordColumn: string;
  linkedColumn: string;
  /** The field that gives the same links with their details (a linkDetails field), if any. */
  details?: LinkDetails;
}

/** The details a link table keeps beside each link: the field that lists them, the id's key in each entry, and property → column. */
export interface LinkDetails {
  field: string;
  idKey: string;
  columns: Readonly<Record<string, string>>;
}

/** Stored in the record's own table: neither a link list nor the details of one. */
const isColumn = (field: FieldDeclaration) => field.storage.kind === 'column' || field.storage.kind === 'reference';

/** What the write path needs to know of a record's fields. */
export interface FieldRules {
  /** Fields a client writes that are columns of the record's table, in declaration order. */
  columns: readonly string[];
  /** Fields a client writes that are link lists (with the field of their details, if any). */
  links: readonly LinkList[];
  /** Every field a client writes, in declaration order: columns, link lists and their details. */
  writable: readonly string[];
  /** Fields that never hold null: required ones, and those with a non-null default. */
  notNull: readonly string[];
  /** What each optional column holds when a record is created without it. */
  empty: Readonly<Record<string, unknown>>;
}

export function fieldRules(fields: Fields): FieldRules {
  const entries = Object.entries(fields);
  const writable = entries.filter(([, field]) => !field.derived);
  const detailsOf = (links: string): LinkDetails | undefined => {
    const found = entries.find(([, { storage }]) => storage.kind === 'linkDetails' && storage.linksField === links);
    if (!found || found[1].storage.kind !== 'linkDetails') return undefined;
    return { field: found[0], idKey: found[1].storage.idKey, columns: found[1].storage.columns };
  };
  for (const [name, { storage }] of entries) {
    if (storage.kind === 'linkDetails' && fields[storage.linksField]?.storage.kind !== 'links') {
      throw new Error(`${name} gives the details of ${storage.linksField}, which is no link list`);
    }
  }
  return {
    columns: writable.filter(([, field]) => isColumn(field)).map(([name]) => name),
    links: writable.flatMap(([name, { storage }]) =>
      storage.kind === 'links'
        ? [
            {
              field: name,
              table: storage.table,
              recordColumn: storage.recordColumn,
              linkedColumn: storage.linkedColumn,
              details: detailsOf(name),
            },
          ]
        : [],
    ),
    writable: writable.map(([name]) => name),
    notNull: writable.filter(([, field]) => field.required || (field.empty !== undefined && field.empty !== null)).map(([name]) => name),
    empty: Object.fromEntries(
      writable.filter(([, field]) => isColumn(field) && field.empty !== undefined).map(([name, field]) => [name, field.empty]),
    ),
  };
}

/** The SQL that reads a link list's links with their details, as a JSON list of objects in the list's order. */
function linkDetailsColumn(fields: Fields, details: LinkDetails & { linksField: string }, alias: string): string {
  const links = fields[details.linksField].storage;
  if (links.kind !== 'links') throw new Error(`${details.linksField} is no link list`);
  const properties = [
    `l.${links.linkedColumn} AS "${details.idKey}"`,
    ...Object.entries(details.columns).map(([property, column]) => `l.${column} AS "${property}"`),
  ];
  // Each object by to_json of a row and joined by hand: compact, as JSON.stringify writes it (json_agg adds spaces).
  return `COALESCE((SELECT ('[' || string_agg((SELECT to_json(o) FROM (SELECT ${properties.join(', ')}) o)::text, ',' ORDER BY l.position) || ']')::json
    FROM ${links.table} l WHERE l.${links.recordColumn} = ${alias}.id), '[]'::json)`;
}

/** The SQL expression that reads each field of the record `alias`, as the API returns it. */
export function fieldColumns(fields: Fields, alias: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, { storage }]) => [
      name,
      storage.kind === 'links'
        ? `ARRAY(SELECT l.${storage.linkedColumn} FROM ${storage.table} l WHERE l.${storage.recordColumn} = ${alias}.id ORDER BY l.position)`
        : storage.kind === 'linkDetails'
          ? linkDetailsColumn(fields, { field: name, ...storage }, alias)
          : `${alias}.${snakeCase(name)}`,
    ]),
  );
}

/** Every column of a record as the API returns it: id, the fields in declaration order, version and provenance. */
export function recordColumns(fields: Fields, alias: string): Record<string, string> {
  return { id: `${alias}.id`, ...fieldColumns(fields, alias), ...auditColumns(alias) };
}
