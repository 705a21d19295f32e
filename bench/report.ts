import type { AnalysisSide } from './analysis-measure';
import type { ExportMeasurement } from './export-measure';
import type { CopyMeasurement, ImportMeasurement } from './import-measure';
import type { LoadResult } from './load-driver';
import type { DownloadSample, FreezeMeasurement, StoredFile } from './snapshot-measure';
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

/** One side of a snapshot download: the snapshot's file or the live export of the same query, the same number of samples. */
export interface DownloadSide {
  url: string;
  samples: DownloadSample[];
  /** Of one download (they do not vary), and its SHA-256. */
  bytes: number;
  sha256: string;
  minMs: number;
  medianMs: number;
  firstByteMedianMs: number;
  /** bytes ÷ the median time. */
  bytesPerSecond: number;
  /** Server CPU time per download (median). */
  cpuMs: number;
  /** The server's highest peak RSS over the samples. */
  peakRssMb: number;
}

export interface SnapshotDownloadResult {
  /** The file's name in the record (`csv`, `network-replies.graphml`). */
  format: string;
  /** Why it was not downloaded (a file the scenario knows no route for); then nothing below is set. */
  skipped?: string;
  snapshot?: DownloadSide;
  /** The live export (or network) of the same query, as many samples as the snapshot's file. */
  live?: DownloadSide;
  /** Snapshot median seconds ÷ live median seconds: the target (≤ TARGETS.snapshot.maxDownloadRatio). */
  ratio?: number;
  /** Snapshot bytes/s ÷ live bytes/s (the files need not be the same size: the canonical NDJSON is not the live one). */
  throughputRatio?: number;
  /** The snapshot's file and the live export are byte for byte the same. */
  identicalToLive?: boolean;
  misses: string[];
}

