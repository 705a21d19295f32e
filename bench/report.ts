import type { AnalysisSide } from './analysis-measure';
import type { ExportMeasurement } from './export-measure';
import type { CopyMeasurement, ImportMeasurement } from './import-measure';
import type { LoadResult } from './load-driver';
import { ExportScenario, HttpScenario, TargetClass, TARGETS } from './scenarios';

export interface LoadMeasurement extends LoadResult {
  /** CPU time of the measured process (server or baseline), per request, warm-up included. */
  cpuMsPerRequest: number;
  /** Peak resident set of the process during the scenario (server only). */
  peakRssMb?: number;
}

export interface HttpResult {
  name: string;
  title: string;
  method: HttpScenario['method'];
  path: string;
  targets: TargetClass;
  /** Rows the request matches (X-Total-Count, or the timeline's total). */
  matches: number | null;
  /** The server answered an estimate (X-Total-Count-Estimated). */
  matchesEstimated?: boolean;
  /** Records in one response (rows of the page, timeline entries): what a request carries. */
  returned?: number;
  server: LoadMeasurement;
  baseline: LoadMeasurement;
  /** Server req/s ÷ baseline req/s. */
  ratio: number;
  misses: string[];
}

export interface ExportResult {
  name: string;
  title: string;
  format: ExportScenario['format'];
  path: string;
  rows: number;
  /** No exact count was at hand (the list's total was an estimate and no NDJSON export had the same filters). */
  rowsEstimated?: boolean;
  runs: number;
  server: ExportMeasurement;
  baseline?: ExportMeasurement;
  /** Server total time ÷ COPY total time. */
  ratio?: number;
  targets: boolean;
  misses: string[];
}

export interface ImportRunResult extends ImportMeasurement {
  name: 'import-dry-run' | 'import-commit' | 're-import';
  title: string;
  /** The limits that apply (TARGETS.import): wall time (scaled from `forRows` rows to this file's) and growth of the server's resident set. */
  target: { maxSeconds: number; maxRssGrowthMb: number; forRows: number };
  /** Wall time ÷ the COPY baseline's (temp tables). */
  ratio?: number;
  misses: string[];
}

/** The import scenario: one generated CSV, imported three times, and its COPY baselines. */
export interface ImportResult {
  rows: number;
  fileBytes: number;
  /** What the file holds (dates by precision, quotes by language, references named). */
  mix: Record<string, number>;
  runs: ImportRunResult[];
  /** COPY into temp tables (the baseline), then into the real tables, rolled back. */
  baselines: CopyMeasurement[];
}

/** One analysis scenario (issue 17): 1 connection, whole answers, p50 / p95. */
export interface AnalysisResult {
  name: string;
  title: string;
  path: string;
  /** What one answer held (groups, intervals, statements; nodes, links). */
  answer: Record<string, number | boolean>;
  /** Rows PostgreSQL returned to the server for one answer, over this many queries (captured; authentication left out). */
  sqlRows: number;
  sqlQueries: number;
  server: AnalysisSide;
  /** The bare-pg baseline server replaying the captured SQL, its rows sent as JSON. */
  baseline: AnalysisSide;
  /** The captured SQL replayed in the benchmark's process: no HTTP, no JSON. */
  sql: AnalysisSide;
  /** The server again, asked as a browser asks (Accept-Encoding: gzip, deflate, br, zstd); a few requests. */
  compressed?: AnalysisSide;
  target: { p50Ms: number };
  misses: string[];
}

export interface SizeResult {
  statements: number;
  startedAt: string;
  finishedAt: string;
  loadAverage: { start: number[]; end: number[] };
  settings: { connections: number; durationSeconds: number; warmupSeconds: number; poolSize: number; auth: string };
  parameters: Record<string, unknown>;
  http: HttpResult[];
  exports: ExportResult[];
  /** The analysis scenarios (issue 17). */
  analysis?: AnalysisResult[];
  /** The import scenario (absent when --only leaves it out). */
  import?: ImportResult;
  /** The SQL each scenario ran, as captured from the server (the baselines replay it). */
  sql: Record<string, { queries: string[]; droppedFromBaseline: string[] }>;
}

export interface GrowthRow {
  name: string;
  title: string;
  targets: TargetClass;
  small: { statements: number; p50: number; requestsPerSecond: number; returned?: number };
  large: { statements: number; p50: number; requestsPerSecond: number; returned?: number };
  p50Ratio: number;
  miss: boolean;
}

