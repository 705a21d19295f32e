import { readdir, readFile, readlink } from 'node:fs/promises';
import type { Client } from 'pg';
import type { Totals } from './soak-types';

/** Where the run was when a sample was taken; only `measured` samples are judged for growth. */
export type Phase = 'idle' | 'warm-up' | 'measured' | 'verify' | 'after';

export interface Sample {
  /** Seconds since the load began (negative while idle before it). */
  t: number;
  phase: Phase;
  /** Resident set of the server process (VmRSS), MB; null once the process is gone. */
  rssMb: number | null;
  /** Open file descriptors of the server process, and how many of them are sockets. */
  fds: number | null;
  sockets: number | null;
  /** The server's sessions in PostgreSQL (application_name 'chronicle', this database), and how many run a query. */
  dbConnections: number | null;
  dbActive: number | null;
  /** CPU of the server process since the previous sample, % of one core. */
  cpuPercent: number | null;
  /** The same for the load process: on a shared machine it competes with the server. */
  driverCpuPercent: number | null;
  /** The load driver's counts at the time of the sample. */
  totals: Totals;
}

export const NO_TOTALS: Totals = { requests: 0, fiveXx: 0, networkErrors: 0, unexpected: 0, violations: 0 };

/** utime + stime of a process, in ms (clock ticks of 10 ms on Linux). */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function processFigures(pid: number) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]);
  const fds = await readdir(`/proc/${pid}/fd`);
  // A descriptor may close between readdir and readlink: count it as not a socket.
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')));
  return {
    rssMb: rssKb / 1024,
    fds: fds.length,
    sockets: targets.filter((target) => target.startsWith('socket:')).length,
    cpuMs: await cpuMs(pid),
  };
}

/**
 * Once a second: the server's RSS, descriptors and CPU from /proc/<pid>, its PostgreSQL
 * sessions from pg_stat_activity (through `db`, a session named otherwise), and the load
 * driver's counts. A tick is skipped rather than queued when the previous sample is late.
 *
 * Besides the ticks, `enter(phase)` takes a sample as each phase begins. A phase can be
 * shorter than a second (reading back a few thousand writes often is), and a timer alone
 * then leaves it unsampled: one short soak in a few hundred had no `verify` sample. Each
 * sample carries the phase it was begun in, so a slow sample is never relabelled by a
 * phase change that happens while it is taken.
 */
export class Sampler {
  readonly samples: Sample[] = [];
  totals: Totals = NO_TOTALS;
  /** The load process, once it runs. */
  driverPid?: number;
  private current: Phase = 'idle';
  private origin = performance.now();
  private timer?: NodeJS.Timeout;
  private taking?: Promise<void>;
  private last?: { at: number; cpuMs: number };
  private lastDriver?: { at: number; cpuMs: number };

  constructor(
    private readonly pid: number,
    private readonly db: Client,
    private readonly database: string,
  ) {}

  get phase(): Phase {
    return this.current;
  }

  /** Takes the first sample of the run (idle) and then one a second. */
  start(intervalMs = 1000): void {
    this.sampleNow();
    this.timer = setInterval(() => {
      if (!this.taking) this.sampleNow();
    }, intervalMs);
  }

  /** The run moves on to `phase`: its first sample is taken now, after any sample under way. */
  enter(phase: Phase): void {
    this.current = phase;
    this.sampleNow();
  }

  /** t counts from here (the load's start): the idle samples taken so far get negative times. */
  markLoadStart(): void {
    const now = performance.now();
    const shift = (now - this.origin) / 1000;
    for (const sample of this.samples) sample.t = Math.round((sample.t - shift) * 10) / 10;
    this.origin = now;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    while (this.taking) await this.taking;
  }

  private sampleNow(): void {
    const phase = this.current;
    const taken: Promise<void> = (this.taking ?? Promise.resolve())
      .then(() => this.take(phase))
      .finally(() => {
        if (this.taking === taken) this.taking = undefined;
      });
    this.taking = taken;
  }

  private async take(phase: Phase): Promise<void> {
    const at = performance.now();
    const figures = await processFigures(this.pid).catch(() => undefined);
    const { rows } = await this.db
      .query(
        `SELECT count(*)::int AS total, (count(*) FILTER (WHERE state = 'active'))::int AS active
           FROM pg_stat_activity WHERE application_name = 'chronicle' AND datname = $1`,
        [this.database],
      )
      .catch(() => ({ rows: [{ total: null, active: null }] }));
    const percent = (now: number | undefined, before?: { at: number; cpuMs: number }) =>
      now !== undefined && before ? Math.round(((now - before.cpuMs) / (at - before.at)) * 100) : null;
    const cpuPercent = percent(figures?.cpuMs, this.last);
    if (figures) this.last = { at, cpuMs: figures.cpuMs };
    const driverCpuMs = this.driverPid ? await cpuMs(this.driverPid).catch(() => undefined) : undefined;
    const driverCpuPercent = percent(driverCpuMs, this.lastDriver);
    this.lastDriver = driverCpuMs === undefined ? undefined : { at, cpuMs: driverCpuMs };
    this.samples.push({
      t: Math.round((at - this.origin) / 100) / 10,
      phase,
      rssMb: figures ? Math.round(figures.rssMb * 10) / 10 : null,
      fds: figures?.fds ?? null,
      sockets: figures?.sockets ?? null,
      dbConnections: rows[0].total as number | null,
      dbActive: rows[0].active as number | null,
      cpuPercent,
      driverCpuPercent,
      totals: { ...this.totals },
    });
  }
}
