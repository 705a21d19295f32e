import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '../../server/src/database/free-port';
import { Exchange, Traffic } from '../support/api-traffic';
import { embeddedUrl, portOpen, stopLeftoverPostgres, until, withClient } from '../support/fault-helpers';
import { ServerProcess, startServerProcess, stopAllServerProcesses } from '../support/server-process';

/**
 * The embedded PostgreSQL is supervised (issue 19, item 13). `npm start`'s own set-up, with a
 * data folder of its own: under concurrent writes the postmaster is killed with SIGKILL (what
 * an out-of-memory kill does); the server logs the exit as an error at once, starts PostgreSQL
 * again (its crash recovery replays the log), and the API recovers by itself, with every write
 * it acknowledged stored. A stop on purpose is not undone (nor logged as a crash), and a
 * postmaster that keeps dying is given up on after its restarts.
 */
const ADMIN = { ADMIN_EMAIL: 'supervise@test.example', ADMIN_PASSWORD: 'supervise admin password' };
/** From the kill to /api/health answering 200 again: the first restart waits 0.5 s, crash recovery about as long. */
const RECOVERY_BOUND_MS = 10_000;
const dataDirs: string[] = [];

afterAll(async () => {
  await stopAllServerProcesses();
  for (const dir of dataDirs) {
    await stopLeftoverPostgres(dir);
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);

async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-supervise-'));
  dataDirs.push(dir);
  return dir;
}

/** The postmaster serving the cluster under `dataDir`, from its lock file. */
async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(path.join(dataDir, 'pg/postmaster.pid'), 'utf8')).split('\n')[0]);
}

/** The server's JSON log lines from the embedded PostgreSQL's supervisor. */
function supervisorLines(server: ServerProcess): { level: string; msg: string; time: string }[] {
  return server
    .stdout()
    .split('\n')
    .filter((line) => line.includes('The embedded PostgreSQL'))
    .map((line) => JSON.parse(line) as { level: string; msg: string; time: string });
}

const isSuccess = (e: Exchange) => e.status >= 200 && e.status < 300;
const isUnavailable = (e: Exchange) => e.status === 503 && (e.body as { statusCode?: number } | undefined)?.statusCode === 503;

describe('the server with its embedded PostgreSQL', () => {
  jest.setTimeout(60_000);
  let dataDir: string;
  let pgPort: number;
  let base: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = await newDataDir();
    pgPort = await findFreePort();
    const port = await findFreePort();
    base = `http://127.0.0.1:${port}`;
    server = await startServerProcess({ ...ADMIN, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(port) });
    if (!/Chronicle is ready/.test(server.output())) throw new Error(`the server did not start:\n${server.output()}`);
  }, 90_000);

  it('restarts PostgreSQL killed under writes: the exit logged as an error, health back to 200, no acknowledged write lost', async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const ids = async (resource: string) =>
      (
        (await (await fetch(`${base}/api/${resource}?_end=5&_sort=id`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
          id: number;
        }[]
      ).map((record) => record.id);
    const traffic = new Traffic({ base, token, speakerIds: await ids('actors'), topicIds: await ids('topics') });
    // Two writers on one account: their exports (one at a time each) stay within the per-account cap of concurrent exports.
    for (const writer of ['writer 1', 'writer 2']) traffic.addWriter(writer);

    const url = await embeddedUrl(dataDir, pgPort);
    const postmaster = await postmasterPid(dataDir);
    let killedAt = 0;
    let recoveredAt = 0;
    try {
      // Once enough has been acknowledged, kill while a write transaction is under way.
      await until(async () => (traffic.acknowledged.length >= 20 ? true : undefined), 30_000, 'twenty acknowledged writes');
      const watcher = new Client({ connectionString: url });
      watcher.on('error', () => undefined); // the kill ends its session too
      await watcher.connect();
      await until(
        async () =>
          (
            await watcher.query(
              `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'chronicle' AND backend_xid IS NOT NULL`,
            )
          ).rows.length
            ? true
            : undefined,
        10_000,
        'a write under way',
      );
      process.kill(postmaster, 'SIGKILL');
      killedAt = Date.now();
      await watcher.end().catch(() => undefined);

      const exitLine = await until(
        async () => supervisorLines(server).find((line) => /exited unexpectedly \(killed by SIGKILL\)/.test(line.msg)),
        2_000,
        'the exit logged',
      );
      expect(exitLine.level).toBe('error');
      expect(exitLine.msg).toContain(`pid ${postmaster}`);
      expect(Date.parse(exitLine.time) - killedAt).toBeLessThan(1_000);

      recoveredAt = await until(
        async () => ((await fetch(`${base}/api/health`)).status === 200 ? Date.now() : undefined),
        RECOVERY_BOUND_MS,
        '/api/health answering 200 again',
      );
      // Writes go on after the recovery: several of each writer's loop acknowledged.
      await until(
        async () => (traffic.acknowledged.filter((ack) => ack.answeredAt > recoveredAt).length >= 12 ? true : undefined),
        10_000,
        'writes acknowledged after the recovery',
      );
    } finally {
      await traffic.stop();
    }

    expect(server.child.exitCode ?? server.child.signalCode).toBeNull();
    expect(await postmasterPid(dataDir)).not.toBe(postmaster);
    expect(supervisorLines(server).some((line) => line.level === 'info' && /running again/.test(line.msg))).toBe(true);

    // Never a 500, a dropped connection or a non-JSON error: a success, or a proper 503 while PostgreSQL was away.
    const exchanges = traffic.exchanges;
    expect(exchanges.filter((e) => !isSuccess(e) && !isUnavailable(e))).toEqual([]);
    const afterRecovery = exchanges.filter((e) => e.sentAt >= recoveredAt);
    expect(afterRecovery.filter((e) => !isSuccess(e))).toEqual([]);

    const before = traffic.acknowledged.filter((ack) => ack.answeredAt < killedAt).length;
    const after = traffic.acknowledged.filter((ack) => ack.answeredAt > recoveredAt).length;
    expect(before).toBeGreaterThanOrEqual(20);
    expect(await withClient(url, (db) => traffic.verify(db))).toEqual([]);
    console.log(
      `postmaster killed with a write under way after ${before} acknowledged writes: the exit logged as an error, ` +
        `/api/health 200 again ${recoveredAt - killedAt} ms after the kill; ${exchanges.length} requests ` +
        `(${exchanges.filter(isUnavailable).length} answered 503), ${traffic.acknowledged.length} acknowledged writes ` +
        `(${after} after the recovery), all stored. The server's account:\n  ${supervisorLines(server)
          .map((line) => `${line.level}: ${line.msg}`)
          .join('\n  ')}`,
    );
  });

  it('Ctrl-C, which a terminal sends to the server and its PostgreSQL alike, stops both: no restart, no error', async () => {
    // A request under way (its body half sent) holds the shutdown open until PostgreSQL has gone, as a slow one may.
    const body = JSON.stringify({ email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD });
    const request = http.request(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    });
    const answered = new Promise<number>((resolve, reject) => {
      request.on('response', (response) => (response.resume(), resolve(response.statusCode!)));
      request.on('error', reject);
    });
    request.write(body.slice(0, 10));
    const linesBefore = supervisorLines(server).length;
    const postmaster = await postmasterPid(dataDir);

    server.child.kill('SIGINT');
    await until(
      async () => (/SIGINT: finishing 1 requests under way/.test(server.stdout()) ? true : undefined),
      5_000,
      'the shutdown begun',
    );
    process.kill(postmaster, 'SIGINT');
    // Gone from the process table: the server has reaped it, so its exit event has been handled.
    await until(async () => (existsSync(`/proc/${postmaster}`) ? undefined : true), 10_000, 'PostgreSQL stopped and reaped');
    request.end(body.slice(10));
    expect(await answered).toBe(503);
    expect(await server.exited).toBe(0);
    expect(supervisorLines(server).slice(linesBefore)).toEqual([]);
    expect(await portOpen(pgPort)).toBe(false);
    expect(existsSync(path.join(dataDir, 'pg/postmaster.pid'))).toBe(false);
  });
});

