import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../server/src/app.module';
import { configureHttp } from '../../server/src/app.setup';
import { FixtureLoader } from '../../server/src/fixtures/fixture-loader';
import { adminUrl, databaseUrl, TEMPLATE_DATABASE } from './test-database';

/** The one origin the test app allows cross-origin calls from (CORS_ORIGINS in production). */
export const TEST_ALLOWED_ORIGIN = 'http://allowed.example.org';

export interface TestApp {
  app: INestApplication;
  /** supertest against the app's HTTP server. */
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  databaseUrl: string;
  /** Listens on a free loopback port (for a browser) and returns the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The real application (same module, pipes, filter and HTTP setup as `npm start`) on a
 * database of its own, cloned from the migrated template: test files never see each
 * other's rows and can run in parallel.
 */
export async function createTestApp(options: { seed?: boolean; adminDistDir?: string } = {}): Promise<TestApp> {
  const database = `chronicle_test_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${database} TEMPLATE ${TEMPLATE_DATABASE}`));
  const url = databaseUrl(database);

  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ databaseUrl: url })] }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  configureHttp(app, { corsOrigins: [TEST_ALLOWED_ORIGIN], adminDistDir: options.adminDistDir });
  await app.init();
  if (options.seed) await app.get(FixtureLoader).loadAll();

  return {
    app,
    http: () => request(app.getHttpServer()),
    dataSource: app.get(DataSource),
    databaseUrl: url,
    listen: async () => {
      await app.listen(0, '127.0.0.1');
      return (await app.getUrl()).replace('[::1]', '127.0.0.1');
    },
    close: async () => {
      await app.close();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
}
