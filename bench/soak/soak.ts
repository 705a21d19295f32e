/**
 * `npm run soak [-- --duration 300] [--warmup S] [--connections 8] [--statements 10000] [--out file.json]`
 *
 * Issue 7's load and soak test, on loopback only:
 *  1. a fresh database (SOAK_DATABASE_URL's server, else an embedded PostgreSQL in a temporary
 *     folder) with N generated statements (soak-database.ts);
 *  2. the production server as `npm start` runs it, in its own process, signed in as its
 *     first admin; two actors of the soak's own, the speakers of everything it creates;
 *  3. a steady, fixed concurrency of reads, writes and exports from a load process
 *     (soak-driver.ts, soak-operations.ts), every write's answer recorded in a ledger;
 *  4. once a second, the server's RSS, descriptors and CPU and its PostgreSQL sessions
 *     (soak-sampler.ts);
 *  5. every acknowledged write read back (soak-verify.ts), the bounds judged (soak-verdict.ts),
 *     the tables printed and the results written (bench/results/soak-<date>.json);
 *     the exit code is 1 when any bound is broken.
 */
import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { loadConfig } from '../../server/src/config/app-config';
import { REPOSITORY_ROOT } from '../../server/src/config/paths';
import { findFreePort } from '../../server/src/database/free-port';
import { ServerProcess, startServerProcess } from '../../test/support/server-process';
import { benchAuthEnv, BenchAuth, login } from '../auth';
import { openSoakDatabase, readParameters, SoakDatabase } from './soak-database';
import { OPERATIONS } from './soak-operations';
import { checksTable, figuresTable, problems, requestTable } from './soak-report';
import { Sampler } from './soak-sampler';
import type { DriverJob, DriverMessage, LoadSummary, SoakParameters, Verification } from './soak-types';
import { judge } from './soak-verdict';

interface Options {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  statements: number;
  out?: string;
}

/** Samples of the idle server before the load (its baseline descriptors and RSS), and after the driver has gone. */
const IDLE_SECONDS = 3;
const AFTER_SECONDS = 3;

const began = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - began) / 1000).toFixed(1).padStart(5)} s] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '300' },
      warmup: { type: 'string' },
      connections: { type: 'string', default: '8' },
      statements: { type: 'string', default: '10000' },
      out: { type: 'string' },
    },
  });
  const number = (raw: string, name: string, integer = true) => {
    const value = Number(raw.replace(/_/g, ''));
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)))
      throw new Error(`--${name} takes a positive ${integer ? 'whole ' : ''}number`);
    return value;
  };
  const durationSeconds = number(values.duration, 'duration', false);
  // A fifth of the run, at most a minute: long enough for the JIT and the heap to settle.
  const warmupSeconds =
    values.warmup === undefined ? Math.min(60, durationSeconds / 5) : values.warmup === '0' ? 0 : number(values.warmup, 'warmup', false);
  if (warmupSeconds >= durationSeconds) throw new Error('--warmup must be shorter than --duration');
  return {
    durationSeconds,
    warmupSeconds,
    connections: number(values.connections, 'connections'),
    statements: number(values.statements, 'statements'),
    out: values.out,
  };
}

/** The soak's own speakers: every statement it creates is theirs, so their export is exactly the soak's live records. */
async function createSpeakers(base: string, auth: BenchAuth): Promise<number[]> {
  const ids: number[] = [];
  for (const name of ['Soak Speaker A', 'Soak Speaker B']) {
    const response = await fetch(`${base}/api/actors`, {
      method: 'POST',
      headers: { ...auth.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `${name} ${Date.now().toString(36)}`, kind: 'person', country: 'JP' }),
    });
    if (response.status !== 201) throw new Error(`POST /api/actors answered ${response.status}: ${await response.text()}`);
    ids.push(((await response.json()) as { id: number }).id);
  }
  return ids;
}

/** Runs the job in the load process; resolves with what it reports once it has verified. */
function drive(driver: ChildProcess, job: DriverJob, sampler: Sampler, progressEvery: number) {
  return new Promise<{ load: LoadSummary; verification: Verification }>((resolve, reject) => {
    let load: LoadSummary | undefined;
    let lastProgress = 0;
    driver.on('exit', (code) => reject(new Error(`the load process exited (${code}) before it had verified`)));
    driver.on('message', (message: DriverMessage) => {
      if (message.type === 'tick') {
        sampler.totals = message.totals;
        const latest = sampler.samples[sampler.samples.length - 1];
        if (latest && latest.t >= lastProgress + progressEvery) {
          lastProgress = latest.t;
          const t = message.totals;
          log(
            `${latest.t.toFixed(0)} s (${latest.phase}): ${t.requests.toLocaleString('en')} requests, 5xx ${t.fiveXx}, errors ${t.networkErrors}, ` +
              `unexpected ${t.unexpected}, violations ${t.violations}; RSS ${latest.rssMb} MB, fds ${latest.fds}, DB sessions ${latest.dbConnections}, CPU ${latest.cpuPercent}% (load process ${latest.driverCpuPercent}%)`,
          );
        }
      } else if (message.type === 'loaded') {
        sampler.enter('verify');
        load = message.summary;
        log(
          `Load done: ${load.requests.toLocaleString('en')} requests in ${load.seconds.toFixed(1)} s. Reading every acknowledged write back …`,
        );
      } else if (message.type === 'verified') {
        resolve({ load: load!, verification: message.verification });
      } else {
        reject(new Error(`the load process failed: ${message.error}`));
      }
    });
    driver.send(job);
  });
}

