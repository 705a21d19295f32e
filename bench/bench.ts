/**
 * `npm run bench [-- --statements N] [--quick] [--growth] [--explain] [--duration S] [--warmup S]
 *                [--connections C] [--only a,b] [--import-rows N] [--analysis-samples N] [--snapshot-runs N]
 *                [--snapshot-statements N] [--out file.json] [--sql file.sql]`
 *
 * Issue 6's benchmark. For each database size it
 *  1. builds (or reuses) a database of N generated statements (bench-database.ts);
 *  2. starts the production server once with sql-capture.ts preloaded, sends each scenario's
 *     request once, and records the SQL the server ran for it (sql-plan.ts);
 *  3. starts the production server as `npm start` runs it (no preload), signs in, and starts
 *     the bare-pg baseline (baseline-server.ts) that replays the captured SQL;
 *  4. drives every HTTP scenario with autocannon in a process of its own (load-driver.ts),
 *     the server and then the baseline, with the same warm-up, duration and connections;
 *  5. times the analysis answers (issue 17) one request at a time, against the baseline and
 *     the captured SQL alone (analysis-measure.ts), and the exports through the server and
 *     `psql \copy` of the captured SELECT;
 *  6. freezes a query of about 100,000 statements as a snapshot (--snapshot-runs times) and
 *     downloads each of its files beside the live export of the same query, then measures what
 *     it takes stored (snapshot-measure.ts), before the create so that it sees no added row;
 *  7. imports a generated CSV of --import-rows statements (a dry run, the commit, the same file
 *     again) and loads the same rows with `psql \copy` (import-measure.ts), then removes them;
 *  8. prints the tables and writes bench/results/<date>-<N>.json.
 * `--growth` does this at 10,000 and at N statements and adds the p50 ratio per scenario.
 * `--quick` is 10,000 statements and about a second per scenario (for CI).
 * `--explain` stops after step 2 and writes EXPLAIN (ANALYZE, BUFFERS) of every captured
 * query to bench/results/explain-<N>.md instead. `--sql FILE` only runs FILE through psql on
 * the bench database (bench/proposal-checks.sql).
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { loadConfig } from '../server/src/config/app-config';
import { REPOSITORY_ROOT } from '../server/src/config/paths';
import { createDataSourceOptions } from '../server/src/database/data-source-options';
import { findFreePort } from '../server/src/database/free-port';
import { ServerProcess, startServerProcess } from '../test/support/server-process';
import { AnalysisSide, describeAnswer, sample, SqlReplayer, summariseAnswer, timeGet } from './analysis-measure';
import { BenchAuth, benchAuthEnv, login } from './auth';
import { BenchCluster, inlineParameters, openBenchCluster, prepareBenchDatabase } from './bench-database';
import { ExportMeasurement, havePsql, procStatus, timeExport, timePsqlCopy } from './export-measure';
import {
  CopyMeasurement,
  expectCounts,
  ImportCounts,
  removeBenchImports,
  timeCopyBaseline,
  timeImport,
  writeImportFile,
} from './import-measure';
import type { LoadJob } from './load-driver';
import { BENCH_DIST, cpuMs, LoadDriver, startBaseline } from './processes';
import {
  AnalysisResult,
  analysisMisses,
  analysisTable,
  DownloadSide,
  downloadMisses,
  exportMisses,
  exportTable,
  ExportResult,
  freezeMisses,
  growthRows,
  growthTable,
  httpMisses,
  HttpResult,
  httpTable,
  ImportResult,
  ImportRunResult,
  importMisses,
  importTable,
  LoadMeasurement,
  SizeResult,
  SnapshotDownloadResult,
  SnapshotResult,
  snapshotTables,
} from './report';
import {
  ANALYSIS_GROUP,
  ANALYSIS_SAMPLES,
  AnalysisScenario,
  chooseParameters,
  ExportScenario,
  HttpScenario,
  IMPORT_ROWS,
  IMPORT_SCENARIO,
  pathFor,
  QUICK_ANALYSIS_SAMPLES,
  QUICK_IMPORT_ROWS,
  QUICK_SNAPSHOT_RUNS,
  Scenario,
  scenarios,
  selected,
  SNAPSHOT_RUNS,
  SNAPSHOT_SCENARIO,
  SNAPSHOT_STATEMENTS,
  SNAPSHOT_TITLE_PREFIX,
  TARGETS,
} from './scenarios';
import {
  checkSnapshotFile,
  chooseSnapshotQuery,
  DownloadSample,
  fileRoutes,
  FreezeMeasurement,
  removeBenchSnapshots,
  storedFiles,
  timeDownload,
  timeFreeze,
  WARM_UP_QUERY,
} from './snapshot-measure';
import { CapturedQuery, describePlan, isAuthQuery, planFromCapture, SqlPlan } from './sql-plan';

interface Options {
  sizes: number[];
  quick: boolean;
  growth: boolean;
  explain: boolean;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Repetitions of the one-speaker exports (the median is kept); the exports of everything run once. */
  smallExportRuns: number;
  /** Fewest responses a measured run must have, else it is repeated longer (one per connection; one in quick mode). */
  minResponses: number;
  only?: Set<string>;
  /** Rows of the import scenario's CSV. */
  importRows: number;
  /** Fewest measured requests per analysis scenario and side. */
  analysisSamples: number;
  /** Freezes of the snapshot scenario, and downloads per file and side. */
  snapshotRuns: number;
  /** Statements the snapshot's query is chosen to match (everything when the database holds no more). */
  snapshotStatements: number;
  out?: string;
  /** A SQL file to run through psql on the bench database instead of benchmarking (proposal checks). */
  sql?: string;
}

