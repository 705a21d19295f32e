import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../../server/src/database/data-source-options';
import { startEmbeddedPostgres } from '../../server/src/database/embedded-postgres';
import { findFreePort } from '../../server/src/database/free-port';
import { migrate } from '../../server/src/database/migrate';
import { pgPool } from '../../server/src/database/pg-pool';
import { generateData } from '../../server/src/generator/generate-data';
import { chooseParameters, COMMON_WORD } from '../scenarios';
import type { SoakParameters } from './soak-types';

export interface SoakDatabase {
  url: string;
  name: string;
  /** Drops the database (on SOAK_DATABASE_URL's server) or stops and deletes the embedded cluster. */
  dispose(): Promise<void>;
}

/**
 * A fresh database for one soak run — the soak writes to it, so it is never reused: a new
 * database on the server SOAK_DATABASE_URL names (a maintenance-database URL; the test suite
 * passes its own), dropped at the end, or else an embedded PostgreSQL in a temporary folder.
 * Migrated, then filled with `statements` generated statements (the generator, seed 1).
 */
export async function openSoakDatabase(statements: number, log: (line: string) => void): Promise<SoakDatabase> {
  const name = `chronicle_soak_${process.pid}_${Date.now().toString(36)}`;
  const external = process.env.SOAK_DATABASE_URL;
  let adminUrl: string;
  let stopCluster = async () => undefined as void;
  if (external) {
    adminUrl = external;
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-soak-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
    adminUrl = embedded.adminUrl;
    stopCluster = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
    log(`Started an embedded PostgreSQL in ${dataDir}.`);
  }
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dispose = async () => {
    if (external) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await stopCluster();
  };

  try {
    const dataSource = new DataSource(createDataSourceOptions(url.toString()));
    await dataSource.initialize();
    try {
      await migrate(dataSource);
      log(`Generating ${statements.toLocaleString('en')} statements into ${name} …`);
      const report = await generateData(pgPool(dataSource), { statements });
      log(`Generated in ${(report.milliseconds / 1000).toFixed(1)} s.`);
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { url: url.toString(), name, dispose };
}

/** What the load draws from, read from the generated data (the soak's own speakers are added later, through the API). */
export async function readParameters(db: Client, statements: number): Promise<Omit<SoakParameters, 'soakSpeakerIds'>> {
  const chosen = await chooseParameters(db, statements);
  const ids = async (sql: string) => (await db.query(sql)).rows.map((row: { id: number }) => row.id);
  return {
    baseIds: chosen.byIdValues,
    baseStatements: statements,
    typicalSpeakerIds: chosen.speakerIds,
    // A spread of actors and sources for links; every topic and stance.
    actorIds: await ids('SELECT id FROM actors ORDER BY id LIMIT 200'),
    topicIds: await ids('SELECT id FROM topics ORDER BY id'),
    stanceIds: await ids('SELECT id FROM stances ORDER BY id'),
    sourceIds: await ids('SELECT id FROM sources ORDER BY id LIMIT 200'),
    commonWord: COMMON_WORD,
  };
}
