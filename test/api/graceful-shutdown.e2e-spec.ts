import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import * as http from 'node:http';
import type { Socket } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '../../server/src/database/free-port';
import { destroyAllPostgresServers, PostgresServer } from '../support/controlled-postgres';
import { addTranscripts, startDownload } from '../support/downloads';
import { embeddedCredentials, embeddedUrl, portOpen, sleep, stopLeftoverPostgres, until, withClient } from '../support/fault-helpers';
import { startServerProcess, stopAllServerProcesses } from '../support/server-process';

/**
 * SIGTERM (issue 7, item 3), on `npm start`'s own set-up (embedded PostgreSQL): the requests
 * under way finish — an export streaming to a slow reader, history lists waiting on a lock
 * the test holds, on keep-alive connections — while new connections are refused; every
 * connection closes after its last answer; the pool closes before PostgreSQL stops; exit 0
 * within SHUTDOWN_TIMEOUT_MS. A request that cannot finish is cut at that deadline: exit 1,
 * and PostgreSQL still stops.
 */
const ADMIN = { ADMIN_EMAIL: 'drain@test.example', ADMIN_PASSWORD: 'drain admin password' };
let dataDir: string;
let pgPort: number;
let port: number;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-shutdown-'));
  pgPort = await findFreePort();
  port = await findFreePort();
  env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(port), ...ADMIN };
});

// A test that failed half way leaves no server holding the data folder for the next.
afterEach(() => stopAllServerProcesses(), 30_000);

afterAll(async () => {
  await stopAllServerProcesses();
  await destroyAllPostgresServers();
  await stopLeftoverPostgres(dataDir);
  await rm(dataDir, { recursive: true, force: true });
}, 30_000);

interface Answer {
  status: number;
  connection?: string;
  body: unknown;
  socket: Socket;
}

function get(pathname: string, token: string, agent?: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `http://127.0.0.1:${port}${pathname}`,
      { agent, headers: { Authorization: `Bearer ${token}` } },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            connection: response.headers.connection,
            body: JSON.parse(text),
            socket: request.socket!,
          }),
        );
      },
    );
    request.on('error', reject);
  });
}

const closed = (socket: Socket) =>
  new Promise<number>((resolve) => (socket.destroyed ? resolve(Date.now()) : socket.once('close', () => resolve(Date.now()))));

async function signIn(): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** A transaction of the test's holding the history table: history lists wait until it ends. */
async function lockHistory(): Promise<Client> {
  const locker = new Client({ connectionString: await embeddedUrl(dataDir, pgPort) });
  locker.on('error', () => undefined); // PostgreSQL stopping ends it too
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query('LOCK TABLE revisions IN ACCESS EXCLUSIVE MODE');
  return locker;
}

