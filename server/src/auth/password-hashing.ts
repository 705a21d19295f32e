import { Inject, Injectable, Logger } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { RetryLaterException } from '../kernel/errors/api-errors';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';
import { hashPassword, verifyPassword } from './password-hash';

/** How long a client refused for lack of a hashing slot waits: a hash takes a few hundred milliseconds. */
const BUSY_RETRY_AFTER_SECONDS = 1;
/** A flood is logged once in this long, with a count, rather than once per refused request. */
const BUSY_LOG_INTERVAL_MS = 10_000;

/**
 * One scrypt computation at once per core but one, at least one, and always one thread of
 * libuv's pool (UV_THREADPOOL_SIZE, 4 by default) left free, because scrypt runs there next to
 * response compression and file reads, which would otherwise wait behind a queue of hashes. Each
 * hash keeps a core busy: the core left over is for the event loop and PostgreSQL, which answer
 * everyone else. Measured on 2 cores in CI (password-hashing-load.e2e-spec.ts, the other jest
 * worker driving Chromium): with a slot per core, a list page during a flood took a median of
 * 67 ms and up to 471 ms (3 slots: up to 185 ms on an idle machine); with one slot, see the
 * figures in that test's log.
 */
export function defaultPasswordHashSlots(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const threadPool = Number(env.UV_THREADPOOL_SIZE) || 4;
  return Math.max(1, Math.min(cores - 1, threadPool - 1));
}

/** How routes that hash a password document their 503 (`@ApiErrorResponses(PASSWORD_HASHING_503)`). */
export const PASSWORD_HASHING_503: [number, string] = [
  503,
  'The server is checking too many passwords at once (Retry-After says when to try again), or the database does not answer.',
];

/** 503 while every hashing slot is taken; Retry-After says when to try again. */
export class PasswordHashingBusy extends RetryLaterException {
  constructor() {
    super(
      {
        statusCode: 503,
        error: 'Service Unavailable',
        message: `The server is checking too many passwords at once; try again in ${BUSY_RETRY_AFTER_SECONDS} s.`,
      },
      BUSY_RETRY_AFTER_SECONDS,
    );
  }
}

/** What a request may do with a hashing slot: any number of hashes, one after the other. */
export interface SlotPasswords {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}
const IN_SLOT: SlotPasswords = { hash: hashPassword, verify: verifyPassword };

/**
 * Every password hash a request computes (sign-in, password change, invitation, reset) goes
 * through here. Each scrypt takes 128 MiB and a core for a few hundred milliseconds, so a flood
 * of sign-ins would otherwise queue without bound, hold memory and starve the rest of the API.
 * Beyond the slots a request is refused at once (503), not queued, before it does anything else
 * (a sign-in refused here has not even looked its account up).
 */
@Injectable()
export class PasswordHashing {
  readonly slots: number;
  private busy = 0;
  private readonly logger = new Logger('PasswordHashing');
  private refusedSinceLog = 0;
  private lastLoggedAt = -Infinity;

  constructor(@Inject(AUTH_OPTIONS) options: AuthOptions) {
    this.slots = options.passwordHashSlots ?? defaultPasswordHashSlots();
  }

  /** Takes a slot as it is called (or refuses with 503), and holds it until `work` settles. */
  async run<T>(work: (passwords: SlotPasswords) => Promise<T>): Promise<T> {
    if (this.busy >= this.slots) {
      this.refused();
      throw new PasswordHashingBusy();
    }
    this.busy++;
    try {
      return await work(IN_SLOT);
    } finally {
      this.busy--;
    }
  }

  hash(password: string): Promise<string> {
    return this.run((passwords) => passwords.hash(password));
  }

  private refused(): void {
    this.refusedSinceLog++;
    if (Date.now() - this.lastLoggedAt < BUSY_LOG_INTERVAL_MS) return;
    this.logger.warn(
      `all ${this.slots} password hashing slots busy: ${this.refusedSinceLog} request(s) refused with 503 since the last warning`,
    );
    this.refusedSinceLog = 0;
    this.lastLoggedAt = Date.now();
  }
}