const began = performance.now();
/** Progress lines, stamped with the seconds since the run began. */
const log = (line: string) => console.log(`[${((performance.now() - began) / 1000).toFixed(1).padStart(5)} s] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      statements: { type: 'string' },
      quick: { type: 'boolean', default: false },
      growth: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string', default: '16' },
      only: { type: 'string' },
      'import-rows': { type: 'string' },
      'analysis-samples': { type: 'string' },
      'snapshot-runs': { type: 'string' },
      'snapshot-statements': { type: 'string' },
      out: { type: 'string' },
      sql: { type: 'string' },
    },
  });
  const number = (raw: string | undefined, name: string, fallback: number, integer = true) => {
    if (raw === undefined) return fallback;
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
      throw new Error(`--${name} takes a positive ${integer ? 'whole ' : ''}number`);
    return n;
  };
  const quick = values.quick;
  const statements = number(values.statements, 'statements', quick ? 10_000 : 1_000_000);
  if (values.growth && statements <= 10_000) throw new Error('--growth compares 10,000 statements with --statements N: N must be larger');
  return {
    sizes: values.growth ? [10_000, statements] : [statements],
    quick,
    growth: values.growth,
    explain: values.explain,
    durationSeconds: number(values.duration, 'duration', quick ? 1 : 10, false),
    warmupSeconds: values.warmup === '0' ? 0 : number(values.warmup, 'warmup', quick ? 0.25 : 3, false),
    connections: number(values.connections, 'connections', 16),
    smallExportRuns: quick ? 1 : 3,
    minResponses: quick ? 1 : number(values.connections, 'connections', 16),
    only: values.only ? new Set(values.only.split(',').map((s) => s.trim())) : undefined,
    importRows: number(values['import-rows'], 'import-rows', quick ? QUICK_IMPORT_ROWS : IMPORT_ROWS),
    analysisSamples: number(values['analysis-samples'], 'analysis-samples', quick ? QUICK_ANALYSIS_SAMPLES : ANALYSIS_SAMPLES),
    snapshotRuns: number(values['snapshot-runs'], 'snapshot-runs', quick ? QUICK_SNAPSHOT_RUNS : SNAPSHOT_RUNS),
    snapshotStatements: number(values['snapshot-statements'], 'snapshot-statements', SNAPSHOT_STATEMENTS),
    out: values.out,
    sql: values.sql,
  };
}

/** The environment of the production server on the bench database, as `npm start` and the Dockerfile set it. */
const serverEnv = (url: string, port: number): Record<string, string> => ({
  DATABASE_URL: url,
  PORT: String(port),
  HOST: '127.0.0.1',
  SEED_FIXTURES: 'false',
  NODE_ENV: 'production',
  BENCH_CAPTURE_FILE: '',
  ...benchAuthEnv(),
});

async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  if (!/Chronicle is ready/.test(server.output())) throw new Error(`the server did not start:\n${server.output()}`);
  return server;
}

async function stopServer(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  await server.exited;
}

interface Captured {
  plan: SqlPlan;
  matches: number | null;
  /** Records in the captured response (a list's rows, the timeline's entries; 1 for a record). */
  returned?: number;
  /** The server said its total is an estimate (X-Total-Count-Estimated). */
  estimated: boolean;
  /** For an export: the SELECT its cursor was declared for. */
  select?: { sql: string; values: unknown[] };
  /** For an analysis answer: what it held, and the rows PostgreSQL returned for it over how many queries. */
  answer?: Record<string, number | boolean>;
  sqlRows?: number;
  sqlQueries?: number;
}

const readCapture = async (file: string): Promise<CapturedQuery[]> =>
  (await readFile(file, 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CapturedQuery);

const requestInit = (s: HttpScenario, auth: BenchAuth): RequestInit => ({
  method: s.method,
  headers: { ...auth.headers, ...(s.body ? { 'content-type': 'application/json' } : {}) },
  body: s.body ? JSON.stringify(s.body) : undefined,
});

/**
 * Step 2: the SQL of each scenario, as the server runs it. Each request is sent twice and
 * the second one recorded, so connections are open and nothing is first-time.
 */
async function captureSql(url: string, list: Scenario[], dir: string, signedIn: () => void): Promise<Record<string, Captured>> {
  const file = path.join(dir, 'capture.jsonl');
  const port = await findFreePort();
  const preload = `--require ${path.join(BENCH_DIST, 'sql-capture.js')}`;
  const server = await startServer({
    ...serverEnv(url, port),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${preload}`.trim(),
    BENCH_CAPTURE_FILE: file,
  });
  const base = `http://127.0.0.1:${port}`;
  const captured: Record<string, Captured> = {};
  log(`Capture server ready.`);
  try {
    const auth = await login(base);
    signedIn();
    for (const s of list) {
      if (s.kind === 'http') {
        await (await fetch(`${base}${pathFor(s)}`, requestInit(s, auth))).arrayBuffer();
        const mark = (await readCapture(file)).length;
        const response = await fetch(`${base}${pathFor(s)}`, requestInit(s, auth));
        const text = await response.text();
        if (!response.ok) throw new Error(`${s.name}: ${s.method} ${pathFor(s)} answered ${response.status}: ${text.slice(0, 500)}`);
        await sleep(20);
        const total = response.headers.get('x-total-count');
        const body = JSON.parse(text) as unknown;
        const matches =
          total !== null
            ? Number(total)
            : typeof (body as { total?: unknown }).total === 'number'
              ? (body as { total: number }).total
              : null;
        const estimated = response.headers.get('x-total-count-estimated') === 'true';
        const returned = Array.isArray(body)
          ? body.length
          : Array.isArray((body as { entries?: unknown }).entries)
            ? (body as { entries: unknown[] }).entries.length
            : 1;
        captured[s.name] = {
          plan: planFromCapture((await readCapture(file)).slice(mark), s.vary?.values[0]),
          matches,
          returned,
          estimated,
        };
      } else if (s.kind === 'analysis') {
        await (await fetch(`${base}${s.path}`, { headers: auth.headers })).arrayBuffer();
        // A streamed answer ends before its transaction's COMMIT settles: let that land before the mark.
        await sleep(100);
        const mark = (await readCapture(file)).length;
        const response = await fetch(`${base}${s.path}`, { headers: auth.headers });
        const body = Buffer.from(await response.arrayBuffer());
        if (!response.ok) throw new Error(`${s.name}: GET ${s.path} answered ${response.status}: ${body.toString('utf8', 0, 500)}`);
        await sleep(100);
        const queries = (await readCapture(file)).slice(mark);
        const data = queries.filter((q) => !isAuthQuery(q.text) && !CONTROL.test(q.text));
        captured[s.name] = {
          plan: planFromCapture(queries),
          matches: null,
          estimated: false,
          answer: summariseAnswer(s, body),
          sqlRows: data.reduce((n, q) => n + (q.rowCount ?? 0), 0),
          sqlQueries: data.length,
        };
      } else {
        const mark = (await readCapture(file)).length;
        const controller = new AbortController();
        const response = await fetch(`${base}${s.path}`, { headers: auth.headers, signal: controller.signal });
        if (!response.ok) throw new Error(`${s.name}: GET ${s.path} answered ${response.status}: ${await response.text()}`);
        // The first bytes are enough to see the cursor's query; the rest is measured later.
        const reader = response.body!.getReader();
        await reader.read();
        controller.abort();
        await reader.cancel().catch(() => undefined);
        await sleep(100);
        const queries = (await readCapture(file)).slice(mark);
        const declare = queries.find((q) => /^\s*DECLARE\s+\S+\s+(?:NO\s+SCROLL\s+)?CURSOR\s+FOR\s/i.test(q.text));
        if (!declare) throw new Error(`${s.name}: no cursor among the export's queries:\n${queries.map((q) => q.text).join('\n')}`);
        const filters = new URL(s.path, base).searchParams;
        filters.delete('format');
        const counted = await fetch(`${base}/api/statements?_end=1&${filters}`, { headers: auth.headers });
        const total = counted.headers.get('x-total-count');
        captured[s.name] = {
          estimated: counted.headers.get('x-total-count-estimated') === 'true',
          // Aborting the response ends the cursor's connection: its last FETCH fails, as it should.
          plan: planFromCapture(queries.filter((q) => !q.error)),
          matches: Number(total),
          select: { sql: declare.text.replace(/^\s*DECLARE\s+\S+\s+(?:NO\s+SCROLL\s+)?CURSOR\s+FOR\s+/i, ''), values: declare.values },
        };
      }
    }
  } catch (error) {
    throw new Error(
      `capturing the server's SQL failed: ${(error as Error).message}\n--- server output ---\n${server.output().slice(-3000)}`,
      { cause: error },
    );
  } finally {
    await stopServer(server);
  }
  return captured;
}

