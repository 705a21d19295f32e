/** PUBLIC_READ: nobody reads without an account (false), or anonymous readers see all, or only what is verified. */
export type PublicRead = false | 'all' | 'verified';

/** Settings of authentication that come from the environment (see config/app-config.ts). */
export interface AuthOptions {
  /**
   * Anonymous clients may read and export the collections, the timeline, the analysis and the
   * snapshots: everything but statements' internal notes and who made what (`all`), or only the
   * statements the team has verified and the snapshots that hold nothing else (`verified`).
   */
  publicRead: PublicRead;
  /** Lifetime of a login's session token. */
  sessionTtlHours: number;
  /** How long a one-time password (invitation, reset) may be used to sign in. */
  oneTimePasswordTtlHours: number;
  /** Password hashes computed at once before requests are refused (503); by default from the cores (password-hashing.ts). */
  passwordHashSlots?: number;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
export const DEFAULT_AUTH_OPTIONS: AuthOptions = { publicRead: false, sessionTtlHours: 12, oneTimePasswordTtlHours: 72 };
export const EXPORT_TICKET_TTL_MS = 60_000;