describe('a postmaster that keeps dying', () => {
  jest.setTimeout(60_000);

  it('is restarted 5 times within 10 minutes, backing off, then left down, saying so; a stop then is prompt', async () => {
    const dataDir = await newDataDir();
    const pgPort = await findFreePort();
    const port = await findFreePort();
    const server = await startServerProcess({ ...ADMIN, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(port) });
    expect(server.output()).toMatch(/Chronicle is ready/);
    const restarted = () => supervisorLines(server).filter((line) => /running again/.test(line.msg)).length;

    const startedAt = Date.now();
    for (let restart = 1; restart <= 5; restart++) {
      process.kill(await postmasterPid(dataDir), 'SIGKILL');
      await until(async () => (restarted() === restart ? true : undefined), 10_000, `restart ${restart}`);
    }
    const last = await postmasterPid(dataDir);
    process.kill(last, 'SIGKILL');
    const gaveUp = await until(async () => supervisorLines(server).find((line) => /giving up/.test(line.msg)), 5_000, 'giving up');
    const elapsed = Date.now() - startedAt;

    expect(gaveUp.level).toBe('error');
    expect(gaveUp.msg).toMatch(
      new RegExp(
        `pid ${last}\\) exited unexpectedly \\(killed by SIGKILL\\); it was restarted 5 times within 10 minutes already: giving up`,
      ),
    );
    // Each exit before it: an error naming the wait, doubling from 0.5 s up to 4 s.
    const scheduled = supervisorLines(server).filter((line) => /restarting it in/.test(line.msg));
    expect(scheduled.map((line) => line.level)).toEqual(['error', 'error', 'error', 'error', 'error']);
    expect(scheduled.map((line) => /in (\d+) ms \(restart (\d) of at most 5/.exec(line.msg)!.slice(1).join(' ms, restart '))).toEqual([
      '500 ms, restart 1',
      '1000 ms, restart 2',
      '2000 ms, restart 3',
      '4000 ms, restart 4',
      '4000 ms, restart 5',
    ]);
    // Given up: no restart pending, the server up and saying the database is down.
    expect(await portOpen(pgPort)).toBe(false);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(503);
    expect(server.child.exitCode ?? server.child.signalCode).toBeNull();

    // Stopping with nothing left to stop: at once, exit 0.
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(2_000);
    console.log(`6 kills of the postmaster: restarted 5 times (backing off 0.5 s to 4 s), then left down after ${elapsed} ms, as logged`);
  });
});
