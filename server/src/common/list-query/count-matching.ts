import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Counted exactly up to this many matching rows; above it, the planner's estimate (env EXACT_COUNT_LIMIT). */
export const DEFAULT_EXACT_COUNT_LIMIT = 10_000;

export function exactCountLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.EXACT_COUNT_LIMIT;
  return raw && /^\d{1,9}$/.test(raw) ? Number(raw) : DEFAULT_EXACT_COUNT_LIMIT;
}

export interface MatchCount {
  total: number;
  /** The total is PostgreSQL's estimate (more rows match than are worth counting one by one). */
  estimated: boolean;
}

/**
 * How many rows match, at a cost that does not grow with the table: the planner's estimate
 * first (EXPLAIN, no rows read); when it expects at most `limit` rows they are counted, but
 * never more than limit + 1 of them. A total above the limit is the estimate, flagged as such
 * (X-Total-Count-Estimated), as PostgREST's `count=estimated` does. An exact COUNT(*) of a
 * million-row table reads the whole index or heap on every page (bench/FINDINGS.md §2).
 */
export async function countMatching(
  db: DataSource | EntityManager,
  filtered: SelectQueryBuilder<ObjectLiteral>,
  limit = exactCountLimit(),
): Promise<MatchCount> {
  const [sql, parameters] = filtered.clone().select('1').orderBy().getQueryAndParameters();
  const [explained] = await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
  const estimate = Math.round(explained['QUERY PLAN'][0].Plan['Plan Rows'] as number);
  if (estimate > limit) return { total: estimate, estimated: true };
  const [{ counted }] = await db.query(`SELECT count(*)::int AS counted FROM (${sql} LIMIT ${limit + 1}) matching`, parameters);
  if (counted > limit) return { total: Math.max(estimate, counted), estimated: true };
  return { total: counted, estimated: false };
}

/**
 * The total a page already proves, without counting: a first page shorter than asked is
 * everything, and so is a last page of a list that has one.
 */
export function totalFromPage(offset: number, limit: number, rows: number): number | undefined {
  if (rows < limit && (rows > 0 || offset === 0)) return offset + rows;
  return undefined;
}
