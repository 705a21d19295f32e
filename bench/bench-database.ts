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

/**
 * A database of exactly `statements` generated statements, named after its size: reused
 * when a previous run left one, generated otherwise. On BENCH_DATABASE_URL's server if set,
 * else on an embedded PostgreSQL under bench/.data (never the development data).
 */
export async function benchDatabase(statements: number, log: (line: string) => void): Promise<BenchDatabase> {
  let adminUrl = process.env.BENCH_DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;
  if (!adminUrl) {
    const dataDir = path.join(REPOSITORY_ROOT, 'bench', '.data');
    await mkdir(dataDir, { recursive: true });
    embedded = await startEmbeddedPostgres({ dataDir, port: Number(process.env.BENCH_PG_PORT) || (await findFreePort()) });
    adminUrl = embedded.adminUrl;
  }
  const name = `chronicle_bench_${statements}`;
  await ensureDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  const dataSource = new DataSource(createDataSourceOptions(url.toString()));
  await dataSource.initialize();
  try {
    await migrate(dataSource);
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM statements');
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
  return { url: url.toString(), embedded };
}

/** Inlines bound parameters as SQL literals, for running the same query through psql. */
export async function inlineParameters(url: string, sql: string, params: unknown[]): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return sql.replace(/\$(\d+)/g, (_m, n: string) => client.escapeLiteral(String(params[Number(n) - 1])));
  } finally {
    await client.end();
  }
}
