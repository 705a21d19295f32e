/** Settings of authentication that come from the environment (see config/app-config.ts). */
export interface AuthOptions {
  /** Anonymous clients may read and export the collections and the timeline. */
  publicRead: boolean;
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
