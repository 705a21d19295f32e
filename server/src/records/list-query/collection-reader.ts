import { DataSource, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { countMatching, exactCountLimit, plannerEstimate, totalFromPage } from './count-matching';
import { BoundSql, bindNamed, shapeKey, SqlShapes } from './sql-shapes';
import { FilterDefinitions, FilterValue, ListQuery, ParsedFilters, SortOrder } from './filter-definitions';

/** A SQL condition with its bound parameters. Parameter names must be unique per query. */
export interface WhereClause {
  sql: string;
  params?: ObjectLiteral;
}

/**
 * How each filter of a collection becomes SQL. Every filter needs one: no filter is ignored.
 * Each also sees the other filters of the request (`filters`), so that one filter can change how
 * another matches (a statement's `date_mode` decides what `date_gte` means); a filter that only
 * does that has no condition of its own (null).
 */
export type FilterSql<F extends FilterDefinitions> = {
  [K in keyof F]-?: (value: FilterValue<F[K]>, filters: ParsedFilters<F>) => WhereClause | null;
};

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
  /** Fields read from timestamptz columns (default: auditColumns' createdAt, updatedAt, deletedAt). */
  timestampFields?: readonly string[];
}

/** The SQL condition of each filter present, in the order the filters were given. */
export function filterClauses<F extends FilterDefinitions>(filters: ParsedFilters<F>, filterSql: FilterSql<F>): WhereClause[] {
  const clauses: WhereClause[] = [];
  for (const key of Object.keys(filters) as (keyof F)[]) {
    const value = filters[key];
    if (value === undefined) continue;
    const clause = filterSql[key](value, filters);
    if (clause) clauses.push(clause);
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
function filteredRows<F extends FilterDefinitions, S extends string>(
  dataSource: DataSource,
  table: CollectionTable<F, S>,
  clauses: WhereClause[],
) {
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
  const plan = pagePlan(dataSource, table, query);
  const page = plan.bind(
    'rows',
    ({ pageIds, sort, order }) =>
      `SELECT ${selectList(table.columns)} FROM ${tableName(dataSource, table)} ${alias}` +
      ` WHERE ${alias}.id = ANY(ARRAY(${pageIds}))` +
      ` ORDER BY ${sort} ${order}, ${alias}.id ${order}`,
  );
  const rows = await dataSource.query<Row[]>(page.sql, page.values);
  const proven = totalFromPage(query.range.offset, query.range.limit, rows.length);
  if (proven !== undefined) return { rows, total: proven };
  const { total, estimated } = await countMatching(dataSource, plan.matching());
  return { rows, total, ...(estimated ? { estimated } : {}) };
}

/** A page as the JSON text of its rows, written by PostgreSQL (readPageAsJson). */
export interface JsonPage {
  json: string;
  /** Rows in `json`. */
  returned: number;
  total: number;
  estimated?: boolean;
}

/**
 * The same page as readPage, the same JSON as `JSON.stringify(rows)` gives (key order, dates,
 * nulls; checked by json-page.e2e-spec.ts), but written by PostgreSQL: `to_json` of each row,
 * aggregated in page order. Why: parsing 25 rows of 26 columns into objects (arrays, nested
 * authors, timestamps into Dates) and serialising them again was the largest share of the
 * server's CPU per list request that the bare-pg baseline did not share (bench/FINDINGS.md).
 * PostgREST answers the same way. `omit` leaves fields out (those an anonymous reader may not see).
 *
 * The total comes with the page, in the same statement, when the planner expects at most
 * EXACT_COUNT_LIMIT matches (its estimate is reused for a few seconds, count-matching.ts): one
 * round trip per page instead of two, and the count sees the same snapshot as the rows.
 */
export async function readPageAsJson<F extends FilterDefinitions, S extends string>(
  dataSource: DataSource,
  table: CollectionTable<F, S>,
  query: ListQuery<F, S>,
  options: { omit?: readonly string[] } = {},
): Promise<JsonPage> {
  const { alias } = table;
  const omit = options.omit ?? [];
  const plan = pagePlan(dataSource, table, query);
  const estimate = await plannerEstimate(dataSource, plan.matching());
  const counted = estimate <= exactCountLimit();
  const page = plan.bind(shapeKey('json', counted, ...omit), ({ pageIds, matching }) => {
    const timestamps = new Set(table.timestampFields ?? AUDIT_TIMESTAMP_FIELDS);
    const columns = Object.fromEntries(
      Object.entries(table.columns)
        .filter(([field]) => !omit.includes(field))
        // As JSON.stringify writes a Date: UTC, milliseconds, `Z` (to_json would write microseconds and an offset).
        .map(([field, sql]) => [
          field,
          timestamps.has(field) ? `to_char((${sql}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : sql,
        ]),
    );
    return (
      // string_agg, not json_agg: json_agg separates elements with ", ", JSON.stringify with ",".
      `SELECT '[' || COALESCE(string_agg(page.row::text, ',' ORDER BY page.ord), '') || ']' AS "json", count(*)::int AS "returned"` +
      (counted ? `, (SELECT count(*)::int FROM (${matching}) matching) AS "counted"` : '') +
      ` FROM (SELECT ids.ord, (SELECT to_json(r) FROM (SELECT ${selectList(columns)}) r) AS row` +
      ` FROM unnest(ARRAY(${pageIds})) WITH ORDINALITY AS ids(id, ord)` +
      ` JOIN ${tableName(dataSource, table)} ${alias} ON ${alias}.id = ids.id) page`
    );
  });
  const [{ json, returned, counted: exact }] = await dataSource.query<{ json: string; returned: number; counted?: number }[]>(
    page.sql,
    page.values,
  );
  const proven = totalFromPage(query.range.offset, query.range.limit, returned);
  if (proven !== undefined) return { json, returned, total: proven };
  if (exact !== undefined) return { json, returned, total: exact };
  return { json, returned, total: estimate, estimated: true };
}

/** Fields auditColumns reads from timestamptz columns. */
const AUDIT_TIMESTAMP_FIELDS = ['createdAt', 'updatedAt', 'deletedAt'];

interface PagePlan {
  /** The page query of one rendering, its text built once per shape, bound. */
  bind(rendering: string, render: (parts: { pageIds: string; matching: string; sort: string; order: SortOrder }) => string): BoundSql;
  /** The bound `SELECT 1 FROM … WHERE …` of the filters, for the total. */
  matching(): BoundSql;
}

/**
 * What every rendering of a page shares: its filters as SQL, the bound values, and the text
 * of the page's ids in order (`LIMIT :pageLimit OFFSET :pageOffset`) and of all matching rows.
 */
function pagePlan<F extends FilterDefinitions, S extends string>(
  dataSource: DataSource,
  table: CollectionTable<F, S>,
  query: ListQuery<F, S>,
): PagePlan {
  const { alias } = table;
  const clauses = filterClauses(query.filters, table.filterSql);
  const { field, order: asked, idOrder } = query.sort;
  // The ids asked for, in their order: their position in the list, ascending.
  const order = idOrder ? 'ASC' : asked;
  const shapes = shapesOf(table);
  const filterShape = shapeKey(...clauses.map((clause) => clause.sql));
  const params = {
    ...clauseParams(clauses),
    pageOffset: query.range.offset,
    pageLimit: query.range.limit,
    ...(idOrder ? { idOrder: [...idOrder] } : {}),
  };
  const matchingText = () => shapes.count.text(filterShape, () => filteredRows(dataSource, table, clauses).select('1').getQuery());
  return {
    bind: (rendering, render) => {
      const text = shapes.page.text(shapeKey(rendering, idOrder ? '(id order)' : field, order, filterShape), () => {
        const sort = idOrder ? `array_position(CAST(:idOrder AS int[]), ${alias}.id)` : table.sortSql[field];
        const pageIds = filteredRows(dataSource, table, clauses)
          .select(`${alias}.id`)
          .orderBy(sort, order)
          .addOrderBy(`${alias}.id`, order);
        return render({ pageIds: `${pageIds.getQuery()} LIMIT :pageLimit OFFSET :pageOffset`, matching: matchingText(), sort, order });
      });
      return bindNamed(dataSource, text, params);
    },
    matching: () => bindNamed(dataSource, matchingText(), params),
  };
}

/**
 * Reads one row by id with the same columns as the list, or undefined; a row in the trash
 * only when asked (history snapshots, the trash itself). Within a transaction, pass its
 * manager; `lock` holds the row (FOR UPDATE) until the transaction ends.
 */
export async function readOne<Row, F extends FilterDefinitions, S extends string>(
  db: DataSource | EntityManager,
  table: CollectionTable<F, S>,
  id: number,
  options: { includeTrashed?: boolean; lock?: boolean } = {},
): Promise<Row | undefined> {
  const withTrashed = Boolean(options.includeTrashed) || !table.trash;
  const lock = Boolean(options.lock);
  const text = shapesOf(table).one.text(
    shapeKey(withTrashed, lock),
    () =>
      `SELECT ${selectList(table.columns)} FROM ${tableName(db, table)} ${table.alias}` +
      ` WHERE ${table.alias}.id = :id${withTrashed ? '' : ` AND ${table.alias}.deleted_at IS NULL`}` +
      (lock ? ` FOR UPDATE OF ${table.alias}` : ''),
  );
  const one = bindNamed(db, text, { id });
  const [row] = await db.query<Row[]>(one.sql, one.values);
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
  // to_json of a row, not json_build_object (which writes `"id" : 2`): the same compact text as
  // JSON.stringify, for pages PostgreSQL writes as JSON (readPageAsJson).
  const author = (column: string) =>
    `(SELECT to_json(au) FROM (SELECT u.id, u.display_name AS name FROM users u WHERE u.id = ${alias}.${column}) au)`;
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