export function httpMisses(targets: TargetClass, server: LoadResult, ratio: number): string[] {
  if (targets === 'none') return [];
  const t = TARGETS[targets];
  const misses: string[] = [];
  if (server.latencyMs.p99 > t.p99Ms) misses.push(`p99 > ${t.p99Ms} ms`);
  if (ratio < t.minRatio) misses.push(`ratio < ${t.minRatio}`);
  return misses;
}

export function exportMisses(server: ExportMeasurement, ratio: number | undefined): string[] {
  const t = TARGETS.export;
  const misses: string[] = [];
  if (ratio !== undefined && ratio > t.maxRatio) misses.push(`> ${t.maxRatio}× COPY`);
  if ((server.peakRssMb ?? 0) > t.maxPeakRssMb) misses.push(`RSS > ${t.maxPeakRssMb} MB`);
  if (server.firstByteMs > t.maxFirstByteMs) misses.push(`first byte > ${t.maxFirstByteMs} ms`);
  return misses;
}

const limitSeconds = (s: number) => `${s < 10 ? s.toFixed(1).replace(/\.0$/, '') : Math.round(s)} s`;

export function analysisMisses(server: AnalysisSide, target: AnalysisResult['target']): string[] {
  const misses: string[] = [];
  if (!(server.latencyMs.p50 <= target.p50Ms)) misses.push(`p50 > ${ms(target.p50Ms)}`);
  if (server.errors) misses.push(`${server.errors} errors`);
  return misses;
}

export function importMisses(run: ImportMeasurement, target: ImportRunResult['target']): string[] {
  const misses: string[] = [];
  if (run.totalMs > target.maxSeconds * 1000) misses.push(`> ${limitSeconds(target.maxSeconds)}`);
  if (run.rssGrowthMb > target.maxRssGrowthMb) misses.push(`RSS growth > ${target.maxRssGrowthMb} MB`);
  return misses;
}

export function growthRows(small: SizeResult, large: SizeResult): GrowthRow[] {
  return large.http.flatMap((l) => {
    const s = small.http.find((r) => r.name === l.name);
    if (!s) return [];
    const p50Ratio = l.server.latencyMs.p50 / Math.max(s.server.latencyMs.p50, 1);
    return [
      {
        name: l.name,
        title: l.title,
        targets: l.targets,
        small: {
          statements: small.statements,
          p50: s.server.latencyMs.p50,
          requestsPerSecond: s.server.requestsPerSecond,
          returned: s.returned,
        },
        large: {
          statements: large.statements,
          p50: l.server.latencyMs.p50,
          requestsPerSecond: l.server.requestsPerSecond,
          returned: l.returned,
        },
        p50Ratio,
        miss: l.targets === 'filtered' && p50Ratio > TARGETS.filtered.maxGrowthP50,
      },
    ];
  });
}

const int = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => `${n < 10 ? n.toFixed(1).replace(/\.0$/, '') : int(n)} ms`;
const seconds = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${int(n)} ms`);
const count = (r: LoadResult) => r.errors + r.timeouts + r.non2xx;
const targetText = (targets: TargetClass | boolean, misses: string[]) =>
  targets === 'none' || targets === false ? '—' : misses.length ? `✗ ${misses.join(', ')}` : '✓';

export function httpTable(results: HttpResult[]): string {
  const lines = [
    '| scenario | rows | req/s | p50 | p99 | baseline req/s | baseline p50 | baseline p99 | ratio | targets | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.title} | ${r.matches === null ? '—' : `${r.matchesEstimated ? '≈ ' : ''}${int(r.matches)}`} | ${int(r.server.requestsPerSecond)} | ${ms(r.server.latencyMs.p50)} | ${ms(r.server.latencyMs.p99)} | ` +
        `${int(r.baseline.requestsPerSecond)} | ${ms(r.baseline.latencyMs.p50)} | ${ms(r.baseline.latencyMs.p99)} | ${r.ratio.toFixed(2)} | ` +
        `${targetText(r.targets, r.misses)} | ${count(r.server)} / ${count(r.baseline)} |`,
    );
  }
  return lines.join('\n');
}

export function exportTable(results: ExportResult[]): string {
  const lines = [
    '| export | rows | MB | first byte | total | COPY first byte | COPY total | × COPY | peak RSS | targets |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of results) {
    const b = r.baseline;
    lines.push(
      `| ${r.title} | ${r.rowsEstimated ? '≈ ' : ''}${int(r.rows)} | ${(r.server.bytes / 1e6).toFixed(1)} | ${ms(r.server.firstByteMs)} | ${seconds(r.server.totalMs)} | ` +
        `${b ? ms(b.firstByteMs) : '—'} | ${b ? seconds(b.totalMs) : '—'} | ${r.ratio === undefined ? '—' : r.ratio.toFixed(2)} | ` +
        `${r.server.peakRssMb === undefined ? '—' : `${int(r.server.peakRssMb)} MB`} | ${targetText(r.targets, r.misses)} |`,
    );
  }
  return lines.join('\n');
}

