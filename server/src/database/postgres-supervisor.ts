import type { ChildProcess } from 'node:child_process';

/** How often a postmaster that keeps dying is started again. */
export interface RestartPolicy {
  /** Wait before a restart when none happened within the window; doubled for each one that did. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** At most this many restarts within `windowMs`; an exit beyond them leaves PostgreSQL down. */
  maxRestarts: number;
  windowMs: number;
}

/** 0.5 s, 1 s, 2 s, 4 s, 4 s: a crash loop gives up about 12 s after it began, and a one-off crash costs half a second. */
export const RESTART_POLICY: RestartPolicy = { firstDelayMs: 500, maxDelayMs: 4_000, maxRestarts: 5, windowMs: 10 * 60_000 };

/** The postmaster as the supervisor drives it. */
export interface SupervisedServer {
  /** Starts it; resolves with its process once it accepts connections (after its crash recovery), rejects if it exits first. */
  start(): Promise<ChildProcess>;
  /** Asks a running postmaster for a fast shutdown (at once, before any await) and resolves once it has exited. */
  stop(): Promise<void>;
  /** Before each restart: why it must not happen (the data folder now belongs to someone else), if so. */
  restartRefusal(): Promise<string | undefined>;
}

export interface SupervisorLog {
  /** What went wrong: an exit, a failed restart, giving up (the server's error log). */
  failure(message: string): void;
  /** PostgreSQL is back. */
  notice(message: string): void;
}

const minutes = (ms: number) => (ms === 60_000 ? '1 minute' : `${Math.round(ms / 60_000)} minutes`);
const describeExit = (code: number | null, signal: NodeJS.Signals | null) => (signal ? `killed by ${signal}` : `exit code ${code}`);

/**
 * Watches the embedded PostgreSQL's postmaster, a child process of Chronicle's, and starts it
 * again when it dies (an out-of-memory kill, `kill -9`): PostgreSQL replays its write-ahead log
 * on start, so every committed transaction is back, and the connection pool, which drops
 * connections that fail, reconnects by itself. Restarts back off and are limited (`RESTART_POLICY`):
 * a postmaster that cannot stay up is left down, said so, rather than restarted forever. An exit
 * with status 0 is a shutdown someone asked for (`pg_ctl stop`): logged, not undone. Once
 * Chronicle is shutting down (`release()`, `stop()`) an exit is expected and nothing restarts.
 */
export class PostgresSupervisor {
  private postmaster?: ChildProcess;
  /** When each restart within the window began. */
  private restarts: number[] = [];
  private timer?: NodeJS.Timeout;
  private restarting?: Promise<void>;
  private stopped = false;
  private stopping?: Promise<void>;

  constructor(
    private readonly server: SupervisedServer,
    private readonly log: SupervisorLog,
    private readonly policy: RestartPolicy = RESTART_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /** Supervises a postmaster that has just started (the 'exit' event: noticed at once, without polling). */
  watch(postmaster: ChildProcess): void {
    this.postmaster = postmaster;
    if (postmaster.exitCode !== null || postmaster.signalCode !== null) this.exited(postmaster, postmaster.exitCode, postmaster.signalCode);
    else postmaster.once('exit', (code, signal) => this.exited(postmaster, code, signal));
  }

  /** Ends supervision: an exit from now on is expected, and nothing restarts (a restart under way is stopped by `stop()`). */
  release(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /**
   * Ends supervision, then stops PostgreSQL — also one being restarted right now. The running
   * postmaster is signalled synchronously, so that a caller about to exit the process may not wait.
   */
  stop(): Promise<void> {
    return (this.stopping ??= this.stopNow());
  }

  private stopNow(): Promise<void> {
    this.release();
    const stopping = this.server.stop();
    const restarting = this.restarting;
    return (async () => {
      await stopping;
      if (!restarting) return;
      // A restart that had not spawned its postmaster yet went on: that one is stopped too.
      await restarting;
      await this.server.stop();
    })();
  }

  private exited(postmaster: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopped || postmaster !== this.postmaster) return;
    this.postmaster = undefined;
    const what = `The embedded PostgreSQL (pid ${postmaster.pid}) exited unexpectedly (${describeExit(code, signal)})`;
    if (code === 0 && !signal) {
      this.log.failure(
        `The embedded PostgreSQL (pid ${postmaster.pid}) shut down on a request from outside Chronicle (exit code 0): ` +
          'not restarting it; the API answers 503 until Chronicle is restarted',
      );
      return;
    }
    this.scheduleRestart(what);
  }

  private scheduleRestart(what: string): void {
    const { firstDelayMs, maxDelayMs, maxRestarts, windowMs } = this.policy;
    const now = this.now();
    this.restarts = this.restarts.filter((startedAt) => now - startedAt < windowMs);
    const window = minutes(windowMs);
    if (this.restarts.length >= maxRestarts) {
      this.log.failure(
        `${what}; it was restarted ${maxRestarts} times within ${window} already: giving up, PostgreSQL stays down ` +
          'and the API answers 503 until Chronicle is restarted',
      );
      return;
    }
    const delay = Math.min(firstDelayMs * 2 ** this.restarts.length, maxDelayMs);
    this.log.failure(
      `${what}: restarting it in ${delay} ms (restart ${this.restarts.length + 1} of at most ${maxRestarts} within ${window})`,
    );
    this.timer = setTimeout(() => {
      this.restarting = this.restart().finally(() => (this.restarting = undefined));
    }, delay);
  }

  private async restart(): Promise<void> {
    const startedAt = this.now();
    this.restarts.push(startedAt);
    let postmaster: ChildProcess;
    try {
      const refusal = await this.server.restartRefusal();
      if (refusal) return this.log.failure(`The embedded PostgreSQL is not restarted: ${refusal}`);
      postmaster = await this.server.start();
    } catch (error) {
      if (this.stopped) return;
      return this.scheduleRestart(`The embedded PostgreSQL did not restart (${error instanceof Error ? error.message : String(error)})`);
    }
    if (this.stopped) return; // stop() stops it once this restart has settled
    this.watch(postmaster);
    this.log.notice(
      `The embedded PostgreSQL is running again (pid ${postmaster.pid}), ${this.now() - startedAt} ms after its restart began, crash recovery done`,
    );
  }
}
