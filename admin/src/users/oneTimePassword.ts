import { formatInstant } from '../common/formatInstant';
import type { AccountUser } from '../types';

/** Whether the account's one-time password can no longer be used to sign in (the server refuses it). */
export const oneTimePasswordExpired = (user: AccountUser): boolean =>
  user.mustChangePassword && user.oneTimePasswordExpiresAt !== null && new Date(user.oneTimePasswordExpiresAt).getTime() <= Date.now();

/** "expires 28 Nov 2026, 10:04", "expired 28 Nov 2026, 10:04", or nothing for one that does not expire. */
export const oneTimePasswordExpiry = (user: AccountUser): string =>
  user.oneTimePasswordExpiresAt === null
    ? ''
    : `${oneTimePasswordExpired(user) ? 'expired' : 'expires'} ${formatInstant(user.oneTimePasswordExpiresAt)}`;
