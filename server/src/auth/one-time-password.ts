import type { User } from '../users/user.entity';

/** Told only to a client that gave the right password: to anyone else it is a wrong password like any other. */
export const ONE_TIME_PASSWORD_EXPIRED = 'This one-time password has expired; ask an admin to reset your password.';
export const ONE_TIME_PASSWORD_EXPIRED_FIELD = 'is a one-time password that has expired; ask an admin to reset your password';

/** When a one-time password given now stops working. */
export function oneTimePasswordExpiry(ttlHours: number, now = Date.now()): Date {
  return new Date(now + ttlHours * 3_600_000);
}

/** The account still has its one-time password, and its time is up. */
export function oneTimePasswordExpired(user: Pick<User, 'mustChangePassword' | 'oneTimePasswordExpiresAt'>, now = Date.now()): boolean {
  return user.mustChangePassword && user.oneTimePasswordExpiresAt !== null && user.oneTimePasswordExpiresAt.getTime() <= now;
}
