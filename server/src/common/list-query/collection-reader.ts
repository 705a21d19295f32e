import { DataSource, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { countMatching, totalFromPage } from './count-matching';
import { FilterDefinitions, FilterValue, ListQuery, ParsedFilters } from './filter-definitions';

/** A SQL condition with its bound parameters. Parameter names must be unique per query. */
export interface WhereClause {
  sql: string;
  params?: ObjectLiteral;
}

/** How each filter of a collection becomes SQL. Every filter needs one: no filter is ignored. */
export type FilterSql<F extends FilterDefinitions> = { [K in keyof F]-?: (value: FilterValue<F[K]>) => WhereClause };

export interface CollectionTable<F extends FilterDefinitions, S extends string> {
  entity: EntityTarget<ObjectLiteral>;
  alias: string;
  /** Rows have a `deleted_at` (the trash): lists and single reads show live rows only. */
  trash: boolean;
  /** API field → SQL expression read into it. */
  columns: Record<string, string>;
  /** Sort field → SQL expression (the allow-list `_sort` is checked against). */
  sortSql: Record<S, string>;
  filterSql: FilterSql<F>;
}

export function applyFilters<F extends FilterDefinitions>(
  qb: SelectQueryBuilder<ObjectLiteral>,
  filters: ParsedFilters<F>,
  filterSql: FilterSql<F>,
): void {
  for (const key of Object.keys(filters) as (keyof F)[]) {
    const value = filters[key];
    if (value === undefined) continue;
    const clause = filterSql[key](value as FilterValue<F[typeof key]>);
    qb.andWhere(clause.sql, clause.params);
  }
}

export interface Page<Row> {
  rows: Row[];
  total: number;
  /** `total` is an estimate (X-Total-Count-Estimated: true): more rows match than are counted exactly. */
  estimated?: boolean;
}

/**
 * Reads one page of a collection as plain rows (no entity hydration) plus how many rows match
 * the filters. Ties in the sort are broken by id so pages never overlap.
 *
 * Late row lookup: the page's ids are found first (an index scan for most sorts), and the
 * columns — link arrays and author names are sub-queries — are computed for those rows only,
 * not for the rows an offset skips (offset 100,000 went from seconds to milliseconds).
 */
export async function readPage<Row, F extends FilterDefinitions, S extends string>(
  dataSource: DataSource,
  table: CollectionTable<F, S>,
  query: ListQuery<F, S>,
): Promise<Page<Row>> {
  const { alias } = table;
  const filtered = dataSource.createQueryBuilder().from(table.entity, alias);
  if (table.trash) filtered.where(`${alias}.deleted_at IS NULL`);
  applyFilters(filtered, query.filters, table.filterSql);

  const sort = table.sortSql[query.sort.field];
  const pageIds = filtered
    .clone()
    .select(`${alias}.id`)
    .orderBy(sort, query.sort.order)
    .addOrderBy(`${alias}.id`, query.sort.order)
    .offset(query.range.offset)
    .limit(query.range.limit);
  const page = dataSource.createQueryBuilder().from(table.entity, alias).select([]);
  for (const [field, sql] of Object.entries(table.columns)) page.addSelect(sql, field);
  page
    .where(`${alias}.id = ANY(ARRAY(${pageIds.getQuery()}))`)
    .setParameters(pageIds.getParameters())
    .orderBy(sort, query.sort.order)
    .addOrderBy(`${alias}.id`, query.sort.order);

  const rows = (await page.getRawMany<Row>()).map((row) => inFieldOrder(row, table.columns));
  const proven = totalFromPage(query.range.offset, query.range.limit, rows.length);
  if (proven !== undefined) return { rows, total: proven };
  const { total, estimated } = await countMatching(dataSource, filtered);
  return { rows, total, ...(estimated ? { estimated } : {}) };
}

/**
 * Reads one row by id with the same columns as the list, or undefined; a row in the trash
 * only when asked (history snapshots, the trash itself). Within a transaction, pass its manager.
 */
export async function readOne<Row, F extends FilterDefinitions, S extends string>(
  db: DataSource | EntityManager,
  table: CollectionTable<F, S>,
  id: number,
  options: { includeTrashed?: boolean } = {},
): Promise<Row | undefined> {
  const qb = db.createQueryBuilder().from(table.entity, table.alias).select([]);
  for (const [field, sql] of Object.entries(table.columns)) qb.addSelect(sql, field);
  qb.where(`${table.alias}.id = :id`, { id });
  if (table.trash && !options.includeTrashed) qb.andWhere(`${table.alias}.deleted_at IS NULL`);
  const row = await qb.getRawOne<Row>();
  return row && inFieldOrder(row, table.columns);
}

/** The columns every curated record carries (provenance, version, trash), read as the API shows them. */
export function auditColumns(alias: string): Record<string, string> {
  const author = (column: string) =>
    `(SELECT json_build_object('id', au.id, 'name', au.display_name) FROM users au WHERE au.id = ${alias}.${column})`;
  return {
    version: `${alias}.version`,
    createdAt: `${alias}.created_at`,
    createdBy: author('created_by_id'),
    updatedAt: `${alias}.updated_at`,
    updatedBy: author('updated_by_id'),
    deletedAt: `${alias}.deleted_at`,
  };
}

/**
 * TypeORM moves selections that name an entity property ahead of the others; put the keys
 * back in the order the columns are declared, so that JSON reads id, date, headline, ….
 */
export function inFieldOrder<Row>(row: Row, columns: Record<string, string>): Row {
  const ordered: Record<string, unknown> = {};
  for (const field of Object.keys(columns)) ordered[field] = (row as Record<string, unknown>)[field];
  return ordered as Row;
}

/** Escapes LIKE wildcards so user text matches literally. */
export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
