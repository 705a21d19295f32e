import { DataSource, EntityManager } from 'typeorm';
import { BoundSql } from './sql-shapes';

/** Counted exactly up to this many matching rows; above it, the planner's estimate (env EXACT_COUNT_LIMIT). */
export const DEFAULT_EXACT_COUNT_LIMIT = 1_000;

/** How long the planner's estimate for one query and its values is reused. */
export const ESTIMATE_REUSE_MS = 10_000;
const MAX_ESTIMATES = 1_000;

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
 * The planner's row estimates, per query text and values, for a few seconds.
 *
 * Why: the estimate is an EXPLAIN — a round trip and a planning — on every page of every
 * list, although it only moves when PostgreSQL refreshes the table's statistics (ANALYZE,
 * autovacuum) or the table grows by whole pages. Reusing it saves one of the two or three
 * queries of a list page (bench/FINDINGS.md). It only decides *whether* to count: below the
 * limit the rows are still counted exactly on every request, so an exact total is never stale.
 */
export class PlannerEstimates {
  private readonly entries = new Map<string, { rows: number; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async rows(query: BoundSql, explain: () => Promise<number>): Promise<number> {
    const key = `${query.sql}\u0000${JSON.stringify(query.values)}`;
    const cached = this.entries.get(key);
    if (cached && cached.until > this.now()) return cached.rows;
    const rows = await explain();
    this.entries.delete(key);
    if (this.entries.size >= MAX_ESTIMATES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { rows, until: this.now() + ESTIMATE_REUSE_MS });
    return rows;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** One set of estimates per database connection (tests run several in one process). */
const estimatesBySource = new WeakMap<DataSource, PlannerEstimates>();

function estimatesFor(db: DataSource | EntityManager): PlannerEstimates {
  const source = db instanceof EntityManager ? db.connection : db;
  let estimates = estimatesBySource.get(source);
  if (!estimates) estimatesBySource.set(source, (estimates = new PlannerEstimates()));
  return estimates;
}

/** The planner's estimate of the rows `filtered` (a bound `SELECT … FROM … WHERE …`) returns, reused for ESTIMATE_REUSE_MS. */
export function plannerEstimate(db: DataSource | EntityManager, filtered: BoundSql): Promise<number> {
  return estimatesFor(db).rows(filtered, async () => {
    const [explained] = await db.query(`EXPLAIN (FORMAT JSON) ${filtered.sql}`, filtered.values);
    return Math.round(explained['QUERY PLAN'][0].Plan['Plan Rows'] as number);
  });
}

/**
 * How many rows of `filtered` (a bound `SELECT … FROM … WHERE …`) match, at a cost that
 * does not grow with the table: the planner's estimate first (EXPLAIN, no rows read); when it expects at most `limit` rows they are counted
 * exactly. A total above the limit is the estimate, flagged as such
 * (X-Total-Count-Estimated), as PostgREST's `count=estimated` does. An exact COUNT(*) of a
 * million-row table reads the whole index or heap on every page (bench/FINDINGS.md §2).
 */
export async function countMatching(db: DataSource | EntityManager, filtered: BoundSql, limit = exactCountLimit()): Promise<MatchCount> {
  const estimate = await plannerEstimate(db, filtered);
  if (estimate > limit) return { total: estimate, estimated: true };
  // No LIMIT inside the count: it would make the planner pick a fast-start plan (walk the date
  // index, filter row by row), which is slowest exactly when few rows match (measured at 1M).
  const [{ counted }] = await db.query(`SELECT count(*)::int AS counted FROM (${filtered.sql}) matching`, filtered.values);
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