async function main(): Promise<number> {
  const options = parseOptions();
  const startedAt = new Date().toISOString();
  const loadAverageStart = os.loadavg();
  const { poolSize } = loadConfig(process.env).database;
  log(
    `Soak: ${options.durationSeconds} s (${options.warmupSeconds} s warm-up) at ${options.connections} connections on ${options.statements.toLocaleString('en')} statements; load average ${loadAverageStart.map((l) => l.toFixed(2)).join(' ')}`,
  );

  let database: SoakDatabase | undefined;
  let db: Client | undefined;
  let server: ServerProcess | undefined;
  let driver: ChildProcess | undefined;
  const cleanUp = async () => {
    if (driver?.connected) driver.disconnect();
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await db?.end().catch(() => undefined);
    await database?.dispose();
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

  try {
    database = await openSoakDatabase(options.statements, log);
    db = new Client({ connectionString: database.url, application_name: 'chronicle-soak' });
    await db.connect();
    const baseParameters = await readParameters(db, options.statements);
    const [{ server_version: postgres }] = (await db.query('SHOW server_version')).rows as { server_version: string }[];

    const port = await findFreePort();
    server = await startServerProcess({
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_FIXTURES: 'false',
      NODE_ENV: 'production',
      ...benchAuthEnv(),
    });
    if (!/Chronicle is ready in \d+ ms/.test(server.output()))
      throw new Error(`the server did not start (exit ${server.child.exitCode ?? server.child.signalCode}):\n${server.output()}`);
    const base = `http://127.0.0.1:${port}`;
    const auth = await login(base);
    const parameters: SoakParameters = { ...baseParameters, soakSpeakerIds: await createSpeakers(base, auth) };
    log(`Server ${server.child.pid} ready on ${base}, pool ${poolSize}; sampling it idle for ${IDLE_SECONDS} s.`);

    const sampler = new Sampler(server.child.pid!, db, database.name);
    sampler.start();
    await sleep(IDLE_SECONDS * 1000);

    driver = fork(path.join(__dirname, 'soak-driver.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    sampler.driverPid = driver.pid;
    sampler.markLoadStart();
    sampler.enter('warm-up');
    const measuring = setTimeout(() => sampler.phase === 'warm-up' && sampler.enter('measured'), options.warmupSeconds * 1000);
    const job: DriverJob = {
      base,
      headers: auth.headers,
      connections: options.connections,
      durationMs: options.durationSeconds * 1000,
      parameters,
    };
    const { load, verification } = await drive(driver, job, sampler, options.durationSeconds >= 120 ? 30 : 10);
    clearTimeout(measuring);
    log(`Read back ${verification.records.toLocaleString('en')} records in ${verification.seconds.toFixed(1)} s; the load process stops.`);
    const exited = new Promise((resolve) => driver!.once('exit', resolve));
    driver.disconnect();
    await exited;
    sampler.enter('after');
    await sleep(AFTER_SECONDS * 1000);
    await sampler.stop();

    const health = await fetch(`${base}/api/health`).then(
      (r) => r.status,
      () => null,
    );
    const serverAlive = server.child.exitCode === null && server.child.signalCode === null;
    const verdict = judge({
      samples: sampler.samples,
      load,
      verification,
      operations: [...Object.keys(OPERATIONS), 'export-all'],
      poolSize,
      connections: options.connections,
      serverAlive,
      healthAfter: health,
    });
    const loadAverageEnd = os.loadavg();

    const machine = `${os.cpus().length} × ${os.cpus()[0].model}, Node ${process.version}, PostgreSQL ${postgres}`;
    console.log(
      `\nSoak of ${options.durationSeconds} s (${options.warmupSeconds} s warm-up) at ${options.connections} connections on ` +
        `${options.statements.toLocaleString('en')} generated statements, pool ${poolSize}, auth ${auth.mode} ` +
        `(${machine}; load average ${loadAverageStart[0].toFixed(2)} at start, ${loadAverageEnd[0].toFixed(2)} at end)\n`,
    );
    console.log(`${requestTable(load)}\n\n${figuresTable(verdict.figures, verification)}\n\n${checksTable(verdict.checks)}\n`);
    const found = problems(load, verification);
    if (found.length) console.log(`Problems (first of each kind):\n${found.map((p) => `  ${p}`).join('\n')}\n`);

    const date = startedAt.slice(0, 10);
    const file = options.out ? path.resolve(options.out) : path.join(REPOSITORY_ROOT, 'bench', 'results', `soak-${date}.json`);
    await mkdir(path.dirname(file), { recursive: true });
    const results = {
      kind: 'chronicle-soak',
      startedAt,
      finishedAt: new Date().toISOString(),
      settings: { ...options, poolSize, auth: auth.mode, statementsGenerated: options.statements },
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0].model,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        postgres,
        embeddedPostgres: !process.env.SOAK_DATABASE_URL,
      },
      loadAverage: { start: loadAverageStart, end: loadAverageEnd },
      weights: Object.fromEntries(Object.entries(OPERATIONS).map(([name, op]) => [name, op.weight])),
      passed: verdict.passed,
      checks: verdict.checks,
      figures: verdict.figures,
      load,
      verification,
      samples: sampler.samples,
    };
    await writeFile(file, `${JSON.stringify(results, null, 1)}\n`);
    const shown = path.relative(process.cwd(), file);
    console.log(
      `${
        verdict.passed
          ? 'PASSED'
          : `FAILED: ${verdict.checks
              .filter((c) => !c.ok)
              .map((c) => c.name)
              .join(', ')}`
      }. Wrote ${shown.startsWith('..') ? file : shown}`,
    );
    return verdict.passed ? 0 : 1;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
