import { createHash, randomBytes } from 'node:crypto';
import type { TokenKind } from './auth-token.entity';

const PREFIX: Record<TokenKind, string> = { session: 'chr_s_', personal: 'chr_p_', export: 'chr_x_' };

/** A new bearer token: 256 random bits, prefixed so that a leaked one is recognisable in logs and scanners. */
export function newTokenSecret(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function tokenHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
