import type { Sample } from './soak-sampler';
import type { LoadSummary, Verification } from './soak-types';

/*
 * The soak's bounds. Why these numbers:
 *
 * RSS. A server that leaks keeps growing at a steady rate under a steady load; one that does
 * not levels off once its code is optimised and its heap has found its size (the warm-up).
 * Only samples after the warm-up are judged. Two signals:
 *  - slope: least squares over every measured sample, in MB per minute — all the data, not
 *    two windows. Judged only over at least SLOPE_MIN_SECONDS of measured load. In each of the
 *    three 5-minute runs made so far (bench/SOAK.md) RSS moved within a band of 9 MB or less
 *    (the garbage collector's saw-tooth, the exports), and its slope over the 240 measured
 *    seconds was 0.01–0.14 MB/min; the steepest slope of any 100 s stretch was 0.6 MB/min,
 *    of a 60 s stretch 2, of a 20 s stretch 7–10: over the short run's 20 s a slope means
 *    nothing. RSS_SLOPE_LIMIT_MB_PER_MIN is about 3x the 100 s noise; at 75–95 req/s it is a
 *    leak of 350–450 bytes per request. A server made to keep 2 KB per request (a preloaded
 *    patch, never committed) showed 6.4 MB/min over 120 s at 40 req/s and failed.
 *  - growth: the median of the last window minus the median of the first (windows of a third
 *    of the measured span, at most 60 s: medians ride out the saw-tooth). The 9 MB band
 *    is the most two medians can differ without a trend; RSS_GROWTH_LIMIT_MB allows about
 *    twice that. It is what judges the short run (coarsely: a climb of about 70 MB/min), and
 *    in the full run it catches a leak that starts late.
 * Descriptors. The server holds a few of its own (listening socket, epoll, pipes, log files),
 * up to DB_POOL_SIZE PostgreSQL sockets, and one socket per client connection: the driver
 * opens at most 2 per worker (a conflict sends two saves at once). So at any time
 * fds <= idle + pool + 2 x connections + FD_SLACK; over the measured load they must not grow
 * by more than FD_GROWTH_LIMIT; and once the driver has gone, its sockets must be closed:
 * fds <= idle + pool (the pool may keep its connections open for a while).
 * Database sessions: never more than the pool, whatever the load (pg_stat_activity).
 */
export const RSS_GROWTH_LIMIT_MB = 16;
export const RSS_SLOPE_LIMIT_MB_PER_MIN = 2;
export const SLOPE_MIN_SECONDS = 100;
export const FD_SLACK = 8;
export const FD_GROWTH_LIMIT = 4;
const MAX_WINDOW_SECONDS = 60;

export interface Check {
  name: string;
  ok: boolean;
  /** What was measured, in words. */
  value: string;
  bound: string;
  /** False for a bound this run was too short to judge (it then counts as passed). */
  judged: boolean;
}

export interface SoakFigures {
  rss: {
    idleMb: number;
    startMb: number;
    endMb: number;
    maxMb: number;
    growthMb: number;
    slopeMbPerMin: number;
    windowSeconds: number;
    measuredSeconds: number;
  };
  fds: { idle: number; max: number; start: number; end: number; after: number | null };
  sockets: { idle: number; max: number };
  db: { max: number; maxActive: number; poolSize: number };
  cpu: { serverPercent: number; driverPercent: number };
}

export interface JudgeInput {
  samples: Sample[];
  load: LoadSummary;
  verification: Verification;
  /** Every operation of the mixture, each of which must have run. */
  operations: string[];
  poolSize: number;
  connections: number;
  serverAlive: boolean;
  /** Status of GET /api/health once the soak is over. */
  healthAfter: number | null;
}

export const median = (values: number[]): number => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Least-squares slope of y over x. */
export function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx ? points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx : 0;
}

const values = (samples: Sample[], field: 'rssMb' | 'fds' | 'sockets' | 'dbConnections' | 'dbActive' | 'cpuPercent' | 'driverCpuPercent') =>
  samples.map((s) => s[field]).filter((v): v is number => v !== null);
const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