const waitingOnLock = (sessions: number) =>
  until(
    async () =>
      withClient(await embeddedUrl(dataDir, pgPort), async (db) => {
        const { rows } = await db.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'chronicle' AND wait_event_type = 'Lock'`);
        return rows.length >= sessions ? true : undefined;
      }),
    10_000,
    `${sessions} requests waiting on the lock`,
  );

describe('SIGTERM', () => {
  jest.setTimeout(90_000);

  it('finishes the requests under way, refuses new connections, closes the pool, stops PostgreSQL, exits 0', async () => {
    const server = await startServerProcess({ ...env, SHUTDOWN_TIMEOUT_MS: '8000' });
    expect(server.output()).toMatch(/Chronicle is ready in \d+ ms/);
    const token = await signIn();
    const url = await embeddedUrl(dataDir, pgPort);
    // About 8 MB of export, so that it is still streaming when the signal comes: 20 transcripts, copied in SQL.
    await addTranscripts(`http://127.0.0.1:${port}`, token, { count: 20, speakerId: 1, date: '2018-05', quoteLength: 5_000 });
    const statements = await withClient(url, async (db) => {
      await db.query(`INSERT INTO statements (type, status, date, date_start, date_end, display_date, headline, quote, speaker_id, review_status)
                      SELECT type, status, date, date_start, date_end, display_date, headline || ', copy ' || copy, quote, speaker_id, review_status
                        FROM statements, generate_series(1, 80) AS copy WHERE quote LIKE 'Transcript%'`);
      return Number((await db.query('SELECT count(*) AS n FROM statements')).rows[0].n);
    });

    const idle = await get('/api/health', token, new http.Agent({ keepAlive: true }));
    expect(idle.connection).toBe('keep-alive');
    const locker = await lockHistory();
    const keepAlive = new http.Agent({ keepAlive: true });
    const lists = [1, 2, 3, 4].map(() => get('/api/revisions?_end=5', token, keepAlive));
    await waitingOnLock(4);
    const download = await startDownload(
      `http://127.0.0.1:${port}/api/statements/export?format=ndjson`,
      { Authorization: `Bearer ${token}` },
      keepAlive,
    );
    expect(download.headers.connection).toBe('keep-alive');
    let exportDoneAt = 0;
    void download.finished.then(() => (exportDoneAt = Date.now()));
    download.resume(3_000_000);

    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const idleClosedAt = await closed(idle.socket);
    await until(async () => ((await portOpen(port)) ? undefined : true), 2_000, 'new connections refused');
    const refusedAt = Date.now();
    const exportStreamingWhenRefused = exportDoneAt === 0;
    await sleep(300);
    await locker.query('ROLLBACK');
    await locker.end();

    for (const answer of await Promise.all(lists)) {
      expect(answer.status).toBe(200);
      expect(Array.isArray(answer.body)).toBe(true);
      // The last answer on a connection says so, and the server closes it.
      expect(answer.connection).toBe('close');
      await closed(answer.socket);
    }
    const exported = await download.finished;
    expect(exported.complete).toBe(true);
    expect(exported.body.toString('utf8').trimEnd().split('\n').length).toBe(statements);
    expect(exportStreamingWhenRefused).toBe(true);

    expect(await server.exited).toBe(0);
    const exitedAt = Date.now();
    expect(idleClosedAt - signalledAt).toBeLessThan(1_000);
    // Not after the keep-alive timeout (5 s): the export's connection closed when its answer was sent.
    expect(exitedAt - exportDoneAt).toBeLessThan(2_500);
    expect(await portOpen(pgPort)).toBe(false);
    expect(existsSync(path.join(dataDir, 'pg/postmaster.pid'))).toBe(false);

    // Every session the server had ended at its own request: none cut by PostgreSQL's shutdown, none dropped.
    const cluster = PostgresServer.adopt(dataDir, pgPort, await embeddedCredentials(dataDir));
    await cluster.start();
    const sessions = await withClient(
      cluster.url('chronicle'),
      async (db) =>
        (
          await db.query(
            `SELECT sessions, sessions_abandoned AS abandoned, sessions_killed AS killed FROM pg_stat_database WHERE datname = 'chronicle'`,
          )
        ).rows[0],
    );
    await cluster.stop('fast');
    expect(Number(sessions.sessions)).toBeGreaterThan(5);
    expect({ abandoned: Number(sessions.abandoned), killed: Number(sessions.killed) }).toEqual({ abandoned: 0, killed: 0 });
    console.log(
      `SIGTERM with 4 lists waiting and an export of ${(exported.body.length / 1e6).toFixed(1)} MB streaming: new connections refused after ${refusedAt - signalledAt} ms, ` +
        `the idle keep-alive connection closed after ${idleClosedAt - signalledAt} ms, the export done after ${exportDoneAt - signalledAt} ms, exit 0 after ${exitedAt - signalledAt} ms`,
    );
  });

  it('cuts a request that cannot finish at SHUTDOWN_TIMEOUT_MS: exit 1, and PostgreSQL still stops', async () => {
    const server = await startServerProcess({ ...env, SHUTDOWN_TIMEOUT_MS: '1500' });
    expect(server.output()).toMatch(/Chronicle is ready in \d+ ms/);
    const token = await signIn();
    const locker = await lockHistory();
    const stuck = get('/api/revisions?_end=5', token);
    stuck.catch(() => undefined);
    await waitingOnLock(1);

    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(1);
    const elapsed = Date.now() - signalledAt;
    expect(elapsed).toBeGreaterThanOrEqual(1_500);
    expect(elapsed).toBeLessThan(3_000);
    await expect(stuck).rejects.toThrow(/socket hang up|ECONNRESET/);
    await until(
      async () => ((await portOpen(pgPort)) || existsSync(path.join(dataDir, 'pg/postmaster.pid')) ? undefined : true),
      10_000,
      'PostgreSQL stopped',
    );
    await locker.end().catch(() => undefined);
    console.log(
      `SIGTERM with a request stuck on a lock: exit 1 after ${elapsed} ms (SHUTDOWN_TIMEOUT_MS=1500), the request cut, PostgreSQL stopped`,
    );
  });
});
