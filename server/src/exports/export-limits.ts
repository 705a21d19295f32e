/**
 * How many exports stream at once, and how long one waits for a reader that has stopped
 * reading (EXPORTS_PER_USER, EXPORTS_TOTAL, EXPORT_STALL_SECONDS). An export holds a database
 * connection for as long as its client takes to read it — seconds to minutes, where a list
 * request holds one for milliseconds — so these limits are what keeps the rest of the API
 * supplied with connections.
 */
export interface ExportLimits {
  /** Exports one account streams at once, all its tokens and tickets together; an anonymous reader's address (IPv6 by /64) counts as one account. */
  perUser: number;
  /** Exports streamed at once in all: never more than half the database pool (exportShareOfPool). */
  total: number;
  /** A response that has waited this long for its reader to take anything is dropped, and its connection released. */
  stallTimeoutMs: number;
}

export const EXPORT_LIMITS = Symbol('ExportLimits');

export const DEFAULT_EXPORTS_PER_USER = 2;
export const DEFAULT_EXPORTS_TOTAL = 4;
/**
 * Long enough for a reader on a poor connection (a mobile hand-over, a congested link stalls
 * for seconds, not a minute); short enough that a reader who stopped for good gives its
 * connection and its slot back within a minute.
 */
export const DEFAULT_EXPORT_STALL_SECONDS = 60;

/**
 * The most exports a pool of `poolSize` connections may stream at once: half of it, so that
 * the other half is always there for list, record and timeline requests whatever the exports
 * do (with the default pool of 10: 4 exports, 6 connections always left). At least one, so
 * that a pool of one still exports (sharing its only connection).
 */
export const exportShareOfPool = (poolSize: number) => Math.max(1, Math.floor(poolSize / 2));

/** The defaults for a pool of `poolSize`: 2 per account, 4 in all (or the pool's share, when smaller), 60 s of stall. */
export function defaultExportLimits(poolSize: number): ExportLimits {
  const total = Math.min(DEFAULT_EXPORTS_TOTAL, exportShareOfPool(poolSize));
  return { perUser: Math.min(DEFAULT_EXPORTS_PER_USER, total), total, stallTimeoutMs: DEFAULT_EXPORT_STALL_SECONDS * 1000 };
}
