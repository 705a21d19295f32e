import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PostgresSupervisor, RESTART_POLICY, SupervisedServer } from './postgres-supervisor';

/** A postmaster that exits when the test says (a crash) or when stopped (status 0, as PostgreSQL's fast shutdown). */
class FakePostmaster extends EventEmitter {
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  constructor(readonly pid: number) {
    super();
  }
  exit(code: number | null, signal: NodeJS.Signals | null = null): void {
    this.exitCode = code;
    this.signalCode = signal;
    this.emit('exit', code, signal);
  }
}

/** The server side: each start gives a new postmaster, unless the test queued a failure or holds the start. */
class FakeServer implements SupervisedServer {
  running?: FakePostmaster;
  starts = 0;
  stops = 0;
  failNextStart?: Error;
  refusal?: string;
  /** Set: the next start waits until the test calls it. */
  hold?: { release?: () => void };
  private nextPid = 100;

  async start(): Promise<ChildProcess> {
    this.starts++;
    if (this.hold) await new Promise<void>((resolve) => (this.hold!.release = resolve));
    if (this.failNextStart) {
      const error = this.failNextStart;
      this.failNextStart = undefined;
      throw error;
    }
    this.running = new FakePostmaster(this.nextPid++);
    return this.running as unknown as ChildProcess;
  }

  async stop(): Promise<void> {
    this.stops++;
    const running = this.running;
    this.running = undefined;
    if (running && running.exitCode === null && running.signalCode === null) running.exit(0);
  }

  async restartRefusal(): Promise<string | undefined> {
    return this.refusal;
  }

  crash(): void {
    const running = this.running!;
    this.running = undefined;
    running.exit(null, 'SIGKILL');
  }
}

describe('PostgresSupervisor', () => {
  let server: FakeServer;
  let failures: string[];
  let notices: string[];
  let supervisor: PostgresSupervisor;

  beforeEach(async () => {
    jest.useFakeTimers();
    server = new FakeServer();
    failures = [];
    notices = [];
    supervisor = new PostgresSupervisor(server, { failure: (m) => failures.push(m), notice: (m) => notices.push(m) });
    supervisor.watch(await server.start());
    server.starts = 0;
  });

  afterEach(() => jest.useRealTimers());

  /** Crashes the running postmaster and lets the scheduled restart happen. */
  async function crashAndWait(): Promise<number> {
    server.crash();
    const delay = Number(/restarting it in (\d+) ms/.exec(failures.at(-1) ?? '')?.[1]);
    if (Number.isNaN(delay)) return NaN;
    await jest.advanceTimersByTimeAsync(delay - 1);
    const before = server.starts;
    await jest.advanceTimersByTimeAsync(1);
    expect(server.starts).toBe(before + 1);
    return delay;
  }

  it('restarts a crashed postmaster after 0.5 s, 1 s, 2 s, 4 s, 4 s, then gives up and stays down', async () => {
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) delays.push(await crashAndWait());
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 4_000]);
    expect(notices).toHaveLength(5);
    expect(failures[0]).toBe(
      'The embedded PostgreSQL (pid 100) exited unexpectedly (killed by SIGKILL): restarting it in 500 ms (restart 1 of at most 5 within 10 minutes)',
    );

    server.crash();
    expect(failures.at(-1)).toMatch(
      /\(pid 105\) exited unexpectedly \(killed by SIGKILL\); it was restarted 5 times within 10 minutes already: giving up/,
    );
    await jest.advanceTimersByTimeAsync(RESTART_POLICY.windowMs);
    expect(server.starts).toBe(5);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('forgets restarts older than the window: a crash after a quiet 10 minutes waits 0.5 s again', async () => {
    await crashAndWait();
    await crashAndWait();
    await jest.advanceTimersByTimeAsync(RESTART_POLICY.windowMs);
    expect(await crashAndWait()).toBe(500);
  });

  it('counts a restart that fails, and tries again after the next wait', async () => {
    server.failNextStart = new Error('PostgreSQL exited during start-up: FATAL: pre-existing shared memory block is still in use');
    server.crash();
    await jest.advanceTimersByTimeAsync(500);
    expect(failures.at(-1)).toBe(
      'The embedded PostgreSQL did not restart (PostgreSQL exited during start-up: FATAL: pre-existing shared memory block is still in use): ' +
        'restarting it in 1000 ms (restart 2 of at most 5 within 10 minutes)',
    );
    await jest.advanceTimersByTimeAsync(1_000);
    expect(server.starts).toBe(2);
    expect(server.running?.pid).toBe(101);
    expect(notices).toEqual([expect.stringMatching(/^The embedded PostgreSQL is running again \(pid 101\)/)]);
  });

  it('does not restart a postmaster that shut down with status 0 (a shutdown asked for from outside)', async () => {
    server.running!.exit(0);
    expect(failures).toEqual([
      expect.stringMatching(/\(pid 100\) shut down on a request from outside Chronicle \(exit code 0\): not restarting it/),
    ]);
    await jest.advanceTimersByTimeAsync(RESTART_POLICY.windowMs);
    expect(server.starts).toBe(0);
  });

  it('notices a postmaster that died before it was watched', async () => {
    const dead = new FakePostmaster(7);
    dead.exit(1);
    supervisor.watch(dead as unknown as ChildProcess);
    expect(failures).toEqual([expect.stringMatching(/\(pid 7\) exited unexpectedly \(exit code 1\): restarting it in 500 ms/)]);
  });

  it('after stop(): its own stop is no crash, and nothing restarts', async () => {
    await supervisor.stop();
    expect(server.stops).toBe(1);
    expect(failures).toEqual([]);
    await jest.advanceTimersByTimeAsync(RESTART_POLICY.windowMs);
    expect(server.starts).toBe(0);
  });

  it('after release() (Chronicle shutting down), an exit is expected: neither logged nor restarted', async () => {
    supervisor.release();
    server.running!.exit(0); // a terminal's Ctrl-C reached PostgreSQL too
    await jest.advanceTimersByTimeAsync(RESTART_POLICY.windowMs);
    expect({ failures, starts: server.starts }).toEqual({ failures: [], starts: 0 });
    await supervisor.stop();
  });

  it('stop() while a restart waits its turn cancels it', async () => {
    server.crash();
    await jest.advanceTimersByTimeAsync(200);
    await supervisor.stop();
    await jest.advanceTimersByTimeAsync(RESTART_POLICY.windowMs);
    expect(server.starts).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('stop() during a restart stops the postmaster that restart brings up', async () => {
    server.hold = {};
    server.crash();
    await jest.advanceTimersByTimeAsync(500);
    expect(server.starts).toBe(1);
    const stopped = supervisor.stop();
    server.hold.release!();
    await stopped;
    expect(server.running).toBeUndefined();
    expect(server.stops).toBe(2);
    expect(notices).toEqual([]);
    expect(failures).toHaveLength(1); // the crash; the restarted one's stop is no crash
  });

  it('stop() is the same promise however often it is called (the package exit hook, the graceful shutdown)', async () => {
    expect(supervisor.stop()).toBe(supervisor.stop());
  });

  it('does not restart over another owner of the data folder', async () => {
    server.refusal = 'its data folder now belongs to process 4242 (another Chronicle?)';
    server.crash();
    await jest.advanceTimersByTimeAsync(500);
    expect(server.starts).toBe(0);
    expect(failures.at(-1)).toBe(
      'The embedded PostgreSQL is not restarted: its data folder now belongs to process 4242 (another Chronicle?)',
    );
  });
});
