import { writeFile } from 'node:fs/promises';
import * as http from 'node:http';
import { Pool, types } from 'pg';
import { procStatus } from './export-measure';
import { cpuMs } from './processes';
import type { AnalysisScenario } from './scenarios';
import type { SqlPlan } from './sql-plan';
import { replay } from './sql-replay';

/*
 * The analysis scenarios (issue 17): one request at a time, the whole body read, repeated
 * until both a time window and a number of requests are reached, for the server, the bare-pg
 * baseline (the same captured SQL, its rows sent as JSON) and the SQL alone (the captured
 * plan replayed in this process through a pg.Pool: no HTTP, no JSON).
 */

/** One timed request (or one replay of the SQL: no bytes, no first byte). */
export interface AnalysisSample {
  status: number;
  firstByteMs: number;
  totalMs: number;
  bytes: number;
  /** Content-Encoding of the answer, if any. */
  encoding?: string;
  /** Rows the replayed queries returned (SQL alone). */
  rows?: number;
}

export interface AnalysisSide {
  /** Measured requests (the warm-up's are not counted). */
  samples: number;
  errors: number;
  statusCodes: Record<string, number>;
  latencyMs: { min: number; p50: number; p95: number; mean: number; max: number };
  firstByteMs?: { p50: number; p95: number };
  /** Bytes of one answer (the largest seen; the answers do not vary). */
  bytes?: number;
  /** Content-Encoding of the answers (none unless asked for). */
  encoding?: string;
  /** CPU time of the measured process (server or baseline) per measured request. */
  cpuMsPerRequest?: number;
  /** Peak resident set of the server during the measured requests. */
  peakRssMb?: number;
  rssGrowthMb?: number;
  durationSeconds: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * One GET, timed from the request to the last byte of the body. No Accept-Encoding unless
 * `headers` has one (the server then sends the JSON as it is, as to the other scenarios'
 * load). With `keep`, the body is returned too (to summarise the answer, outside the timing).
 */
export function timeGet(url: string, headers: Record<string, string>, keep = false): Promise<AnalysisSample & { body?: Buffer }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, headers }, (response) => {
      let firstByteMs = 0;
      let bytes = 0;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => {
        if (!bytes) firstByteMs = performance.now() - started;
        bytes += chunk.length;
        if (keep) chunks.push(chunk);
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          firstByteMs,
          totalMs: performance.now() - started,
          bytes,
          ...(response.headers['content-encoding'] ? { encoding: response.headers['content-encoding'] } : {}),
          ...(keep ? { body: Buffer.concat(chunks) } : {}),
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

export interface SampleWindow {
  warmupSeconds: number;
  durationSeconds: number;
  /** Fewest measured requests; the window is lengthened (up to 8×) until there are this many. */
  minSamples: number;
  /** Measure only this many (for the compressed variant). */
  maxSamples?: number;
  /** Process whose CPU time and peak resident set are read (server, baseline). */
  pid?: number;
  trackRss?: boolean;
}

/**
 * Runs `once` for the warm-up (at least one request, then until warmupSeconds have passed),
 * then measures until durationSeconds have passed and minSamples requests are in, or 8 ×
 * durationSeconds have passed with at least 3 (a slow answer must not hold the run for long).
 */
export async function sample(once: () => Promise<AnalysisSample>, window: SampleWindow): Promise<AnalysisSide> {
  const warmupEnd = performance.now() + window.warmupSeconds * 1000;
  do {
    const warm = await once();
    if (warm.status >= 400) throw new Error(`answered ${warm.status} during the warm-up`);
  } while (performance.now() < warmupEnd);

  const { pid } = window;
  const rssBefore = pid && window.trackRss ? await procStatus(pid, 'VmRSS') : undefined;
  if (pid && window.trackRss) await writeFile(`/proc/${pid}/clear_refs`, '5');
  const cpuBefore = pid ? await cpuMs(pid) : 0;
  const started = performance.now();
  const ok: AnalysisSample[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let encoding: string | undefined;
  for (;;) {
    const elapsed = (performance.now() - started) / 1000;
    const n = ok.length + errors;
    if (window.maxSamples !== undefined && n >= window.maxSamples) break;
    if (elapsed >= window.durationSeconds && n >= window.minSamples) break;
    if (elapsed >= window.durationSeconds * 8 && n >= Math.min(3, window.minSamples)) break;
    let result: AnalysisSample;
    try {
      result = await once();
    } catch (error) {
      errors++;
      statusCodes.error = (statusCodes.error ?? 0) + 1;
      if (errors > 3 && !ok.length) throw error;
      continue;
    }
    statusCodes[result.status] = (statusCodes[result.status] ?? 0) + 1;
    if (result.status >= 200 && result.status < 300) ok.push(result);
    else errors++;
    encoding ??= result.encoding;
  }
  const durationSeconds = (performance.now() - started) / 1000;
  const cpu = pid ? (await cpuMs(pid)) - cpuBefore : undefined;
  const peak = pid && window.trackRss ? await procStatus(pid, 'VmHWM') : undefined;
  const totals = ok.map((s) => s.totalMs).sort((a, b) => a - b);
  const firstBytes = ok.map((s) => s.firstByteMs).sort((a, b) => a - b);
  const bytes = Math.max(0, ...ok.map((s) => s.bytes));
  return {
    samples: ok.length,
    errors,
    statusCodes,
    latencyMs: {
      min: totals[0],
      p50: percentile(totals, 0.5),
      p95: percentile(totals, 0.95),
      mean: totals.reduce((a, b) => a + b, 0) / Math.max(totals.length, 1),
      max: totals[totals.length - 1],
    },
    ...(bytes ? { bytes, firstByteMs: { p50: percentile(firstBytes, 0.5), p95: percentile(firstBytes, 0.95) } } : {}),
    ...(encoding ? { encoding } : {}),
    ...(cpu !== undefined && ok.length + errors ? { cpuMsPerRequest: cpu / (ok.length + errors) } : {}),
    ...(peak !== undefined ? { peakRssMb: peak, rssGrowthMb: peak - rssBefore! } : {}),
    durationSeconds,
  };
}

/**
 * The SQL alone: a pool in this process of the server's size, statement timeout and session
 * settings, with its date parser (dates stay text), replaying captured plans. Its timing has no
 * HTTP and no JSON.
 */
export class SqlReplayer {
  private readonly pool: Pool;

  constructor(url: string, poolSize: number, statementTimeoutMs: number, sessionOptions: string) {
    const DATE_OID = 1082;
    this.pool = new Pool({
      connectionString: url,
      max: poolSize,
      statement_timeout: statementTimeoutMs,
      application_name: 'chronicle-bench-sql',
      ...(sessionOptions ? { options: sessionOptions } : {}),
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === DATE_OID ? (value: string) => value : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
      },
    });
    this.pool.on('error', () => undefined);
  }

  async once(plan: SqlPlan): Promise<AnalysisSample> {
    const started = performance.now();
    const { rows } = await replay(this.pool, plan, new Map());
    return { status: 200, firstByteMs: 0, totalMs: performance.now() - started, bytes: 0, rows };
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

/** What one answer holds, for the table: a chart's groups and intervals, a network's nodes and links. */
export function summariseAnswer(s: AnalysisScenario, body: Buffer): Record<string, number | boolean> {
  const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  if (s.answer === 'stance-over-time') {
    const totals = (json.totals ?? {}) as Record<string, number>;
    const groups = (json.groups ?? []) as { points?: unknown[] }[];
    return {
      groups: groups.length,
      intervals: ((json.intervals ?? []) as unknown[]).length,
      points: groups.reduce((n, g) => n + (g.points?.length ?? 0), 0),
      statements: totals.statements ?? NaN,
      placed: totals.placed ?? NaN,
      imprecise: totals.imprecise ?? NaN,
      withoutStance: totals.withoutStance ?? NaN,
    };
  }
  return {
    nodes: Number(json.nodeCount ?? (json.nodes as unknown[] | undefined)?.length ?? NaN),
    links: Number(json.linkCount ?? (json.links as unknown[] | undefined)?.length ?? NaN),
    tooLarge: Boolean(json.tooLarge),
  };
}

/** The answer in a few words: "3 groups × 120 intervals, 1,104 statements (1,010 placed)", "1,043 nodes, 43,000 links". */
export function describeAnswer(answer: Record<string, number | boolean>): string {
  const int = (n: number | boolean) => (typeof n === 'number' ? n.toLocaleString('en') : String(n));
  if ('groups' in answer)
    return `${int(answer.groups)} groups × ${int(answer.intervals)} intervals, ${int(answer.statements)} statements (${int(answer.placed)} placed)`;
  return `${int(answer.nodes)} nodes, ${int(answer.links)} links${answer.tooLarge ? ' (too large)' : ''}`;
}