const CONTROL = /^\s*(?:START\s+TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/** `--explain`: EXPLAIN (ANALYZE, BUFFERS) of every captured query, on the quiet database. */
async function explainAll(url: string, statements: number, list: Scenario[], captured: Record<string, Captured>): Promise<string> {
  // The server's session settings (no parallel workers), so the plans are the ones the server gets.
  const options = (createDataSourceOptions(url) as { extra?: { options?: string } }).extra?.options;
  const client = new Client({ connectionString: url, ...(options ? { options } : {}) });
  await client.connect();
  const out: string[] = [
    `# EXPLAIN (ANALYZE, BUFFERS) at ${statements.toLocaleString('en')} statements`,
    '',
    ...(options ? [`Session settings as the server's: \`${options}\`.`, ''] : []),
  ];
  const plan = async (sql: string, values: unknown[]) =>
    (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values)).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  try {
    const version = (await client.query('SHOW server_version')).rows[0].server_version as string;
    const settings = (
      await client.query(
        `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers','work_mem','effective_cache_size','random_page_cost','max_parallel_workers_per_gather','jit') ORDER BY name`,
      )
    ).rows.map((r: { name: string; setting: string; unit: string | null }) => `${r.name}=${r.setting}${r.unit ?? ''}`);
    const sizes = (
      await client.query(
        `SELECT c.relname, pg_size_pretty(pg_relation_size(c.oid)) AS size, c.reltuples::bigint AS rows FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r','i') AND (c.relname LIKE 'statement%' OR c.relname LIKE 'idx_statement%' OR c.relname LIKE 'pk_statement%')
          ORDER BY pg_relation_size(c.oid) DESC`,
      )
    ).rows.map(
      (r: { relname: string; size: string; rows: string }) => `| ${r.relname} | ${r.size} | ${Number(r.rows).toLocaleString('en')} |`,
    );
    out.push(
      `PostgreSQL ${version}; ${settings.join(', ')}.`,
      '',
      '| relation | size | rows (estimate) |',
      '|---|---:|---:|',
      ...sizes,
      '',
    );
    const seen = new Set<string>();
    for (const s of list) {
      const c = captured[s.name];
      out.push(
        `## ${s.name}: ${s.title}`,
        '',
        s.kind === 'analysis'
          ? `\`GET ${s.path}\` — ${describeAnswer(c.answer!)}; PostgreSQL returned ${c.sqlRows} rows in ${c.sqlQueries} queries`
          : `\`${s.kind === 'http' ? `${s.method} ${pathFor(s)}` : `GET ${s.path}`}\` — ${c.matches ?? '?'} rows match`,
        '',
      );
      if (s.kind === 'export') {
        const key = JSON.stringify(c.select);
        if (seen.has(key)) {
          out.push('Same SELECT as above.', '');
          continue;
        }
        seen.add(key);
        // A cursor is planned for its first 10% (cursor_tuple_fraction); EXPLAIN plans for all rows.
        out.push(
          '```sql',
          c.select!.sql.trim(),
          `-- values: ${JSON.stringify(c.select!.values)}`,
          '```',
          '',
          '```',
          await plan(c.select!.sql, c.select!.values),
          '```',
          '',
        );
        continue;
      }
      for (const step of c.plan.steps) {
        if (step.kind === 'transaction') await client.query('BEGIN');
        const ids = new Map<number, number>();
        try {
          for (const query of step.queries) {
            // A transaction's settings and a cursor's reads have no plan; a cursor's query is explained as its SELECT.
            if (CONTROL.test(query.text) || /^\s*(?:SET|FETCH|CLOSE)\b/i.test(query.text)) continue;
            const q = {
              ...query,
              text: query.text.replace(/^\s*DECLARE\s+\S+\s+(?:NO\s+SCROLL\s+)?CURSOR\s+(?:WITH(?:OUT)?\s+HOLD\s+)?FOR\s+/i, ''),
            };
            const values = q.values.map((v) => (typeof v === 'number' && ids.has(v) ? ids.get(v) : v));
            out.push(
              '```sql',
              q.text.trim(),
              `-- values: ${JSON.stringify(values)}${step.kind === 'concurrent' && step.queries.length > 1 ? ' (runs concurrently with the other queries of its step)' : ''}`,
              '```',
              '',
            );
            if (/^\s*EXPLAIN\b/i.test(q.text)) {
              // The server's own planner estimate (e.g. for X-Total-Count): it reads no rows.
              const started = performance.now();
              await client.query(q.text, values);
              out.push(`A planner estimate: no rows are read. Client-side time ${(performance.now() - started).toFixed(2)} ms.`, '');
              continue;
            }
            if (step.kind === 'concurrent') {
              await plan(q.text, values); // once to warm the cache, then measured
              out.push('```', await plan(q.text, values), '```', '');
              continue;
            }
            // A write is explained inside the rolled-back transaction, then run for real so
            // that what follows (links of the new row) refers to a row that exists.
            await client.query('SAVEPOINT explain');
            try {
              out.push('```', await plan(q.text, values), '```', '');
              if (q.returnedId !== undefined) ids.set(q.returnedId, (await client.query(q.text, values)).rows[0].id as number);
              await client.query('RELEASE SAVEPOINT explain');
            } catch (error) {
              await client.query('ROLLBACK TO SAVEPOINT explain');
              out.push(`EXPLAIN failed: ${(error as Error).message}`, '');
            }
          }
        } finally {
          if (step.kind === 'transaction') await client.query('ROLLBACK');
        }
      }
    }
  } finally {
    await client.end();
  }
  return out.join('\n');
}

