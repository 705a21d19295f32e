/**
 * From the queries the server ran for one request (captured by sql-capture.ts) to a plan the
 * bare-`pg` baseline replays: the same texts with the same bound values, issued the same
 * way — queries the server had in flight together (a page and its count) run together, a
 * transaction runs on one connection in order — minus the authentication look-ups.
 */

/** One query as sql-capture.ts records it. */
export interface CapturedQuery {
  seq: number;
  /** Which pg.Client (connection) ran it, numbered in order of first use. */
  client: number;
  text: string;
  values: unknown[];
  /** performance.now() of the server process when the query was sent and when it settled. */
  start: number;
  end: number;
  rowCount?: number | null;
  /** First row an INSERT returned (its new id). */
  returned?: Record<string, unknown>;
  error?: string;
}

export interface PlannedQuery {
  text: string;
  values: unknown[];
  /** The id this INSERT returned during capture: later values equal to it are the new row's id. */
  returnedId?: number;
}

export type PlanStep = { kind: 'concurrent'; queries: PlannedQuery[] } | { kind: 'transaction'; queries: PlannedQuery[] };

export interface SqlPlan {
  steps: PlanStep[];
  /** Queries left out of the baseline (authentication: token and user look-ups), for the record. */
  dropped: string[];
  /** A value of the captured request that the load varies (the id of "one statement by id"). */
  varies?: number;
}

/**
 * Authentication's own queries (token look-up, last-used stamps, users): the baseline stays
 * the plain data query, so their cost shows in the ratio. A query that touches statements
 * is never dropped.
 */
const AUTH_TABLES = /\b(?:\w*tokens?|users?|sessions?|login_\w+|auth_\w+)\b/i;
export const isAuthQuery = (text: string) => AUTH_TABLES.test(text.replace(/"/g, '')) && !/\bstatements?\b|\bstatement_\w+/i.test(text);

const TRANSACTION_START = /^\s*(?:START\s+TRANSACTION|BEGIN)\b/i;
const TRANSACTION_END = /^\s*(?:COMMIT|ROLLBACK|END)\b/i;

function planned(query: CapturedQuery): PlannedQuery {
  const id = query.returned?.id;
  return { text: query.text, values: query.values, ...(typeof id === 'number' ? { returnedId: id } : {}) };
}

export function planFromCapture(captured: CapturedQuery[], varies?: number): SqlPlan {
  const ordered = [...captured].sort((a, b) => a.seq - b.seq);
  const failed = ordered.find((q) => q.error);
  if (failed) throw new Error(`the server's query failed during capture: ${failed.error}\n${failed.text}`);
  const dropped = ordered.filter((q) => isAuthQuery(q.text)).map((q) => q.text);
  const queries = ordered.filter((q) => !isAuthQuery(q.text));
  const steps: PlanStep[] = [];
  const inTransaction = new Set<CapturedQuery>();
  let concurrent: CapturedQuery[] = [];
  const flush = () => {
    if (concurrent.length) steps.push({ kind: 'concurrent', queries: concurrent.map(planned) });
    concurrent = [];
  };
  for (const [i, query] of queries.entries()) {
    if (inTransaction.has(query)) continue;
    if (TRANSACTION_START.test(query.text)) {
      flush();
      const block: CapturedQuery[] = [query];
      for (const next of queries.slice(i + 1)) {
        if (next.client !== query.client) continue;
        block.push(next);
        if (TRANSACTION_END.test(next.text)) break;
      }
      block.forEach((q) => inTransaction.add(q));
      steps.push({ kind: 'transaction', queries: block.map(planned) });
      continue;
    }
    // Issued together when it was sent before every query of the group had settled.
    if (concurrent.length && query.start >= Math.min(...concurrent.map((q) => q.end))) flush();
    concurrent.push(query);
  }
  flush();
  return { steps, dropped, ...(varies === undefined ? {} : { varies }) };
}

/** Values with every occurrence of `from` (as number or numeric string, in arrays too) replaced by `to`. */
export function substitute(values: unknown[], map: Map<number, number>): unknown[] {
  if (!map.size) return values;
  const one = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(one);
    if (typeof v === 'number' && map.has(v)) return map.get(v);
    if (typeof v === 'string' && /^\d+$/.test(v) && map.has(Number(v))) return String(map.get(Number(v)));
    return v;
  };
  return values.map(one);
}

/** The SQL of a plan, one query per line, for the results file and the README. */
export const describePlan = (plan: SqlPlan): string[] =>
  plan.steps.flatMap((step) =>
    step.queries.map(
      (q) => `${step.kind === 'transaction' ? '[tx] ' : step.queries.length > 1 ? '[concurrent] ' : ''}${q.text.replace(/\s+/g, ' ')}`,
    ),
  );
