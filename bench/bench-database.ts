import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { REPOSITORY_ROOT } from '../server/src/config/paths';
import { createDataSourceOptions } from '../server/src/database/data-source-options';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../server/src/database/embedded-postgres';
import { ensureDatabase } from '../server/src/database/ensure-database';
import { findFreePort } from '../server/src/database/free-port';
import { migrate } from '../server/src/database/migrate';
import { pgPool } from '../server/src/database/pg-pool';
import { generateData } from '../server/src/generator/generate-data';

export interface BenchDatabase {
  url: string;
  embedded?: EmbeddedDatabase;
}

export interface BenchCluster {
  /** Connection string of the maintenance database. */
  adminUrl: string;
  embedded?: EmbeddedDatabase;
}

/**
 * The PostgreSQL server the benchmark databases live on: BENCH_DATABASE_URL's if set, else
 * an embedded PostgreSQL under bench/.data (never the development data), started once per run.
 */
export async function openBenchCluster(): Promise<BenchCluster> {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (adminUrl) return { adminUrl };
  const dataDir = path.join(REPOSITORY_ROOT, 'bench', '.data');
  await mkdir(dataDir, { recursive: true });
  const embedded = await startEmbeddedPostgres({ dataDir, port: Number(process.env.BENCH_PG_PORT) || (await findFreePort()) });
  return { adminUrl: embedded.adminUrl, embedded };
}

/**
 * A database of exactly `statements` generated statements on the cluster, named after its
 * size: reused when a previous run left one, generated otherwise. Returns its URL.
 */
export async function prepareBenchDatabase(adminUrl: string, statements: number, log: (line: string) => void): Promise<string> {
  const name = `chronicle_bench_${statements}`;
  await ensureDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  const dataSource = new DataSource(createDataSourceOptions(url.toString()));
  await dataSource.initialize();
  try {
    const migrated = await migrate(dataSource);
    if (migrated.applied.length && !migrated.createdSchema) {
      // New columns have no statistics until the next ANALYZE, and autovacuum does not run one
      // for an ALTER TABLE: without it `deleted_at IS NULL` is estimated at 0.5% and plans go wrong.
      log(`Applied ${migrated.applied.join(', ')}; analysing …`);
      await dataSource.query('ANALYZE');
    }
    let [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM statements');
    if (count > statements) {
      // Generated rows have ids 1…N; rows above N were created by an interrupted benchmark run.
      const [{ generated }] = await dataSource.query('SELECT count(*)::int AS generated FROM statements WHERE id <= $1', [statements]);
      if (generated === statements) {
        await dataSource.query('DELETE FROM statements WHERE id > $1', [statements]);
        log(`Removed ${count - statements} statements a previous run created.`);
        count = statements;
      }
    }
    if (count === statements) {
      log(`Reusing ${name} (${statements} statements).`);
    } else {
      if (count) await dataSource.query('TRUNCATE statements, actors, sources, topics, stances RESTART IDENTITY CASCADE');
      log(`Generating ${statements} statements into ${name} …`);
      const report = await generateData(pgPool(dataSource), { statements });
      log(`Generated in ${(report.milliseconds / 1000).toFixed(1)} s.`);
    }
  } finally {
    await dataSource.destroy();
  }
  return url.toString();
}

/** The cluster and one database of `statements` statements on it (see the two functions above). */
export async function benchDatabase(statements: number, log: (line: string) => void): Promise<BenchDatabase> {
  const cluster = await openBenchCluster();
  try {
    return { url: await prepareBenchDatabase(cluster.adminUrl, statements, log), embedded: cluster.embedded };
  } catch (error) {
    await cluster.embedded?.stop();
    throw error;
  }
}

/**
 * A bound parameter as a SQL literal: arrays as array literals (`'{1,2}'`), dates as ISO
 * instants, null as NULL. The server binds arrays for `= ANY(:ids)`, so `String([1, 2])`
 * ("1,2") would not do.
 */
export function sqlLiteral(client: Client, value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return client.escapeLiteral(arrayLiteral(value));
  if (value instanceof Date) return client.escapeLiteral(value.toISOString());
  return client.escapeLiteral(String(value));
}

function arrayLiteral(values: unknown[]): string {
  const element = (v: unknown): string => {
    if (v === null || v === undefined) return 'NULL';
    if (Array.isArray(v)) return arrayLiteral(v);
    return `"${String(v instanceof Date ? v.toISOString() : v).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  };
  return `{${values.map(element).join(',')}}`;
}

/** Inlines bound parameters as SQL literals, for running the same query through psql. */
export async function inlineParameters(url: string, sql: string, params: unknown[]): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return sql.replace(/\$(\d+)/g, (_m, n: string) => sqlLiteral(client, params[Number(n) - 1]));
  } finally {
    await client.end();
  }
}
