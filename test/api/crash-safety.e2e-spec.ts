import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { REPOSITORY_ROOT } from '../../server/src/config/paths';
import { findFreePort } from '../../server/src/database/free-port';
import { FIXTURE_LOCK } from '../../server/src/fixtures/fixture-loader';
import { Traffic } from '../support/api-traffic';
import { embeddedUrl, stopLeftoverPostgres, until, withClient } from '../support/fault-helpers';
import { spawnServerProcess, startServerProcess, stopAllServerProcesses } from '../support/server-process';
import { adminUrl, databaseUrl, TEMPLATE_DATABASE } from '../support/test-database';
import { issueTestTokens } from '../support/test-users';

/**
 * Crash safety (issue 7, item 3): a process killed with SIGKILL in the middle of a multi-row
 * write leaves all of it or nothing, and the next start carries on. The kills land where the
 * test has made sure the write is half done: the first start's fixture load held on a lock
 * the test owns, the generator in its COPY, the API under concurrent writes with transactions
 * open.
 */
const databases: string[] = [];
const dataDirs: string[] = [];

afterAll(async () => {
  await stopAllServerProcesses();
  await withClient(adminUrl(), async (admin) => {
    for (const database of databases) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });
  for (const dir of dataDirs) {
    await stopLeftoverPostgres(dir);
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);

/** A database of its own on the test server, migrated (from the template) and empty. */
async function emptyDatabase(): Promise<string> {
  const database = `chronicle_crash_${process.pid}_${databases.length}`;
  await withClient(adminUrl(), (admin) => admin.query(`CREATE DATABASE ${database} TEMPLATE ${TEMPLATE_DATABASE}`));
  databases.push(database);
  return databaseUrl(database);
}

const count = async (db: Client, table: string) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
const COLLECTIONS = ['actors', 'sources', 'topics', 'stances', 'statements', 'revisions'];

/**
 * Every statement whole: exactly one create revision, one revision per version, and its latest
 * revision showing the statement as it is, links included. Problems in words.
 */
async function incompleteStatements(db: Client): Promise<string[]> {
  const { rows } = await db.query(`
    SELECT s.id, s.version, s.headline,
           ARRAY(SELECT actor_id FROM statement_participants WHERE statement_id = s.id ORDER BY position) AS "participantIds",
           ARRAY(SELECT topic_id FROM statement_topics WHERE statement_id = s.id ORDER BY position) AS "topicIds",
           ARRAY(SELECT source_id FROM statement_sources WHERE statement_id = s.id ORDER BY position) AS "sourceIds",
           (SELECT count(*)::int FROM revisions r WHERE r.resource = 'statements' AND r.record_id = s.id) AS revisions,
           (SELECT count(*)::int FROM revisions r WHERE r.resource = 'statements' AND r.record_id = s.id AND r.action = 'create' AND r.version = 1) AS creates,
           (SELECT r.after FROM revisions r WHERE r.resource = 'statements' AND r.record_id = s.id ORDER BY r.version DESC LIMIT 1) AS latest
      FROM statements s ORDER BY s.id`);
  return rows.flatMap((s) => {
    const stored = {
      version: s.version,
      headline: s.headline,
      participantIds: s.participantIds,
      topicIds: s.topicIds,
      sourceIds: s.sourceIds,
    };
    const recorded = s.latest && {
      version: s.latest.version,
      headline: s.latest.headline,
      participantIds: s.latest.participantIds,
      topicIds: s.latest.topicIds,
      sourceIds: s.latest.sourceIds,
    };
    if (s.creates !== 1 || s.revisions !== s.version)
      return [`statement ${s.id}: version ${s.version}, ${s.revisions} revisions, ${s.creates} creates`];
    if (JSON.stringify(stored) !== JSON.stringify(recorded))
      return [`statement ${s.id}: stored ${JSON.stringify(stored)}, last revision ${JSON.stringify(recorded)}`];
    return [];
  });
}

describe('SIGKILL in the middle of a multi-row write', () => {
  jest.setTimeout(90_000);

  it('the first start, killed during its fixture load, leaves none of it; the next start loads all of it', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-crash-'));
    dataDirs.push(dataDir);
    const pgPort = await findFreePort();
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(await findFreePort()) };
    const first = spawnServerProcess(env);

    // The loader takes this lock before its first write: hold it from the moment the database exists.
    const holder = await until(
      async () => {
        const db = new Client({ connectionString: await embeddedUrl(dataDir, pgPort) });
        await db.connect();
        return db;
      },
      60_000,
      'the embedded database',
    );
    holder.on('error', () => undefined);
    const observer = new Client({ connectionString: await embeddedUrl(dataDir, pgPort) });
    await observer.connect();
    observer.on('error', () => undefined);
    await holder.query('SELECT pg_advisory_lock($1)', [FIXTURE_LOCK]);
    expect(await count(holder, 'actors').catch(() => 0)).toBe(0); // the load had not begun
    const loader = await until(
      async () =>
        (await holder.query(`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted`, [FIXTURE_LOCK])).rows[0]
          ?.pid as number | undefined,
      30_000,
      'the fixture load waiting for its lock',
    );
    // Let it write the vocabularies and its first statement, then stop it at that statement's topics.
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE statement_topics IN ACCESS EXCLUSIVE MODE');
    await holder.query('SELECT pg_advisory_unlock($1)', [FIXTURE_LOCK]);
    // Watched from outside the lock's transaction: pg_stat_activity is read once per transaction.
    const halfDone = await until(
      async () =>
        (
          await observer.query(
            `SELECT a.backend_xid IS NOT NULL AS wrote FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
              WHERE a.pid = $1 AND NOT l.granted AND l.relation = 'statement_topics'::regclass`,
            [loader],
          )
        ).rows[0] as { wrote: boolean } | undefined,
      30_000,
      'the fixture load half done',
    );
    expect(halfDone.wrote).toBe(true);

    first.child.kill('SIGKILL');
    await first.exited;
    // The killed server's session finds its client gone as soon as it may go on, and rolls back.
    await holder.query('ROLLBACK');
    await until(
      async () => ((await observer.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [loader])).rows.length ? undefined : true),
      10_000,
      'the killed load rolled back',
    );
    for (const table of COLLECTIONS) expect({ table, rows: await count(observer, table) }).toEqual({ table, rows: 0 });
    await holder.end();
    await observer.end();

    // Its PostgreSQL outlived it; the next start must deal with that, then find the database empty and seed it.
    const second = await startServerProcess(env);
    expect(second.output()).toMatch(/Chronicle is ready in \d+ ms/);
    await withClient(await embeddedUrl(dataDir, pgPort), async (db) => {
      const counts: Record<string, number> = {};
      for (const table of COLLECTIONS) counts[table] = await count(db, table);
      // 48 records' revisions, and the statements' import's entry in the activity feed.
      expect(counts).toEqual({ actors: 13, sources: 1, topics: 7, stances: 5, statements: 22, revisions: 49 });
      expect(await incompleteStatements(db)).toEqual([]);
    });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    console.log(
      'first start killed with its fixture load half done: nothing of it left; the next start stopped the PostgreSQL left running and loaded all 22 statements',
    );
  });

  it('the generator, killed in its COPY, leaves no rows and the schema it found (dropped indexes and keys come back)', async () => {
    const url = await emptyDatabase();
    const schema = (db: Client) =>
      db.query(`SELECT 'index ' || indexname || ': ' || indexdef AS object FROM pg_indexes WHERE schemaname = 'public'
                UNION ALL SELECT 'constraint ' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                UNION ALL SELECT 'trigger ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`);
    await withClient(url, async (db) => {
      const before = (await schema(db)).rows;
      // Above the size at which the generator drops foreign keys and indexes for the load, in its transaction.
      const generator = spawn(
        process.execPath,
        [
          path.join(REPOSITORY_ROOT, 'server/dist/server/src/cli/generate.js'),
          '--statements',
          '60000',
          '--actors',
          '300',
          '--sources',
          '300',
        ],
        {
          env: { ...process.env, DATABASE_URL: url },
          stdio: 'ignore',
        },
      );
      const exited = new Promise((resolve) => generator.once('exit', resolve));
      const copying = await until(
        async () =>
          (
            await db.query(
              `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'COPY statements %'`,
            )
          ).rows[0]?.pid as number | undefined,
        60_000,
        'the generator copying statements',
      );
      generator.kill('SIGKILL');
      await exited;
      await until(
        async () => ((await db.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [copying])).rows.length ? undefined : true),
        10_000,
        'the killed COPY rolled back',
      );
      for (const table of [...COLLECTIONS, 'statement_topics']) expect({ table, rows: await count(db, table) }).toEqual({ table, rows: 0 });
      expect((await schema(db)).rows).toEqual(before);
      console.log(
        `generator killed in COPY statements (keys and indexes dropped in its transaction): no rows, the ${before.length} indexes, constraints and triggers as before`,
      );
    });
  });

  it('the server, killed under concurrent writes, keeps every statement whole and every acknowledged write', async () => {
    const url = await emptyDatabase();
    const tokens = await withClient(url, issueTestTokens);
    const port = await findFreePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { DATABASE_URL: url, PORT: String(port) };
    const server = await startServerProcess(env);
    expect(server.output()).toMatch(/Chronicle is ready in \d+ ms/);
    const ids = async (resource: string) =>
      (
        (await (await fetch(`${base}/api/${resource}?_end=5`, { headers: { Authorization: `Bearer ${tokens.editor.token}` } })).json()) as {
          id: number;
        }[]
      ).map((r) => r.id);
    const traffic = new Traffic({ base, token: tokens.editor.token, speakerIds: await ids('actors'), topicIds: await ids('topics') });
    for (const writer of ['writer 1', 'writer 2', 'writer 3', 'writer 4']) traffic.addWriter(writer);

    const writing = await withClient(url, async (db) => {
      try {
        // Once enough has been acknowledged, kill while writes are under way (transactions that have written).
        await until(async () => (traffic.acknowledged.length >= 20 ? true : undefined), 30_000, 'twenty acknowledged writes');
        const pids = await until(
          async () => {
            const { rows } = await db.query(
              `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'chronicle' AND backend_xid IS NOT NULL`,
            );
            return rows.length ? rows.map((row) => row.pid as number) : undefined;
          },
          10_000,
          'a write under way',
        );
        server.child.kill('SIGKILL');
        return pids;
      } finally {
        await traffic.stop();
      }
    });
    await server.exited;

    await withClient(url, async (db) => {
      await until(
        async () => ((await db.query(`SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1)`, [writing])).rows.length ? undefined : true),
        10_000,
        'the cut transactions rolled back',
      );
      expect(await traffic.verify(db)).toEqual([]);
      expect(await incompleteStatements(db)).toEqual([]);
      const statements = await count(db, 'statements');
      expect(statements).toBeGreaterThanOrEqual(22 + traffic.acknowledged.filter((a) => a.version === 1).length);
      console.log(
        `server killed with ${writing.length} write transactions open, after ${traffic.exchanges.length} requests and ${traffic.acknowledged.length} acknowledged writes: ` +
          `all ${statements} statements whole, every acknowledged write stored`,
      );
    });

    const restarted = await startServerProcess(env);
    expect(restarted.output()).toMatch(/Chronicle is ready in \d+ ms/);
    const listed = await fetch(`${base}/api/statements?_end=1`, { headers: { Authorization: `Bearer ${tokens.editor.token}` } });
    expect(listed.status).toBe(200);
    expect(Number(listed.headers.get('x-total-count'))).toBe(await withClient(url, (db) => count(db, 'statements')));
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
  });
});
