/**
 * Preloaded (`node --require bench/dist/bench/sql-capture.js`) into a *capture* run of the
 * production server — never into the measured one — to record every query the server sends
 * to PostgreSQL: text, bound values, the connection it ran on, when it started and ended,
 * and for an INSERT the row it returned. One JSON line per query in BENCH_CAPTURE_FILE.
 * The baselines replay exactly these queries (see sql-plan.ts), so "the same SQL" is what
 * the server ran, not a copy of its query builder.
 */
import { appendFileSync } from 'node:fs';
import * as pg from 'pg';
import type { CapturedQuery } from './sql-plan';

const file = process.env.BENCH_CAPTURE_FILE;

type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;

if (file) {
  const clientIds = new WeakMap<object, number>();
  let clients = 0;
  let seq = 0;
  const clientId = (client: object) => {
    if (!clientIds.has(client)) clientIds.set(client, ++clients);
    return clientIds.get(client)!;
  };
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;

  proto.query = function capture(this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: unknown; values?: unknown[]; submit?: unknown } | undefined;
    const text = typeof config === 'string' ? config : config?.text;
    // Streams (COPY, query streams) are Submittables: the server's reads and writes do not use them.
    if (typeof text !== 'string' || (typeof config === 'object' && typeof config.submit === 'function')) {
      return original.apply(this, args);
    }
    const values = Array.isArray(args[1]) ? args[1] : typeof config === 'object' && Array.isArray(config.values) ? config.values : [];
    const entry: CapturedQuery = { seq: ++seq, client: clientId(this), text, values, start: performance.now(), end: 0 };
    const finish = (error: Error | null, result?: pg.QueryResult) => {
      entry.end = performance.now();
      if (error) entry.error = error.message;
      else {
        entry.rowCount = result?.rowCount ?? null;
        if (/^\s*INSERT\b/i.test(text) && result?.rows?.length) entry.returned = result.rows[0] as Record<string, unknown>;
      }
      appendFileSync(file, `${JSON.stringify(entry, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`);
    };
    const callbackAt = args.findIndex((a) => typeof a === 'function');
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (error: Error | null, result?: pg.QueryResult) => void;
      args[callbackAt] = (error: Error | null, result?: pg.QueryResult) => {
        finish(error, result);
        callback(error, result);
      };
      return original.apply(this, args);
    }
    const out = original.apply(this, args);
    if (out && typeof (out as Promise<pg.QueryResult>).then === 'function') {
      (out as Promise<pg.QueryResult>).then(
        (result) => finish(null, result),
        (error: Error) => finish(error),
      );
    }
    return out;
  };
}
