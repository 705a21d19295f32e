import { ChildProcess, fork, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { DriverReply, LoadJob, LoadResult } from './load-driver';

/** Compiled siblings of this file (bench/dist/bench/…). */
export const BENCH_DIST = __dirname;

/** User + system CPU time a process has used so far, in ms (Linux clock ticks of 10 ms). */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface Baseline {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts bench/baseline-server.ts in a process of its own and waits for it to listen. */
export function startBaseline(plansFile: string, port: number, env: Record<string, string>): Promise<Baseline> {
  const child = spawn(process.execPath, [path.join(BENCH_DIST, 'baseline-server.js'), plansFile, String(port)], {
    env: { ...process.env, ...env },
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
  };
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('baseline ready')) resolve({ child, stop });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    void exited.then(() => reject(new Error(`the baseline server exited:\n${output}`)));
  });
}

/** bench/load-driver.ts in its own process, taking one autocannon job at a time. */
export class LoadDriver {
  private constructor(
    private readonly child: ChildProcess,
    private readonly output: () => string,
  ) {}

  static start(): LoadDriver {
    const child = fork(path.join(BENCH_DIST, 'load-driver.js'), [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    return new LoadDriver(child, () => output);
  }

  run(job: LoadJob): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the load driver exited (${code}):\n${this.output()}`));
      this.child.once('exit', onExit);
      this.child.once('message', (reply: DriverReply) => {
        this.child.off('exit', onExit);
        if (reply.ok) resolve(reply.result);
        else reject(new Error(`autocannon failed: ${reply.error}`));
      });
      this.child.send(job);
    });
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
  }
}