/** The snapshot scenario (issue 18): freezes of one query, its files against the live exports, its storage. */
export interface SnapshotResult {
  /** The statement list's query frozen ('' for everything), in words, and the statements it holds. */
  query: string;
  description: string;
  count: number;
  /** What the query was chosen to match (--snapshot-statements, 100,000; everything when the database holds no more). */
  wanted: number;
  runs: number;
  freezes: FreezeMeasurement[];
  freeze: { minMs: number; medianMs: number; target: { maxSeconds: number; forStatements: number }; misses: string[] };
  /** Every freeze gave the same canonical NDJSON hash (the data did not change between them). */
  sameHash: boolean;
  /** The first snapshot's files, as stored. */
  files: StoredFile[];
  storage: {
    /** The record's storedBytes (all files, gzip), and what its files are as served. */
    storedBytes: number;
    servedBytes: number;
    /** Median growth of pg_total_relation_size('snapshot_chunks') per freeze. */
    chunksRelationGrowthBytes: number;
    /** The three scaled to 100,000 statements. */
    per100000: { storedBytes: number; servedBytes: number; chunksRelationGrowthBytes: number };
  };
  downloads: SnapshotDownloadResult[];
  /** Every miss of the scenario, for a glance. */
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
  /** The snapshot scenario (absent when --only leaves it out). */
  snapshot?: SnapshotResult;
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

export function freezeMisses(medianMs: number, sameHash: boolean, target: SnapshotResult['freeze']['target']): string[] {
  const misses: string[] = [];
  if (!(medianMs <= target.maxSeconds * 1000)) misses.push(`median > ${limitSeconds(target.maxSeconds)}`);
  if (!sameHash) misses.push('hash differs between freezes');
  return misses;
}

export function downloadMisses(ratio: number | undefined): string[] {
  return ratio !== undefined && ratio > TARGETS.snapshot.maxDownloadRatio ? [`> ${TARGETS.snapshot.maxDownloadRatio}× live`] : [];
}

/** Storage is reported per this many statements (issue 18). */
const SNAPSHOT_PER = TARGETS.snapshot.forStatements;
const megabytes = (bytes: number) => (bytes / 1e6).toFixed(bytes < 1e6 ? 3 : 1);

export function snapshotTables(result: SnapshotResult): string {
  const secondsOf = (n: number) => (n < 1000 ? ms(n) : `${(n / 1000).toFixed(n < 10_000 ? 2 : 1)} s`);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const f = result.freeze;
  const per = SNAPSHOT_PER / result.count;
  const limit = `≤ ${limitSeconds(f.target.maxSeconds)}${result.count === f.target.forStatements ? '' : ` (${limitSeconds((f.target.maxSeconds * f.target.forStatements) / result.count)} per ${int(f.target.forStatements)})`}`;
  const lines = [
    '| freeze | statements | freezes | min | median | server CPU (median) | RSS growth (max) | peak RSS | same hash | target | verdict |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|',
    `| ${result.description}${result.query ? ` (\`${result.query}\`)` : ''} | ${int(result.count)} | ${result.freezes.length} | ${secondsOf(f.minMs)} | ${secondsOf(f.medianMs)} | ` +
      `${secondsOf(median(result.freezes.map((r) => r.cpuMs)))} | ${int(Math.max(...result.freezes.map((r) => r.rssGrowthMb)))} MB | ` +
      `${int(Math.max(...result.freezes.map((r) => r.peakRssMb)))} MB | ${result.sameHash ? 'yes' : 'no'} | ${limit} | ${targetText(true, f.misses)} |`,
    '',
    `| stored file | served MB | stored MB (gzip) | stored ÷ served | chunks | stored MB per ${int(SNAPSHOT_PER)} statements |`,
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const file of result.files) {
    lines.push(
      `| ${file.format} | ${megabytes(file.bytes)} | ${megabytes(file.storedBytes)} | ${(file.storedBytes / Math.max(file.bytes, 1)).toFixed(2)} | ${int(file.chunks)} | ${megabytes(file.storedBytes * per)} |`,
    );
  }
  const s = result.storage;
  lines.push(
    `| all files (storedBytes) | ${megabytes(s.servedBytes)} | ${megabytes(s.storedBytes)} | ${(s.storedBytes / Math.max(s.servedBytes, 1)).toFixed(2)} | ${int(result.files.reduce((n, file) => n + file.chunks, 0))} | ${megabytes(s.per100000.storedBytes)} |`,
    `| snapshot_chunks growth (pg_total_relation_size) | — | ${megabytes(s.chunksRelationGrowthBytes)} | — | — | ${megabytes(s.per100000.chunksRelationGrowthBytes)} |`,
    '',
    `| download (${result.runs} each, alternating) | snapshot MB | snapshot median | snapshot MB/s | live MB | live median | live MB/s | × live (time) | same bytes as live | server RSS peak (snapshot / live) | target | verdict |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---|',
  );
  for (const d of result.downloads) {
    const { snapshot: a, live: b } = d;
    if (!a) {
      lines.push(`| ${d.format} | not downloaded: ${d.skipped ?? '?'} | | | | | | | | | | |`);
      continue;
    }
    const rate = (side: DownloadSide) => (side.bytesPerSecond / 1e6).toPrecision(3);
    lines.push(
      `| ${d.format} | ${megabytes(a.bytes)} | ${secondsOf(a.medianMs)} | ${rate(a)} | ${b ? megabytes(b.bytes) : '—'} | ${b ? secondsOf(b.medianMs) : '—'} | ${b ? rate(b) : '—'} | ` +
        `${d.ratio === undefined ? '—' : d.ratio.toFixed(2)} | ${d.identicalToLive === undefined ? '—' : d.identicalToLive ? 'yes' : 'no'} | ` +
        `${int(a.peakRssMb)}${b ? ` / ${int(b.peakRssMb)}` : ''} MB | ${b ? `≤ ${TARGETS.snapshot.maxDownloadRatio}× live` : '—'} | ${b ? targetText(true, d.misses) : '—'} |`,
    );
  }
  return lines.join('\n');
}
