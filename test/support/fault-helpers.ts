import { readFile } from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it gives a value (a throw counts as not yet); fails naming `what` after `timeoutMs`. */
export async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(20);
  }
}

export async function withClient<T>(url: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** The credentials the server generated for its embedded PostgreSQL under DATA_DIR. */
export async function embeddedCredentials(dataDir: string): Promise<{ user: string; password: string }> {
  return JSON.parse(await readFile(path.join(dataDir, 'credentials.json'), 'utf8'));
}

/** A connection string for a database of the embedded PostgreSQL that a server started under DATA_DIR. */
export async function embeddedUrl(dataDir: string, port: number, database = 'chronicle'): Promise<string> {
  const { user, password } = await embeddedCredentials(dataDir);
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * For afterAll: an embedded PostgreSQL that a killed server left running in `dataDir` (the
 * test failed before a restart stopped it) is stopped, so that no postgres outlives the run.
 */
export async function stopLeftoverPostgres(dataDir: string): Promise<void> {
  const lock = await readFile(path.join(dataDir, 'pg/postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number(lock?.split('\n')[0]);
  if (!pid) return;
  const alive = () =>
    readFile(`/proc/${pid}/stat`, 'utf8').then(
      (stat) => !/\) Z /.test(stat),
      () => false,
    );
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const deadline = Date.now() + 10_000;
  while ((await alive()) && Date.now() < deadline) await sleep(50);
  if (await alive()) process.kill(pid, 'SIGKILL');
}

/** Whether anything accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
