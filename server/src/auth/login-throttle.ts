/** Failed logins allowed per account and per client address within the window. */
export interface LoginLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}
export const LOGIN_LIMITS: LoginLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };
const MAX_TRACKED_KEYS = 50_000;

/**
 * Counts failed logins in a sliding window, per account and per address. In memory: one
 * server process (replicas would share it through the database or Redis; see docs/SCALING.md).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: LoginLimits = LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(email: string, address: string): number {
    const waits = [this.wait(`account:${email}`, this.limits.perAccount), this.wait(`address:${address}`, this.limits.perAddress)];
    return Math.max(...waits);
  }

  fail(email: string, address: string): void {
    for (const key of [`account:${email}`, `address:${address}`]) {
      const times = this.recent(key);
      times.push(this.now());
      this.failures.delete(key); // re-insert: the Map's order is the eviction order
      this.failures.set(key, times);
    }
    while (this.failures.size > MAX_TRACKED_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  /** A successful login clears its account's failures (the address keeps its count). */
  succeed(email: string): void {
    this.failures.delete(`account:${email}`);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private wait(key: string, limit: number): number {
    const times = this.recent(key);
    if (times.length < limit) return 0;
    const oldestCounted = times[times.length - limit];
    return Math.max(1, Math.ceil((oldestCounted + this.limits.windowMs - this.now()) / 1000));
  }
}
