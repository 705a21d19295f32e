import { clientGroup } from './client-address';

/**
 * Failed sign-ins allowed within a sliding window of 15 minutes, counted three ways:
 *
 * - `perAccountAndAddress` (5): one client guessing one account. The limit one person or one
 *   attacker at one address meets first; it locks that account from that address only.
 * - `perAccount` (20): every client together guessing one account. One address alone cannot
 *   reach it (it stops at 5), so one attacker cannot lock an account out from everywhere; it
 *   takes at least four addresses, and a guessing botnet gets 20 guesses an account per window.
 * - `perAddress` (20): one client guessing many accounts (password spraying), whatever each
 *   account's count.
 *
 * A client that signed in to the account within `knownForMs` (30 days) is held to the first limit
 * only: an attack on the account from elsewhere, or a colleague behind the same NAT spraying
 * guesses, does not lock its owner out from where they usually sign in.
 */
export interface LoginLimits {
  perAccountAndAddress: number;
  perAccount: number;
  perAddress: number;
  windowMs: number;
  knownForMs: number;
}
export const LOGIN_LIMITS: LoginLimits = {
  perAccountAndAddress: 5,
  perAccount: 20,
  perAddress: 20,
  windowMs: 15 * 60_000,
  knownForMs: 30 * 86_400_000,
};
const MAX_TRACKED_KEYS = 50_000;

/** A sign-in under way, counted as failed until it is settled. */
export interface LoginAttempt {
  readonly keys: { pair: string; account: string; address: string };
  readonly at: number;
}

export type LoginAdmission = { allowed: true; attempt: LoginAttempt } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts failed sign-ins in a sliding window, per (account, address), per account and per address
 * (an IPv6 address by its /64). An attempt counts as a failure from the moment it is admitted,
 * before its password is checked, so that a burst of concurrent guesses gets no more than a
 * limit's worth: a success or a check that did not happen takes its count back.
 * In memory: one server process (replicas would share it through the database or Redis; see
 * docs/SCALING.md).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  /** (account, address) → when it last signed in. */
  private readonly known = new Map<string, number>();

  constructor(
    private readonly limits: LoginLimits = LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Admits a sign-in and counts it as failed, or says how many seconds to wait (nothing counted). */
  begin(email: string, address: string): LoginAdmission {
    const group = clientGroup(address);
    const keys = { pair: `pair:${JSON.stringify([email, group])}`, account: `account:${email}`, address: `address:${group}` };
    const knownAt = this.known.get(keys.pair);
    const isKnown = knownAt !== undefined && knownAt > this.now() - this.limits.knownForMs;
    const waits = [this.wait(keys.pair, this.limits.perAccountAndAddress)];
    if (!isKnown) waits.push(this.wait(keys.account, this.limits.perAccount), this.wait(keys.address, this.limits.perAddress));
    const retryAfterSeconds = Math.max(...waits);
    if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds };
    const at = this.now();
    for (const key of Object.values(keys)) this.remember(this.failures, key, [...this.recent(key), at]);
    return { allowed: true, attempt: { keys, at } };
  }

  /**
   * The password was right: the client's earlier failures on this account are forgiven, this
   * attempt is taken back from the account's and the address's counts (the others stay: an
   * attacker's guesses do not vanish because the owner signed in), and the client is known.
   */
  succeed(attempt: LoginAttempt): void {
    this.failures.delete(attempt.keys.pair);
    this.takeBack(attempt, [attempt.keys.account, attempt.keys.address]);
    this.remember(this.known, attempt.keys.pair, this.now());
  }

  /** The password was not checked (the server was busy, the database did not answer): nothing counts. */
  cancel(attempt: LoginAttempt): void {
    this.takeBack(attempt, Object.values(attempt.keys));
  }

  private takeBack(attempt: LoginAttempt, keys: string[]): void {
    for (const key of keys) {
      const times = this.failures.get(key);
      const index = times?.lastIndexOf(attempt.at) ?? -1;
      if (index >= 0) times!.splice(index, 1);
    }
  }

  /** Sets a key as the newest entry: a Map's order is its eviction order, oldest first. */
  private remember<T>(map: Map<string, T>, key: string, value: T): void {
    map.delete(key);
    map.set(key, value);
    while (map.size > MAX_TRACKED_KEYS) map.delete(map.keys().next().value!);
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
