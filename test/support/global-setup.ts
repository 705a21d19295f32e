import 'reflect-metadata';
import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../../server/src/database/data-source-options';
import { startEmbeddedPostgres } from '../../server/src/database/embedded-postgres';
import { findFreePort } from '../../server/src/database/free-port';
import { ADMIN_URL_ENV, databaseUrl, TEMPLATE_DATABASE } from './test-database';
import { insertTestUsers } from './test-users';

/**
 * Starts one PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL's server) and
 * migrates a template database with one account per role; every test file then works in its
 * own clone of it.
 */
export default async function globalSetup(): Promise<void> {
  let admin = process.env.TEST_DATABASE_URL;
  if (!admin) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
    (globalThis as Record<string, unknown>).__chronicleTestDatabase = { embedded, dataDir };
    admin = embedded.adminUrl;
  }
  process.env[ADMIN_URL_ENV] = admin;

  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await client.end();

  const dataSource = new DataSource(createDataSourceOptions(databaseUrl(TEMPLATE_DATABASE)));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  const template = new Client({ connectionString: databaseUrl(TEMPLATE_DATABASE) });
  await template.connect();
  await insertTestUsers(template);
  await template.end();
}
