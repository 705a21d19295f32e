import { DataSource, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { countMatching, totalFromPage } from './count-matching';
import { bindNamed, shapeKey, SqlShapes } from './sql-shapes';
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

/** The SQL condition of each filter present, in the order the filters were given. */
export function filterClauses<F extends FilterDefinitions>(filters: ParsedFilters<F>, filterSql: FilterSql<F>): WhereClause[] {
  const clauses: WhereClause[] = [];
  for (const key of Object.keys(filters) as (keyof F)[]) {
    const value = filters[key];
    if (value === undefined) continue;
    clauses.push(filterSql[key](value as FilterValue<F[typeof key]>));
  }
  return clauses;
}

export function applyFilters<F extends FilterDefinitions>(
  qb: SelectQueryBuilder<ObjectLiteral>,
  filters: ParsedFilters<F>,
  filterSql: FilterSql<F>,
): void {
  for (const clause of filterClauses(filters, filterSql)) qb.andWhere(clause.sql, clause.params);
}

/** The bound values of a set of clauses, as one parameter object. */
export const clauseParams = (clauses: WhereClause[]): ObjectLiteral => Object.assign({}, ...clauses.map((clause) => clause.params ?? {}));

export interface Page<Row> {
  rows: Row[];
  total: number;
  /** `total` is an estimate (X-Total-Count-Estimated: true): more rows match than are counted exactly. */
  estimated?: boolean;
}

interface TableShapes {
  page: SqlShapes;
  count: SqlShapes;
  one: SqlShapes;
}
const shapesByTable = new WeakMap<object, TableShapes>();
function shapesOf(table: object): TableShapes {
  let shapes = shapesByTable.get(table);
  if (!shapes) shapesByTable.set(table, (shapes = { page: new SqlShapes(), count: new SqlShapes(), one: new SqlShapes() }));
  return shapes;
}

/** `FROM <table> WHERE <live> AND <clauses>` as a query builder, for a caller to select from and order. */
function filteredRows<F extends FilterDefinitions, S extends string>(dataSource: DataSource, table: CollectionTable<F, S>, clauses: WhereClause[]) {
  const filtered = dataSource.createQueryBuilder().from(table.entity, table.alias);
  if (table.trash) filtered.where(`${table.alias}.deleted_at IS NULL`);
  for (const clause of clauses) filtered.andWhere(clause.sql, clause.params);
  return filtered;
}

/**
 * Reads one page of a collection as plain rows (no entity hydration) plus how many rows match
 * the filters. Ties in the sort are broken by id so pages never overlap.
 *
 * Late row lookup: the page's ids are found first (an index scan for most sorts), and the
 * columns — link arrays and author names are sub-queries — are computed for those rows only,
 * not for the rows an offset skips (offset 100,000 went from seconds to milliseconds).
 * The SQL text is built once per shape (sql-shapes.ts); offset and limit are bound values.
 */
export async function readPage<Row, F extends FilterDefinitions, S extends string>(
  dataSource: DataSource,
  table: CollectionTable<F, S>,
  query: ListQuery<F, S>,
): Promise<Page<Row>> {
  const { alias } = table;
  const clauses = filterClauses(query.filters, table.filterSql);
  const { field, order } = query.sort;
  const shapes = shapesOf(table);
  const filterShape = shapeKey(...clauses.map((clause) => clause.sql));
  const params = { ...clauseParams(clauses), pageOffset: query.range.offset, pageLimit: query.range.limit };

  const pageText = shapes.page.text(shapeKey(field, order, filterShape), () => {
    const sort = table.sortSql[field];
    const pageIds = filteredRows(dataSource, table, clauses).select(`${alias}.id`).orderBy(sort, order).addOrderBy(`${alias}.id`, order);
    return (
      `SELECT ${selectList(table.columns)} FROM ${tableName(dataSource, table)} ${alias}` +
      ` WHERE ${alias}.id = ANY(ARRAY(${pageIds.getQuery()} LIMIT :pageLimit OFFSET :pageOffset))` +
      ` ORDER BY ${sort} ${order}, ${alias}.id ${order}`
    );
  });
  const page = bindNamed(dataSource, pageText, params);
  const rows = (await dataSource.query(page.sql, page.values)) as Row[];
  const proven = totalFromPage(query.range.offset, query.range.limit, rows.length);
  if (proven !== undefined) return { rows, total: proven };

  const countText = shapes.count.text(filterShape, () => filteredRows(dataSource, table, clauses).select('1').getQuery());
  const { total, estimated } = await countMatching(dataSource, bindNamed(dataSource, countText, params));
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
  const withTrashed = Boolean(options.includeTrashed) || !table.trash;
  const text = shapesOf(table).one.text(
    shapeKey(withTrashed),
    () =>
      `SELECT ${selectList(table.columns)} FROM ${tableName(db, table)} ${table.alias}` +
      ` WHERE ${table.alias}.id = :id${withTrashed ? '' : ` AND ${table.alias}.deleted_at IS NULL`}`,
  );
  const one = bindNamed(db, text, { id });
  const [row] = (await db.query(one.sql, one.values)) as Row[];
  return row;
}

/**
 * `expression AS "field", …` in the order the fields are declared, so rows come out of
 * PostgreSQL with their keys in that order and JSON reads id, date, headline, … (TypeORM's
 * addSelect would move selections that name an entity property ahead of the others).
 */
export const selectList = (columns: Record<string, string>) =>
  Object.entries(columns)
    .map(([field, sql]) => `${sql} AS "${field}"`)
    .join(', ');

/** The entity's table, quoted as TypeORM quotes it. */
function tableName(db: DataSource | EntityManager, table: { entity: EntityTarget<ObjectLiteral> }): string {
  const metadata = (db instanceof EntityManager ? db.connection : db).getMetadata(table.entity);
  return metadata.tablePath
    .split('.')
    .map((part: string) => `"${part}"`)
    .join('.');
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

/** Escapes LIKE wildcards so user text matches literally. */
export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
