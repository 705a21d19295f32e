/**
 * `npm run bench:export -- --statements N`
 *
 * Times CSV and NDJSON exports of every row of a generated database through the production
 * server (its own process, `npm start`'s Node options), and beside them, in the same run,
 * the same SELECT through `psql -c "\copy (…) to stdout csv"` as the baseline. Prints a
 * table and writes bench/results/export-<date>-<N>.json.
 */
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
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
import { benchAuthEnv, login } from './auth';
import { benchDatabase, inlineParameters } from './bench-database';
import { ExportMeasurement, timeExport, timePsqlCopy } from './export-measure';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { statements: { type: 'string', default: '100000' } } });
  const statements = Number(values.statements);
  if (!Number.isInteger(statements) || statements < 1) throw new Error('--statements takes a whole number');
  const database = await benchDatabase(statements, (line) => console.log(line));
  const port = await findFreePort();
  const server = await startServerProcess({
    DATABASE_URL: database.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_FIXTURES: 'false',
    ...benchAuthEnv(),
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const { headers } = await login(base);
    const dataSource = new DataSource(
      createDataSourceOptions(database.url, { poolSize: 1, statementTimeoutMs: 0, connectionTimeoutMs: 5000 }),
    );
    await dataSource.initialize();
    const { sql, params } = buildExportQuery(dataSource, parseExportRequest({ format: 'csv' }));
    await dataSource.destroy();
    const copySql = await inlineParameters(database.url, sql, params);

    const results: ExportMeasurement[] = [];
    const baseline = await timePsqlCopy(database.url, copySql);
    results.push(baseline);
    for (const format of ['csv', 'ndjson'])
      results.push(await timeExport(base, `/api/statements/export?format=${format}`, format, server.child.pid!, headers));
    // CSV records may span lines, so the row count is the list's total (NDJSON's lines must agree).
    const total = Number((await fetch(`${base}/api/statements?_end=1`, { headers })).headers.get('x-total-count'));
    for (const r of results) if (Number.isNaN(r.rows)) r.rows = total;
    if (results.some((r) => r.rows !== total)) throw new Error(`an export lost rows: ${JSON.stringify(results)}`);

    console.log(
      `\nExport of ${statements.toLocaleString('en')} statements (${os.cpus().length} × ${os.cpus()[0].model}, Node ${process.version})`,
    );
    console.log('| export | rows | MB | first byte | total | × baseline | peak RSS | RSS growth |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      const ratio = r === baseline ? '1.00' : (r.totalMs / baseline.totalMs).toFixed(2);
      const rss = r.peakRssMb === undefined ? '—' : `${r.peakRssMb.toFixed(0)} MB`;
      const growth = r.rssGrowthMb === undefined ? '—' : `${r.rssGrowthMb.toFixed(0)} MB`;
      console.log(
        `| ${r.format} | ${r.rows} | ${(r.bytes / 1e6).toFixed(1)} | ${r.firstByteMs.toFixed(0)} ms | ${(r.totalMs / 1000).toFixed(1)} s | ${ratio} | ${rss} | ${growth} |`,
      );
    }
    const dir = path.join(REPOSITORY_ROOT, 'bench', 'results');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `export-${new Date().toISOString().slice(0, 10)}-${statements}.json`);
    await writeFile(
      file,
      JSON.stringify(
        { statements, machine: { cpus: os.cpus().length, model: os.cpus()[0].model, node: process.version }, results },
        null,
        2,
      ),
    );
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
