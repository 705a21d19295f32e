import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../server/src/app.module';
import { DEFAULT_IMPORT_SETTINGS, ImportSettings } from '../../server/src/imports/import-settings';
import { configureHttp } from '../../server/src/app.setup';
import type { SnapshotSettings } from '../../server/src/snapshots/snapshot-settings';
import { FixtureLoader } from '../../server/src/fixtures/fixture-loader';
import { AuthOptions, DEFAULT_AUTH_OPTIONS } from '../../server/src/auth/auth-options';
import { DEFAULT_DATABASE_TUNING } from '../../server/src/database/data-source-options';
import { defaultExportLimits, ExportLimits } from '../../server/src/exports/export-limits';
import { contractObserver, OpenApiContract, OpenApiDocument } from './openapi-contract';
import { adminUrl, databaseUrl, TEMPLATE_DATABASE } from './test-database';
import { issueTestTokens, TestRole, TestUser } from './test-users';

/** The one origin the test app allows cross-origin calls from (CORS_ORIGINS in production). */
export const TEST_ALLOWED_ORIGIN = 'http://allowed.example.org';

export interface TestApp {
  app: INestApplication;
  /** supertest against the app's HTTP server, signed in as the test admin. */
  http: () => ReturnType<typeof request.agent>;
  /** supertest signed in as one of the test accounts, or anonymous. */
  as: (role: TestRole | 'anonymous') => ReturnType<typeof request.agent>;
  /** The test accounts with a valid session token each. */
  users: Record<TestRole, TestUser>;
  dataSource: DataSource;
  databaseUrl: string;
  /** Listens on a free loopback port (for a browser) and returns the base URL. */
  listen(): Promise<string>;
  /** Its database's name, to start another app on it (createTestApp's `database`). */
  database: string;
  /** Stops the app and keeps its database. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  return withClient(adminUrl(), work);
}

async function withClient<T>(connectionString: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString });
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
export async function createTestApp(
  options: {
    seed?: boolean;
    adminDistDir?: string;
    auth?: Partial<AuthOptions>;
    imports?: Partial<ImportSettings>;
    snapshots?: SnapshotSettings;
    /** Exports at once and the stall timeout; by default those of the default pool (2 per account, 4 in all, 60 s). */
    exports?: Partial<ExportLimits>;
    /** An existing database to start on (a restart, a restored backup): kept when the app closes. */
    database?: string;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? `chronicle_test_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  if (!options.database) await admin((client) => client.query(`CREATE DATABASE ${database} TEMPLATE ${TEMPLATE_DATABASE}`));
  const url = databaseUrl(database);

  const users = await withClient(url, async (client) => {
    // TypeORM keys the expressions of generated columns by database name; a clone carries the template's.
    await client.query('UPDATE typeorm_metadata SET database = current_database()');
    return issueTestTokens(client);
  });
  const auth = { ...DEFAULT_AUTH_OPTIONS, ...options.auth };
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.forRoot({
        databaseUrl: url,
        auth,
        imports: { ...DEFAULT_IMPORT_SETTINGS, ...options.imports },
        snapshots: options.snapshots,
        exports: { ...defaultExportLimits(DEFAULT_DATABASE_TUNING.poolSize), ...options.exports },
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  // Every response is held to the OpenAPI document (openapi-contract.ts): the observer goes first, to see every answer.
  const contract: { document?: OpenApiContract } = {};
  app.use(contractObserver(() => contract.document));
  // Requests come from loopback; trusting it as a proxy lets tests vary the client address (X-Forwarded-For).
  const document = configureHttp(app, { corsOrigins: [TEST_ALLOWED_ORIGIN], adminDistDir: options.adminDistDir, trustProxy: ['loopback'] });
  contract.document = new OpenApiContract(document as unknown as OpenApiDocument);
  await app.init();
  if (options.seed) await app.get(FixtureLoader).loadAll({ id: users.admin.id });

  const as = (role: TestRole | 'anonymous') => {
    const agent = request.agent(app.getHttpServer());
    return role === 'anonymous' ? agent : agent.set('Authorization', `Bearer ${users[role].token}`);
  };
  return {
    app,
    http: () => as('admin'),
    as,
    users,
    dataSource: app.get(DataSource),
    databaseUrl: url,
    listen: async () => {
      await app.listen(0, '127.0.0.1');
      return (await app.getUrl()).replace('[::1]', '127.0.0.1');
    },
    database,
    stop: () => app.close(),
    close: async () => {
      await app.close();
      if (!options.database) await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
}
