/**
 * `npm run bench:export -- --statements N`
 *
 * Times CSV and NDJSON exports of every row of a generated database through the production
 * server (its own process, `npm start`'s Node options), and beside them, in the same run,
 * the same SELECT through `psql -c "\copy (…) to stdout csv"` as the baseline. Prints a
 * table and writes bench/results/export-<date>-<N>.json.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { REPOSITORY_ROOT } from '../server/src/config/paths';
import { createDataSourceOptions } from '../server/src/database/data-source-options';
import { findFreePort } from '../server/src/database/free-port';
import { buildExportQuery } from '../server/src/exports/export-query';
import { parseExportRequest } from '../server/src/exports/export-request';
import { startServerProcess } from '../test/support/server-process';
import { benchDatabase, inlineParameters } from './bench-database';

interface Measurement {
  format: string;
  rows: number;
  bytes: number;
  firstByteMs: number;
  totalMs: number;
  peakRssMb?: number;
  rssGrowthMb?: number;
}

const mb = (kb: number) => kb / 1024;
async function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  return mb(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(await readFile(`/proc/${pid}/status`, 'utf8'))![1]));
}

async function timeExport(base: string, format: string, pid: number): Promise<Measurement> {
  await fetch(`${base}/api/statements/export?format=${format}&date_lte=1995-01-31`).then((r) => r.arrayBuffer());
  const before = await procStatus(pid, 'VmRSS');
  await writeFile(`/proc/${pid}/clear_refs`, '5');
  const started = performance.now();
  const response = await fetch(`${base}/api/statements/export?format=${format}`);
  let firstByteMs = 0;
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (!bytes) firstByteMs = performance.now() - started;
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  const totalMs = performance.now() - started;
  const peak = await procStatus(pid, 'VmHWM');
  return { format, rows: format === 'ndjson' ? lines : NaN, bytes, firstByteMs, totalMs, peakRssMb: peak, rssGrowthMb: peak - before };
}

function timePsqlCopy(url: string, sql: string): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const psql = spawn('psql', [url, '-X', '-q', '-c', `\\copy (${sql.replace(/\s+/g, ' ')}) to stdout csv header`]);
    let firstByteMs = 0;
    let bytes = 0;
    let lines = 0;
    let errors = '';
    psql.stdout.on('data', (chunk: Buffer) => {
      if (!bytes) firstByteMs = performance.now() - started;
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    psql.stderr.on('data', (chunk) => (errors += chunk));
    psql.on('error', (error) => reject(new Error(`psql could not run (${error.message}); install the PostgreSQL client`)));
    psql.on('exit', (code) =>
      code === 0
        ? resolve({ format: 'psql \\copy csv (baseline)', rows: NaN, bytes, firstByteMs, totalMs: performance.now() - started })
        : reject(new Error(`psql failed: ${errors}`)),
    );
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { statements: { type: 'string', default: '100000' } } });
  const statements = Number(values.statements);
  if (!Number.isInteger(statements) || statements < 1) throw new Error('--statements takes a whole number');
  const database = await benchDatabase(statements, (line) => console.log(line));
  const port = await findFreePort();
  const server = await startServerProcess({ DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', SEED_FIXTURES: 'false' });
  try {
    const base = `http://127.0.0.1:${port}`;
    const dataSource = new DataSource(createDataSourceOptions(database.url, { poolSize: 1, statementTimeoutMs: 0, connectionTimeoutMs: 5000 }));
    await dataSource.initialize();
    const { sql, params } = buildExportQuery(dataSource, parseExportRequest({ format: 'csv' }));
    await dataSource.destroy();
    const copySql = await inlineParameters(database.url, sql, params);

    const results: Measurement[] = [];
    const baseline = await timePsqlCopy(database.url, copySql);
    results.push(baseline);
    for (const format of ['csv', 'ndjson']) results.push(await timeExport(base, format, server.child.pid!));
    // CSV records may span lines, so the row count is the list's total (NDJSON's lines must agree).
    const total = Number((await fetch(`${base}/api/statements?_end=1`)).headers.get('x-total-count'));
    for (const r of results) if (Number.isNaN(r.rows)) r.rows = total;
    if (results.some((r) => r.rows !== total)) throw new Error(`an export lost rows: ${JSON.stringify(results)}`);

    console.log(`\nExport of ${statements.toLocaleString('en')} statements (${os.cpus().length} × ${os.cpus()[0].model}, Node ${process.version})`);
    console.log('| export | rows | MB | first byte | total | × baseline | peak RSS | RSS growth |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      const ratio = r === baseline ? '1.00' : (r.totalMs / baseline.totalMs).toFixed(2);
      const rss = r.peakRssMb === undefined ? '—' : `${r.peakRssMb.toFixed(0)} MB`;
      const growth = r.rssGrowthMb === undefined ? '—' : `${r.rssGrowthMb.toFixed(0)} MB`;
      console.log(`| ${r.format} | ${r.rows} | ${(r.bytes / 1e6).toFixed(1)} | ${r.firstByteMs.toFixed(0)} ms | ${(r.totalMs / 1000).toFixed(1)} s | ${ratio} | ${rss} | ${growth} |`);
    }
    const dir = path.join(REPOSITORY_ROOT, 'bench', 'results');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `export-${new Date().toISOString().slice(0, 10)}-${statements}.json`);
    await writeFile(file, JSON.stringify({ statements, machine: { cpus: os.cpus().length, model: os.cpus()[0].model, node: process.version }, results }, null, 2));
    console.log(`\nWrote ${path.relative(REPOSITORY_ROOT, file)}`);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
