import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { REPOSITORY_ROOT } from '../../server/src/config/paths';

/** Node options the server runs with, as in `npm start` and the Dockerfile (checked by the deployment test). */
export const SERVER_NODE_OPTIONS = ['--heap-growing-percent=20', '--max-semi-space-size=16'];
export const SERVER_MAIN = path.join(REPOSITORY_ROOT, 'server/dist/server/src/main.js');

const running = new Set<ChildProcess>();

/**
 * Stops every server this test file started and has not seen exit — after a failed assertion
 * too, so that no server (nor its embedded PostgreSQL) outlives the test run. SIGTERM first
 * (the server stops its PostgreSQL), SIGKILL after the server's own shutdown deadline.
 */
export async function stopAllServerProcesses(graceMs = 12_000): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => (clearTimeout(timer), resolve()));
          child.kill('SIGTERM');
        }),
    ),
  );
}

export interface ServerProcess {
  child: ChildProcess;
  /** stdout and stderr interleaved, as a terminal shows them. */
  output: () => string;
  /** stdout alone: the JSON log. */
  stdout: () => string;
  exited: Promise<number | null>;
}

export interface StartingServerProcess extends ServerProcess {
  /** Resolves once the server says it is ready, or once it has exited (check `exited` and `output()` then). */
  ready: Promise<ServerProcess>;
}

/** The built server in a process of its own, as `npm start` runs it, returned at once (for faults during start-up). */
export function spawnServerProcess(env: Record<string, string>, timeoutMs = 60_000): StartingServerProcess {
  const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, SERVER_MAIN], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    cwd: REPOSITORY_ROOT,
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let output = '';
  let stdout = '';
  child.stdout.on('data', (chunk) => ((output += chunk), (stdout += chunk)));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = { child, output: () => output, stdout: () => stdout, exited };
  const ready = new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const poll = setInterval(() => {
      if (/Chronicle is ready in \d+ ms/.test(output)) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(started);
      }
    }, 50);
    void exited.then(() => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve(started);
    });
  });
  return { ...started, ready };
}

/**
 * The built server in a process of its own, as `npm start` runs it. Resolves once it says
 * it is ready, or once it has exited (check `exited` and `output()` then).
 */
export function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  return spawnServerProcess(env, timeoutMs).ready;
}