export function figures(input: Pick<JudgeInput, 'samples' | 'poolSize'>): SoakFigures {
  const { samples } = input;
  const idle = samples.filter((s) => s.phase === 'idle');
  const measured = samples.filter((s) => s.phase === 'measured' && s.rssMb !== null);
  const loaded = samples.filter((s) => s.phase === 'warm-up' || s.phase === 'measured' || s.phase === 'verify');
  const after = samples.filter((s) => s.phase === 'after');
  const measuredSeconds = measured.length ? measured[measured.length - 1].t - measured[0].t : 0;
  const windowSeconds = Math.min(MAX_WINDOW_SECONDS, Math.max(1, Math.round(measuredSeconds / 3)));
  const first = measured.filter((s) => s.t <= measured[0].t + windowSeconds);
  const last = measured.filter((s) => s.t >= measured[measured.length - 1].t - windowSeconds);
  const startMb = median(values(first, 'rssMb'));
  const endMb = median(values(last, 'rssMb'));
  return {
    rss: {
      idleMb: round(median(values(idle, 'rssMb'))),
      startMb: round(startMb),
      endMb: round(endMb),
      maxMb: round(Math.max(...values(samples, 'rssMb'))),
      growthMb: round(endMb - startMb),
      slopeMbPerMin: round(slope(measured.map((s) => [s.t / 60, s.rssMb!])), 2),
      windowSeconds,
      measuredSeconds: round(measuredSeconds),
    },
    fds: {
      idle: median(values(idle, 'fds')),
      max: Math.max(...values(loaded, 'fds')),
      start: median(values(first, 'fds')),
      end: median(values(last, 'fds')),
      after: after.length ? after[after.length - 1].fds : null,
    },
    sockets: { idle: median(values(idle, 'sockets')), max: Math.max(...values(loaded, 'sockets')) },
    db: {
      max: Math.max(...values(samples, 'dbConnections')),
      maxActive: Math.max(...values(samples, 'dbActive')),
      poolSize: input.poolSize,
    },
    cpu: {
      serverPercent: Math.round(median(values(loaded, 'cpuPercent'))),
      driverPercent: Math.round(median(values(loaded, 'driverCpuPercent'))),
    },
  };
}

/** Every bound, measured; the soak passes when every check does. */
export function judge(input: JudgeInput): { checks: Check[]; figures: SoakFigures; passed: boolean } {
  const f = figures(input);
  const { load, verification: v } = input;
  const check = (name: string, ok: boolean, value: string, bound: string, judged = true): Check => ({
    name,
    ok: ok || !judged,
    value,
    bound,
    judged,
  });
  const missing = input.operations.filter((name) => !load.operations[name]);
  const fdCeiling = f.fds.idle + input.poolSize + 2 * input.connections + FD_SLACK;
  const readBack = v.readById === v.records && v.readInList === v.live && v.readInExport === v.live;
  const checks = [
    check('no 5xx', load.fiveXx === 0, `${load.fiveXx} of ${load.requests}`, '0'),
    check('no network errors', load.networkErrors === 0, String(load.networkErrors), '0'),
    check('only expected statuses', load.unexpected === 0, String(load.unexpected), '0 (409 only where a race expects it)'),
    check('consistent answers', load.violations === 0, String(load.violations), '0'),
    check(
      'every operation ran',
      missing.length === 0,
      missing.length ? `not: ${missing.join(', ')}` : `all ${input.operations.length}`,
      'each at least once',
    ),
    check(
      'every acknowledged write read back',
      v.records > 0 && v.mismatches === 0 && readBack,
      `${v.mismatches} mismatches; ${v.readById}/${v.records} by id, ${v.readInList}/${v.live} listed, ${v.readInExport}/${v.live} exported`,
      '0 mismatches, > 0 records',
    ),
    check(
      'RSS growth after warm-up',
      f.rss.growthMb <= RSS_GROWTH_LIMIT_MB,
      `${f.rss.startMb} → ${f.rss.endMb} MB (${f.rss.growthMb >= 0 ? '+' : ''}${f.rss.growthMb})`,
      `≤ +${RSS_GROWTH_LIMIT_MB} MB`,
    ),
    check(
      'RSS slope after warm-up',
      f.rss.slopeMbPerMin <= RSS_SLOPE_LIMIT_MB_PER_MIN,
      `${f.rss.slopeMbPerMin} MB/min over ${f.rss.measuredSeconds} s`,
      `≤ ${RSS_SLOPE_LIMIT_MB_PER_MIN} MB/min (judged from ${SLOPE_MIN_SECONDS} s)`,
      f.rss.measuredSeconds >= SLOPE_MIN_SECONDS,
    ),
    check('DB sessions within the pool', f.db.max <= input.poolSize, `max ${f.db.max}`, `≤ ${input.poolSize}`),
    check('descriptors bounded', f.fds.max <= fdCeiling, `max ${f.fds.max} (idle ${f.fds.idle})`, `≤ ${fdCeiling}`),
    check('descriptors not growing', f.fds.end - f.fds.start <= FD_GROWTH_LIMIT, `${f.fds.start} → ${f.fds.end}`, `≤ +${FD_GROWTH_LIMIT}`),
    check(
      'client sockets closed after',
      f.fds.after !== null && f.fds.after <= f.fds.idle + input.poolSize,
      `${f.fds.after ?? 'no sample'}`,
      `≤ ${f.fds.idle + input.poolSize}`,
    ),
    check(
      'server alive and healthy',
      input.serverAlive && input.healthAfter === 200,
      `${input.serverAlive ? 'running' : 'exited'}, health ${input.healthAfter ?? 'no answer'}`,
      'running, 200',
    ),
  ];
  return { checks, figures: f, passed: checks.every((c) => c.ok) };
}
