import type { Principal } from './principal';

/** How long a verified token is trusted without asking the database again. */
export const PRINCIPAL_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Verified tokens, for a few seconds: the token look-up (a join of auth_tokens and users) was
 * a query on every request (bench/FINDINGS.md). This process forgets a token the moment it
 * revokes it, or any of an account's tokens when it changes the account; a revocation made by
 * another replica takes effect here within PRINCIPAL_CACHE_MS.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(tokenHash: string): Principal | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    const expiresAt = entry.principal.token.expiresAt?.getTime() ?? Infinity;
    if (entry.until <= this.now() || expiresAt <= this.now()) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.principal;
  }

  set(tokenHash: string, principal: Principal): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { principal, until: this.now() + PRINCIPAL_CACHE_MS });
  }

  forgetToken(tokenId: number): void {
    for (const [hash, entry] of this.entries) if (entry.principal.token.id === tokenId) this.entries.delete(hash);
  }

  forgetUser(userId: number): void {
    for (const [hash, entry] of this.entries) if (entry.principal.user.id === userId) this.entries.delete(hash);
  }
}
