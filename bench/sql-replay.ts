import type { Pool, QueryResult } from 'pg';
import { SqlPlan, substitute } from './sql-plan';

/**
 * Replays a captured plan (sql-plan.ts) on a pool, as the server issued it: the queries of a
 * concurrent step together, a transaction on one connection in order, the id an INSERT
 * returned put in place of the captured one. Answers the rows of its largest result (the page,
 * not its count; ties: the later) and the number of rows all its queries returned.
 * The bare-pg baseline server (baseline-server.ts) and the analysis scenarios' "SQL alone"
 * timing (analysis-measure.ts) both use it.
 */
export async function replay(pool: Pool, plan: SqlPlan, ids: Map<number, number>): Promise<{ body: unknown[]; rows: number }> {
  let body: unknown[] = [];
  let rows = 0;
  const keep = (result: QueryResult) => {
    rows += result.rows?.length ?? 0;
    if (result.rows && result.rows.length >= body.length) body = result.rows;
  };
  for (const step of plan.steps) {
    if (step.kind === 'concurrent') {
      const results = await Promise.all(step.queries.map((q) => pool.query(q.text, substitute(q.values, ids))));
      results.forEach(keep);
      continue;
    }
    const client = await pool.connect();
    let failure: Error | undefined;
    try {
      for (const q of step.queries) {
        const result = await client.query(q.text, substitute(q.values, ids));
        if (q.returnedId !== undefined) ids.set(q.returnedId, (result.rows[0] as { id: number }).id);
        keep(result);
      }
    } catch (error) {
      failure = error as Error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release(failure);
    }
  }
  return { body, rows };
}