const median = (runs: ExportMeasurement[]) => [...runs].sort((a, b) => a.totalMs - b.totalMs)[Math.floor(runs.length / 2)];

/**
 * Waits until no other session of the database is busy: autocannon stops with requests in
 * flight, and their queries must not run into the next measurement.
 */
async function waitForQuiet(db: Client): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < 180_000) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS busy FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state NOT IN ('idle')`,
    );
    if (!rows[0].busy) break;
    await sleep(50);
  }
  if (Date.now() - started > 500) log(`    waited ${((Date.now() - started) / 1000).toFixed(1)} s for the database to go quiet`);
}

/**
 * One side of a scenario: a warm-up run, then the measured run, with the database quiet
 * before each. A run with fewer responses than `minResponses` (one per connection, so every
 * number stands on at least one full round; one in --quick mode, which only checks that the
 * harness works) is repeated longer, up to 8× the duration.
 */
async function measureLoad(
  db: Client,
  driver: LoadDriver,
  pid: number,
  job: LoadJob,
  options: Pick<Options, 'warmupSeconds' | 'minResponses'>,
  trackRss: boolean,
): Promise<LoadMeasurement> {
  const { warmupSeconds, minResponses } = options;
  if (warmupSeconds > 0) {
    await waitForQuiet(db);
    await driver.run({ ...job, durationSeconds: warmupSeconds });
  }
  const longest = job.durationSeconds * 8;
  let duration = job.durationSeconds;
  for (;;) {
    await waitForQuiet(db);
    if (trackRss) await writeFile(`/proc/${pid}/clear_refs`, '5');
    const cpuBefore = await cpuMs(pid);
    const result = await driver.run({ ...job, durationSeconds: duration });
    await waitForQuiet(db);
    const cpu = (await cpuMs(pid)) - cpuBefore;
    const responses = result.requests + result.non2xx;
    if (responses >= minResponses || duration >= longest) {
      return {
        ...result,
        cpuMsPerRequest: responses ? cpu / responses : 0,
        ...(trackRss ? { peakRssMb: await procStatus(pid, 'VmHWM') } : {}),
      };
    }
    log(`    ${responses} responses in ${duration} s from ${job.connections} connections: measuring again, longer`);
    // Long enough for about 1.5 times the responses wanted at the rate seen (4× when nothing came back).
    duration = Math.min(longest, duration * (responses ? Math.ceil((1.5 * minResponses) / responses) : 4));
  }
}

/**
 * The import scenario: writes the CSV (from the database's own actors, topics, stances and
 * sources), times its rows through `psql \copy` (into temp tables, the baseline; then into the
 * real tables, rolled back, and vacuumed so that nothing of it stays), then the dry run, the
 * commit and the re-import of the same file through the server, checking each one's counts.
 * What the commit wrote is removed at the end of the run (removeBenchImports).
 */
async function runImportScenario(
  db: Client,
  url: string,
  dir: string,
  base: string,
  pid: number,
  auth: BenchAuth,
  rows: number,
  psql: boolean,
): Promise<ImportResult> {
  const leftover = await removeBenchImports(db);
  if (leftover.imports || leftover.statements)
    log(`Removed what an interrupted import scenario left: ${leftover.statements} statements, ${leftover.imports} imports.`);
  log(`Import: writing a CSV of ${rows.toLocaleString('en')} statements …`);
  const file = await writeImportFile(db, dir, rows);
  log(`  ${file.name}: ${(file.bytes / 1e6).toFixed(1)} MB`);
  const baselines: CopyMeasurement[] = [];
  if (psql) {
    for (const into of ['temp', 'tables'] as const) {
      await waitForQuiet(db);
      const copy = await timeCopyBaseline(url, file, dir, into);
      baselines.push(copy);
      log(`  ${copy.title}: ${(copy.totalMs / 1000).toFixed(2)} s`);
    }
    // The rolled-back rows are dead tuples in the tables and their indexes: gone before the imports run.
    await db.query('VACUUM (ANALYZE) statements, statement_participants, statement_topics, statement_sources');
  } else log('psql is not installed: the import runs without its COPY baseline.');
  const t = TARGETS.import;
  const none: ImportCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const steps = [
    { name: 'import-dry-run', title: 'dry run', dryRun: true, expected: { ...none, created: rows }, maxSeconds: t.maxDryRunSeconds },
    { name: 'import-commit', title: 'commit', dryRun: false, expected: { ...none, created: rows }, maxSeconds: t.maxCommitSeconds },
    {
      name: 're-import',
      title: 're-import (all unchanged)',
      dryRun: false,
      expected: { ...none, unchanged: rows },
      maxSeconds: t.maxCommitSeconds,
    },
  ] as const;
  const runs: ImportRunResult[] = [];
  for (const step of steps) {
    await waitForQuiet(db);
    const measured = await timeImport(base, file, step.dryRun, pid, auth.headers);
    await expectCounts(base, auth.headers, `${step.title} of ${file.name}`, measured, step.expected);
    // The time limits are set for 100,000 rows: another size is held to the same rate.
    const target = { maxSeconds: (step.maxSeconds * rows) / IMPORT_ROWS, maxRssGrowthMb: t.maxRssGrowthMb, forRows: IMPORT_ROWS };
    runs.push({
      name: step.name,
      title: step.title,
      ...measured,
      target,
      ...(baselines.length ? { ratio: measured.totalMs / baselines[0].totalMs } : {}),
      misses: importMisses(measured, target),
    });
    log(
      `  ${step.title}: ${(measured.totalMs / 1000).toFixed(1)} s (${Math.round(rows / (measured.totalMs / 1000))} rows/s), ` +
        `server CPU ${(measured.cpuMs / 1000).toFixed(1)} s, RSS +${Math.round(measured.rssGrowthMb)} MB (peak ${Math.round(measured.peakRssMb)} MB)`,
    );
  }
  return { rows, fileBytes: file.bytes, mix: file.mix, runs, baselines };
}

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One side of a file's downloads, summarised: medians, the bytes and hash (the same every time), the highest peak RSS. */
function downloadSide(url: string, samples: DownloadSample[]): DownloadSide {
  const medianMs = medianOf(samples.map((d) => d.totalMs));
  return {
    url,
    samples,
    bytes: samples[0].bytes,
    sha256: samples[0].sha256,
    minMs: Math.min(...samples.map((d) => d.totalMs)),
    medianMs,
    firstByteMedianMs: medianOf(samples.map((d) => d.firstByteMs)),
    bytesPerSecond: samples[0].bytes / (medianMs / 1000),
    cpuMs: medianOf(samples.map((d) => d.cpuMs)),
    peakRssMb: Math.max(...samples.map((d) => d.peakRssMb)),
  };
}

/**
 * The snapshot scenario (issue 18). Chooses a query of about --snapshot-statements statements
 * (everything, or everything up to a day), freezes a small query once to warm the code paths,
 * then freezes the chosen one `runs` times (POST /api/snapshots, wall clock to its 201, server
 * CPU and RSS, growth of snapshot_chunks), checking that each holds as many statements as SQL
 * counts. Then, for each file of the first snapshot, whatever files it has: a warm-up download
 * of that file of the small snapshot and of the small live export, then `runs` downloads of the
 * snapshot's file and `runs` of the live export of the same query, alternating which goes
 * first, each read whole and hashed; every snapshot download must have the record's hash and
 * size. The snapshots stay until the end of the run (removeBenchSnapshots).
 */
async function runSnapshotScenario(
  db: Client,
  base: string,
  pid: number,
  auth: BenchAuth,
  { snapshotRuns: runs, snapshotStatements: wanted }: Pick<Options, 'snapshotRuns' | 'snapshotStatements'>,
): Promise<SnapshotResult> {
  const leftover = await removeBenchSnapshots(db, 'always');
  if (leftover) log(`Removed ${leftover} snapshots an interrupted snapshot scenario left.`);
  const choice = await chooseSnapshotQuery(db, wanted);
  log(
    `Snapshot: ${choice.description}${choice.query ? ` (${choice.query})` : ''}, ${choice.expected.toLocaleString('en')} statements, ` +
      `${runs} ${runs === 1 ? 'freeze' : 'freezes'} …`,
  );
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  await waitForQuiet(db);
  const warmUp = await timeFreeze(db, base, auth.headers, pid, `${SNAPSHOT_TITLE_PREFIX}warm-up`, WARM_UP_QUERY);
  const freezes: FreezeMeasurement[] = [];
  for (let i = 1; i <= runs; i++) {
    await waitForQuiet(db);
    const f = await timeFreeze(db, base, auth.headers, pid, `${SNAPSHOT_TITLE_PREFIX}${i}`, choice.query);
    if (f.count !== choice.expected)
      throw new Error(
        `snapshot ${f.id} holds ${f.count} statements where SQL counts ${choice.expected} matching ${JSON.stringify(choice.query)}`,
      );
    freezes.push(f);
    log(
      `  freeze ${i} (snapshot ${f.id}): ${(f.totalMs / 1000).toFixed(1)} s, server CPU ${(f.cpuMs / 1000).toFixed(1)} s, ` +
        `RSS +${Math.round(f.rssGrowthMb)} MB (peak ${Math.round(f.peakRssMb)} MB); ${f.files.length} files, stored ${mb(f.storedBytes)} MB, ` +
        `snapshot_chunks +${mb(f.chunksRelationGrowthBytes)} MB`,
    );
  }
  const count = choice.expected;
  const t = TARGETS.snapshot;
  const target = { maxSeconds: (t.maxFreezeSeconds * count) / t.forStatements, forStatements: t.forStatements };
  const medianMs = medianOf(freezes.map((f) => f.totalMs));
  const sameHash = freezes.every((f) => f.sha256 === freezes[0].sha256);
  const freeze = { minMs: Math.min(...freezes.map((f) => f.totalMs)), medianMs, target, misses: freezeMisses(medianMs, sameHash, target) };

  const [first] = freezes;
  const files = await storedFiles(db, first.id);
  const servedBytes = first.files.reduce((n, file) => n + file.bytes, 0);
  const chunksRelationGrowthBytes = medianOf(freezes.map((f) => f.chunksRelationGrowthBytes));
  const per = t.forStatements / count;

  const downloads: SnapshotDownloadResult[] = [];
  // The statement files first (the issue's "exports"), then the others (networks), each in the record's order.
  const statementFile = (name: string) => !name.startsWith('network-');
  const inOrder = [...first.files.filter((f) => statementFile(f.format)), ...first.files.filter((f) => !statementFile(f.format))];
  for (const file of inOrder) {
    const routes = fileRoutes(base, first.id, file.format, choice.query);
    if (!routes) {
      log(`  ${file.format}: not downloaded, the scenario knows no route for this file`);
      downloads.push({ format: file.format, skipped: 'no known download route', misses: [] });
      continue;
    }
    const warmFile = warmUp.files.find((w) => w.format === file.format);
    const warmRoutes = fileRoutes(base, warmUp.id, file.format, WARM_UP_QUERY)!;
    await waitForQuiet(db);
    if (warmFile) checkSnapshotFile(await timeDownload(warmRoutes.snapshot, auth.headers, pid), warmFile, warmUp.id);
    await timeDownload(warmRoutes.live, auth.headers, pid);
    const sides = { snapshot: [] as DownloadSample[], live: [] as DownloadSample[] };
    for (let i = 0; i < runs; i++) {
      // Alternating which side goes first, so that neither always follows the other.
      for (const side of i % 2 === 0 ? (['snapshot', 'live'] as const) : (['live', 'snapshot'] as const)) {
        await waitForQuiet(db);
        const sample = await timeDownload(routes[side], auth.headers, pid);
        if (side === 'snapshot') checkSnapshotFile(sample, file, first.id);
        sides[side].push(sample);
      }
    }
    const snapshot = downloadSide(routes.snapshot, sides.snapshot);
    const live = downloadSide(routes.live, sides.live);
    const ratio = snapshot.medianMs / live.medianMs;
    downloads.push({
      format: file.format,
      snapshot,
      live,
      ratio,
      throughputRatio: snapshot.bytesPerSecond / live.bytesPerSecond,
      identicalToLive: snapshot.sha256 === live.sha256,
      misses: downloadMisses(ratio),
    });
    log(
      `  ${file.format}: snapshot ${mb(snapshot.bytes)} MB in ${(snapshot.medianMs / 1000).toFixed(2)} s, ` +
        `live ${mb(live.bytes)} MB in ${(live.medianMs / 1000).toFixed(2)} s (× ${ratio.toFixed(2)}${snapshot.sha256 === live.sha256 ? ', the same bytes' : ''})`,
    );
  }
  return {
    query: choice.query,
    description: choice.description,
    count,
    wanted,
    runs,
    freezes,
    freeze,
    sameHash,
    files,
    storage: {
      storedBytes: first.storedBytes,
      servedBytes,
      chunksRelationGrowthBytes,
      per100000: {
        storedBytes: first.storedBytes * per,
        servedBytes: servedBytes * per,
        chunksRelationGrowthBytes: chunksRelationGrowthBytes * per,
      },
    },
    downloads,
    misses: [...freeze.misses, ...downloads.flatMap((d) => d.misses.map((miss) => `${d.format} ${miss}`))],
  };
}

async function runSize(cluster: BenchCluster, statements: number, options: Options): Promise<SizeResult | string> {
  const startedAt = new Date().toISOString();
  const loadStart = os.loadavg();
  const url = await prepareBenchDatabase(cluster.adminUrl, statements, log);
  const db = new Client({ connectionString: url });
  await db.connect();
  const [{ max: maxIdBefore }] = (await db.query('SELECT COALESCE(max(id), 0) AS max FROM statements')).rows as { max: number }[];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-bench-'));
  let server: ServerProcess | undefined;
  let starting: Promise<ServerProcess> | undefined;
  let baseline: Awaited<ReturnType<typeof startBaseline>> | undefined;
  let driver: LoadDriver | undefined;
  try {
    const parameters = await chooseParameters(db, statements);
    const list = scenarios(parameters).filter((s) => selected(options.only, s));
    // The import runs last, after the create: no other scenario sees the rows it adds (and --explain has no SQL of it).
    const runImport = !options.explain && (!options.only || options.only.has(IMPORT_SCENARIO));
    // The snapshot runs after the reads and exports and before the create (it must see exactly the generated statements).
    const runSnapshot = !options.explain && (!options.only || options.only.has(SNAPSHOT_SCENARIO));
    if (!list.length && !runImport && !runSnapshot)
      throw new Error(
        `--only names none of the scenarios: ${[...scenarios(parameters).map((s) => s.name), ANALYSIS_GROUP, SNAPSHOT_SCENARIO, IMPORT_SCENARIO].join(', ')}` +
          (options.explain ? ` (--explain leaves out ${SNAPSHOT_SCENARIO} and ${IMPORT_SCENARIO})` : ''),
      );
    // Reads first (the analysis answers are reads), then the exports, and the create last, so
    // no scenario sees the rows it adds.
    const order = [
      ...list.filter((s): s is HttpScenario => s.kind === 'http' && s.method === 'GET'),
      ...list.filter((s): s is AnalysisScenario => s.kind === 'analysis'),
      ...list.filter((s): s is ExportScenario => s.kind === 'export'),
      ...list.filter((s): s is HttpScenario => s.kind === 'http' && s.method !== 'GET'),
    ];

    // The measured server starts while the capture runs, once the capture server has signed
    // in (so a fresh database's first admin exists and two first starts cannot race for it).
    let port = 0;
    const startMeasured = () => {
      starting = findFreePort().then((free) => {
        port = free;
        return startServer(serverEnv(url, free));
      });
      starting.catch(() => undefined);
    };
    let captured: Record<string, Captured> = {};
    if (list.length) {
      log(`Capturing the server's SQL for ${list.length} scenarios …`);
      captured = await captureSql(url, order, dir, () => {
        if (!options.explain) startMeasured();
      });
    } else startMeasured();
    if (options.explain) return await explainAll(url, statements, list, captured);
    await db.query('DELETE FROM statements WHERE id > $1', [maxIdBefore]);

    const { poolSize, statementTimeoutMs } = loadConfig(process.env).database;
    // The server's session settings (max_parallel_workers_per_gather=0): the baselines' sessions get the same.
    const sessionOptions = (createDataSourceOptions(url) as { extra?: { options?: string } }).extra?.options ?? '';
    server = await starting!;
    const base = `http://127.0.0.1:${port}`;
    const auth = await login(base);
    const plansFile = path.join(dir, 'plans.json');
    await writeFile(plansFile, JSON.stringify(Object.fromEntries(Object.entries(captured).map(([name, c]) => [name, c.plan]))));
    const baselinePort = await findFreePort();
    // The bare-pg baseline for HTTP and analysis scenarios, autocannon for HTTP scenarios (not
    // for the exports or the import alone).
    if (order.some((s) => s.kind === 'http' || s.kind === 'analysis')) {
      baseline = await startBaseline(plansFile, baselinePort, {
        DATABASE_URL: url,
        BASELINE_POOL_SIZE: String(poolSize),
        BASELINE_STATEMENT_TIMEOUT_MS: String(statementTimeoutMs),
        BASELINE_PG_OPTIONS: sessionOptions,
      });
    }
    if (order.some((s) => s.kind === 'http')) driver = LoadDriver.start();
    const baselineBase = `http://127.0.0.1:${baselinePort}`;
    log(
      `Server (pid ${server.child.pid})${baseline ? ` and bare-pg baseline (pid ${baseline.child.pid})` : ''}, pool ${poolSize}, auth: ${auth.mode}.`,
    );

    const http: HttpResult[] = [];
    const exports: ExportResult[] = [];
    const analysis: AnalysisResult[] = [];
    const runHttp = async (s: HttpScenario) => {
      const common = {
        method: s.method,
        headers: requestInit(s, auth).headers as Record<string, string>,
        body: s.body ? JSON.stringify(s.body) : undefined,
        connections: options.connections,
        durationSeconds: options.durationSeconds,
      };
      const serverRun = await measureLoad(
        db,
        driver!,
        server!.child.pid!,
        { ...common, url: `${base}${pathFor(s)}`, ...(s.vary ? { vary: { template: s.path, values: s.vary.values } } : {}) },
        options,
        true,
      );
      const baselineRun = await measureLoad(
        db,
        driver!,
        baseline!.child.pid!,
        {
          ...common,
          url: `${baselineBase}/run/${s.name}`,
          ...(s.vary ? { vary: { template: `/run/${s.name}?v={}`, values: s.vary.values } } : {}),
        },
        options,
        false,
      );
      const ratio = serverRun.requestsPerSecond / Math.max(baselineRun.requestsPerSecond, 1e-9);
      http.push({
        name: s.name,
        title: s.title,
        method: s.method,
        path: s.path,
        targets: s.targets,
        matches: captured[s.name].matches,
        ...(captured[s.name].estimated ? { matchesEstimated: true } : {}),
        ...(captured[s.name].returned !== undefined ? { returned: captured[s.name].returned } : {}),
        server: serverRun,
        baseline: baselineRun,
        ratio,
        misses: httpMisses(s.targets, serverRun, ratio),
      });
      log(
        `  ${s.name}: ${Math.round(serverRun.requestsPerSecond)} req/s, p99 ${serverRun.latencyMs.p99} ms; baseline ${Math.round(baselineRun.requestsPerSecond)} req/s`,
      );
    };

    const replayer = order.some((s) => s.kind === 'analysis')
      ? new SqlReplayer(url, poolSize, statementTimeoutMs, sessionOptions)
      : undefined;
    const runAnalysis = async (s: AnalysisScenario) => {
      const c = captured[s.name];
      const window = {
        warmupSeconds: options.warmupSeconds,
        durationSeconds: options.durationSeconds,
        minSamples: options.analysisSamples,
      };
      const get = (target: string, headers: Record<string, string>) => () => timeGet(target, headers);
      await waitForQuiet(db);
      const serverSide = await sample(get(`${base}${s.path}`, auth.headers), { ...window, pid: server!.child.pid!, trackRss: true });
      await waitForQuiet(db);
      const baselineSide = await sample(get(`${baselineBase}/run/${s.name}`, {}), { ...window, pid: baseline!.child.pid! });
      await waitForQuiet(db);
      const sqlSide = await sample(() => replayer!.once(c.plan), window);
      await waitForQuiet(db);
      // As a browser asks: a few requests, to show what compression adds (or saves) on the way.
      let compressed: AnalysisSide | undefined;
      try {
        compressed = await sample(get(`${base}${s.path}`, { ...auth.headers, 'accept-encoding': 'gzip, deflate, br, zstd' }), {
          warmupSeconds: 0,
          durationSeconds: 0,
          minSamples: options.quick ? 1 : 3,
          maxSamples: options.quick ? 1 : 3,
        });
      } catch (error) {
        log(`    ${s.name}: the compressed requests failed: ${(error as Error).message}`);
      }
      const target = { p50Ms: s.targetP50Ms };
      analysis.push({
        name: s.name,
        title: s.title,
        path: s.path,
        answer: c.answer!,
        sqlRows: c.sqlRows!,
        sqlQueries: c.sqlQueries!,
        server: serverSide,
        baseline: baselineSide,
        sql: sqlSide,
        ...(compressed ? { compressed } : {}),
        target,
        misses: analysisMisses(serverSide, target),
      });
      log(
        `  ${s.name}: ${describeAnswer(c.answer!)}, ${((serverSide.bytes ?? 0) / 1e6).toFixed(2)} MB; p50 ${serverSide.latencyMs.p50.toFixed(0)} ms, ` +
          `p95 ${serverSide.latencyMs.p95.toFixed(0)} ms (${serverSide.samples} requests); baseline p50 ${baselineSide.latencyMs.p50.toFixed(0)} ms; ` +
          `SQL alone p50 ${sqlSide.latencyMs.p50.toFixed(0)} ms`,
      );
    };

    const psql = await havePsql();
    if (!psql) log('psql is not installed: the exports run without their COPY baseline.');
    const copies = new Map<string, ExportMeasurement>();
    const runExport = async (s: ExportScenario) => {
      const c = captured[s.name];
      const runs = s.targets ? 1 : options.smallExportRuns;
      const serverRuns: ExportMeasurement[] = [];
      for (let i = 0; i < runs; i++) serverRuns.push(await timeExport(base, s.path, s.format, server!.child.pid!, auth.headers));
      const measured = median(serverRuns);
      // NDJSON has one line per row: its count is exact, and must agree with an exact total.
      // CSV records may span lines, so CSV takes the total (or, when that is an estimate, the
      // line count of the NDJSON export with the same filters, filled in below).
      if (s.format === 'ndjson' && !c.estimated && measured.rows !== c.matches) {
        throw new Error(`${s.name}: ${measured.rows} NDJSON lines for ${c.matches} matching rows`);
      }
      const exact = s.format === 'ndjson' ? measured.rows : c.estimated ? undefined : (c.matches ?? undefined);
      measured.rows = exact ?? c.matches ?? NaN;
      let copy: ExportMeasurement | undefined;
      if (psql) {
        const sql = await inlineParameters(url, c.select!.sql, c.select!.values);
        copy = copies.get(`${runs}:${sql}`);
        if (!copy) {
          const copyRuns: ExportMeasurement[] = [];
          for (let i = 0; i < runs; i++) copyRuns.push(await timePsqlCopy(url, sql));
          copy = { ...median(copyRuns), rows: measured.rows };
          copies.set(`${runs}:${sql}`, copy);
        }
      }
      const ratio = copy ? measured.totalMs / copy.totalMs : undefined;
      exports.push({
        name: s.name,
        title: s.title,
        format: s.format,
        path: s.path,
        rows: measured.rows,
        ...(exact === undefined ? { rowsEstimated: true } : {}),
        runs,
        server: measured,
        baseline: copy,
        ratio,
        targets: s.targets,
        misses: s.targets ? exportMisses(measured, ratio) : [],
      });
      log(
        `  ${s.name}: first byte ${measured.firstByteMs.toFixed(0)} ms, total ${(measured.totalMs / 1000).toFixed(2)} s${copy ? `, COPY ${(copy.totalMs / 1000).toFixed(2)} s` : ''}`,
      );
    };

    if (order.length)
      log(
        `Load: ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s per scenario and side.`,
      );
    const run = (s: Scenario) => (s.kind === 'http' ? runHttp(s) : s.kind === 'analysis' ? runAnalysis(s) : runExport(s));
    const isWrite = (s: Scenario) => s.kind === 'http' && s.method !== 'GET';
    try {
      for (const s of order.filter((s) => !isWrite(s))) await run(s);
    } finally {
      await replayer?.end();
    }
    const snapshot = runSnapshot ? await runSnapshotScenario(db, base, server.child.pid!, auth, options) : undefined;
    for (const s of order.filter(isWrite)) await run(s);
    const imported = runImport ? await runImportScenario(db, url, dir, base, server.child.pid!, auth, options.importRows, psql) : undefined;
    const filtersOf = (p: string) => p.replace(/format=[a-z]+&?/, '');
    for (const csv of exports.filter((e) => e.rowsEstimated)) {
      const ndjson = exports.find((e) => e.format === 'ndjson' && !e.rowsEstimated && filtersOf(e.path) === filtersOf(csv.path));
      if (ndjson) {
        csv.rows = ndjson.rows;
        if (csv.baseline) csv.baseline.rows = ndjson.rows;
        delete csv.rowsEstimated;
      }
    }
    const byOrder = (a: { name: string }, b: { name: string }) =>
      list.findIndex((s) => s.name === a.name) - list.findIndex((s) => s.name === b.name);
    http.sort(byOrder);
    analysis.sort(byOrder);

    return {
      statements,
      startedAt,
      finishedAt: new Date().toISOString(),
      loadAverage: { start: loadStart, end: os.loadavg() },
      settings: {
        connections: options.connections,
        durationSeconds: options.durationSeconds,
        warmupSeconds: options.warmupSeconds,
        poolSize,
        auth: auth.mode,
      },
      parameters: {
        ...parameters,
        byIdValues: `${parameters.byIdValues.length} ids from ${Math.min(...parameters.byIdValues)} to ${Math.max(...parameters.byIdValues)}`,
      },
      http,
      exports,
      ...(analysis.length ? { analysis } : {}),
      ...(snapshot ? { snapshot } : {}),
      ...(imported ? { import: imported } : {}),
      sql: Object.fromEntries(
        Object.entries(captured).map(([name, c]) => [name, { queries: describePlan(c.plan), droppedFromBaseline: c.plan.dropped }]),
      ),
    };
  } finally {
    driver?.stop();
    await baseline?.stop();
    await stopServer(server ?? (await starting?.catch(() => undefined)));
    // What the import scenario wrote goes first (its revisions refer to its imports), by SQL.
    await removeBenchImports(db).then(
      ({ statements, imports }) =>
        (statements || imports) &&
        log(`Removed the ${statements.toLocaleString('en')} imported statements, their revisions and ${imports} imports.`),
      (error: Error) => log(`Removing the imported statements failed (the next run removes them at its start): ${error.message}`),
    );
    await removeBenchSnapshots(db).then(
      (removed) => removed && log(`Removed the ${removed} snapshots the snapshot scenario made, with their files.`),
      (error: Error) => log(`Removing the bench snapshots failed (the next snapshot scenario removes them at its start): ${error.message}`),
    );
    // What the create scenario (and its capture) added goes again, with its revisions (once
    // accounts exist), so that the database is reused next time as it was.
    const { rowCount } = await db.query('DELETE FROM statements WHERE id > $1', [maxIdBefore]);
    const [{ revisions }] = (await db.query(`SELECT to_regclass('revisions') IS NOT NULL AS revisions`)).rows as { revisions: boolean }[];
    if (revisions) await db.query(`DELETE FROM revisions WHERE resource = 'statements' AND record_id > $1`, [maxIdBefore]);
    if (rowCount) await db.query('VACUUM (ANALYZE) statements, statement_participants, statement_topics, statement_sources');
    await db.end();
    await rm(dir, { recursive: true, force: true });
  }
}