export function growthTable(rows: GrowthRow[]): string {
  if (!rows.length) return '';
  const [a, b] = [rows[0].small.statements, rows[0].large.statements].map((n) => n.toLocaleString('en'));
  const lines = [
    `| scenario | rows per answer @ ${a} / ${b} | p50 @ ${a} | p50 @ ${b} | p50 × | req/s @ ${a} | req/s @ ${b} | target (≤ ${TARGETS.filtered.maxGrowthP50}×, filtered) |`,
    '|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  const returned = (n: number | undefined) => (n === undefined ? '?' : int(n));
  for (const r of rows) {
    lines.push(
      `| ${r.title} | ${returned(r.small.returned)} / ${returned(r.large.returned)} | ${ms(r.small.p50)} | ${ms(r.large.p50)} | ${r.p50Ratio.toFixed(2)} | ${int(r.small.requestsPerSecond)} | ${int(r.large.requestsPerSecond)} | ` +
        `${r.targets === 'filtered' ? (r.miss ? '✗' : '✓') : '—'} |`,
    );
  }
  return lines.join('\n');
}

export function importTable(result: ImportResult): string {
  const lines = [
    '| import | rows | wall | rows/s | server CPU | RSS growth | peak RSS | COPY baseline | × COPY | target | verdict |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  const secondsOf = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const baseline = result.baselines[0];
  for (const r of result.runs) {
    lines.push(
      `| ${r.title} | ${int(r.rows)} | ${secondsOf(r.totalMs)} | ${int(r.rows / (r.totalMs / 1000))} | ${secondsOf(r.cpuMs)} | ` +
        `${int(r.rssGrowthMb)} MB | ${int(r.peakRssMb)} MB | ${baseline ? secondsOf(baseline.totalMs) : '—'} | ${r.ratio === undefined ? '—' : r.ratio.toFixed(1)} | ` +
        `≤ ${limitSeconds(r.target.maxSeconds)}${r.rows === r.target.forRows ? '' : ` (at the rate of ${limitSeconds((r.target.maxSeconds * r.target.forRows) / r.rows)} per ${int(r.target.forRows)})`}, ` +
        `≤ ${r.target.maxRssGrowthMb} MB | ${targetText(true, r.misses)} |`,
    );
  }
  for (const b of result.baselines) {
    lines.push(
      `| ${b.title} | ${int(b.rows)} (+ ${int(b.linkRows)} links) | ${secondsOf(b.totalMs)} | ${int(b.rows / (b.totalMs / 1000))} | — | — | — | — | — | — | — |`,
    );
  }
  return lines.join('\n');
}

export function analysisTable(results: AnalysisResult[], describe: (answer: AnalysisResult['answer']) => string): string {
  const lines = [
    '| analysis (1 connection) | answer | MB | p50 | p95 | first byte p50 | baseline p50 | baseline p95 | SQL alone p50 | SQL alone p95 | rows from SQL | server CPU / request | peak RSS | requests | compressed p50 · MB | target | verdict |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of results) {
    const s = r.server;
    const c = r.compressed;
    lines.push(
      `| ${r.title} | ${describe(r.answer)} | ${((s.bytes ?? 0) / 1e6).toPrecision(3)} | ${ms(s.latencyMs.p50)} | ${ms(s.latencyMs.p95)} | ${s.firstByteMs ? ms(s.firstByteMs.p50) : '—'} | ` +
        `${ms(r.baseline.latencyMs.p50)} | ${ms(r.baseline.latencyMs.p95)} | ${ms(r.sql.latencyMs.p50)} | ${ms(r.sql.latencyMs.p95)} | ${int(r.sqlRows)} in ${r.sqlQueries} ${r.sqlQueries === 1 ? 'query' : 'queries'} | ` +
        `${s.cpuMsPerRequest === undefined ? '—' : ms(s.cpuMsPerRequest)} | ${s.peakRssMb === undefined ? '—' : `${int(s.peakRssMb)} MB`} | ${s.samples} / ${r.baseline.samples} / ${r.sql.samples} | ` +
        `${c ? `${ms(c.latencyMs.p50)} · ${((c.bytes ?? 0) / 1e6).toPrecision(3)} (${c.encoding ?? 'none'})` : '—'} | p50 ≤ ${ms(r.target.p50Ms)} | ${targetText(true, r.misses)} |`,
    );
  }
  return lines.join('\n');
}
