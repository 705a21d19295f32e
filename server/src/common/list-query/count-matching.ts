import { DataSource, EntityManager } from 'typeorm';
import { BoundSql } from './sql-shapes';

/** Counted exactly up to this many matching rows; above it, the planner's estimate (env EXACT_COUNT_LIMIT). */
export const DEFAULT_EXACT_COUNT_LIMIT = 1_000;

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
 * How many rows of `filtered` (a bound `SELECT … FROM … WHERE …`) match, at a cost that
 * does not grow with the table: the planner's estimate first (EXPLAIN, no rows read); when it expects at most `limit` rows they are counted
 * exactly. A total above the limit is the estimate, flagged as such
 * (X-Total-Count-Estimated), as PostgREST's `count=estimated` does. An exact COUNT(*) of a
 * million-row table reads the whole index or heap on every page (bench/FINDINGS.md §2).
 */
export async function countMatching(db: DataSource | EntityManager, filtered: BoundSql, limit = exactCountLimit()): Promise<MatchCount> {
  const { sql, values } = filtered;
  const [explained] = await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, values);
  const estimate = Math.round(explained['QUERY PLAN'][0].Plan['Plan Rows'] as number);
  if (estimate > limit) return { total: estimate, estimated: true };
  // No LIMIT inside the count: it would make the planner pick a fast-start plan (walk the date
  // index, filter row by row), which is slowest exactly when few rows match (measured at 1M).
  const [{ counted }] = await db.query(`SELECT count(*)::int AS counted FROM (${sql}) matching`, values);
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