async function machine(cluster: BenchCluster) {
  const client = new Client({ connectionString: cluster.adminUrl });
  await client.connect();
  try {
    const settings = (
      await client.query(
        `SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version','shared_buffers','work_mem','effective_cache_size','max_connections','jit','max_parallel_workers_per_gather') ORDER BY name`,
      )
    ).rows as { name: string; setting: string; unit: string | null }[];
    return {
      cpus: os.cpus().length,
      model: os.cpus()[0].model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      postgres: Object.fromEntries(settings.map((s) => [s.name, `${s.setting}${s.unit ?? ''}`])),
      embeddedPostgres: Boolean(cluster.embedded),
    };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  const cluster = await openBenchCluster();
  try {
    const host = await machine(cluster);
    const date = new Date().toISOString().slice(0, 10);
    const resultsDir = path.join(REPOSITORY_ROOT, 'bench', 'results');
    await mkdir(resultsDir, { recursive: true });
    if (options.sql) {
      for (const statements of options.sizes) {
        const url = await prepareBenchDatabase(cluster.adminUrl, statements, log);
        const psql = spawnSync('psql', [url, '-X', '-v', 'ON_ERROR_STOP=1', '-f', path.resolve(options.sql)], { stdio: 'inherit' });
        if (psql.status !== 0) throw new Error(`psql -f ${options.sql} failed (${psql.error?.message ?? psql.status})`);
      }
      return;
    }
    if (options.explain) {
      for (const statements of options.sizes) {
        const text = (await runSize(cluster, statements, options)) as string;
        // --out names the file of a single size (an --only run must not replace the full explain-<N>.md).
        const file =
          options.out && options.sizes.length === 1 ? path.resolve(options.out) : path.join(resultsDir, `explain-${statements}.md`);
        await writeFile(file, `${text}\n`);
        log(`Wrote ${path.relative(REPOSITORY_ROOT, file)}`);
      }
      return;
    }
    const sizes: SizeResult[] = [];
    for (const statements of options.sizes) sizes.push((await runSize(cluster, statements, options)) as SizeResult);
    const growth = sizes.length === 2 ? growthRows(sizes[0], sizes[1]) : undefined;

    const header = `${host.cpus} × ${host.model}, ${host.memoryGb} GB, Node ${host.node}, PostgreSQL ${host.postgres.server_version}`;
    for (const size of sizes) {
      // The load settings only for a run with HTTP scenarios or exports (not for the import alone).
      const load =
        size.http.length || size.exports.length || size.analysis?.length
          ? `${size.settings.connections} connections, ${size.settings.warmupSeconds} s warm-up + ${size.settings.durationSeconds} s per side, `
          : '';
      console.log(
        `\n${size.statements.toLocaleString('en')} statements — ${load}pool ${size.settings.poolSize}, auth ${size.settings.auth} (${header}; ` +
          `load average ${size.loadAverage.start[0].toFixed(2)} at start)\n`,
      );
      if (size.http.length) console.log(httpTable(size.http));
      if (size.analysis?.length) console.log(`\n${analysisTable(size.analysis, describeAnswer)}`);
      if (size.exports.length) console.log(`\n${exportTable(size.exports)}`);
      if (size.snapshot) {
        const s = size.snapshot;
        console.log(
          `\nSnapshot of ${s.count.toLocaleString('en')} statements (${s.description}), signed in as the bench admin: ` +
            `${(s.freeze.medianMs / 1000).toFixed(1)} s to freeze (median of ${s.freezes.length}), ` +
            `${(s.storage.per100000.storedBytes / 1e6).toFixed(1)} MB stored per ${TARGETS.snapshot.forStatements.toLocaleString('en')} statements` +
            `${s.misses.length ? ` — ✗ ${s.misses.join(', ')}` : ' — ✓'}\n\n${snapshotTables(s)}`,
        );
      }
      if (size.import) {
        const i = size.import;
        const mb = (i.fileBytes / 1e6).toFixed(1);
        console.log(
          `\nImport of a ${i.rows.toLocaleString('en')}-row CSV (${mb} MB), server signed in as the bench admin\n\n${importTable(i)}`,
        );
      }
    }
    if (growth) console.log(`\nGrowth ${options.sizes.map((n) => n.toLocaleString('en')).join(' → ')}\n\n${growthTable(growth)}`);

    const name = options.growth ? `${date}-growth-${options.sizes.join('-')}.json` : `${date}-${options.sizes[0]}.json`;
    const file = options.out ? path.resolve(options.out) : path.join(resultsDir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      `${JSON.stringify({ kind: 'chronicle-bench', date, quick: options.quick, machine: host, sizes, growth }, null, 2)}\n`,
    );
    const shown = path.relative(process.cwd(), file);
    console.log(`\nWrote ${shown.startsWith('..') ? file : shown}`);
  } finally {
    await cluster.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
