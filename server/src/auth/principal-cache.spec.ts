import { PRINCIPAL_CACHE_MS, PrincipalCache } from './principal-cache';
import type { Principal } from './principal';

const principal = (userId: number, tokenId: number, expiresAt: Date | null = null): Principal => ({
  user: { id: userId, email: `u${userId}@x`, displayName: 'U', role: 'editor', mustChangePassword: false },
  token: { id: tokenId, kind: 'session', scope: 'read-write', expiresAt },
});

describe('PrincipalCache', () => {
  let now = 1_000_000;
  const cache = new PrincipalCache(() => now);

  it('keeps a verified token for PRINCIPAL_CACHE_MS, and no longer than the token lives', () => {
    cache.set('a', principal(1, 10));
    now += PRINCIPAL_CACHE_MS - 1;
    expect(cache.get('a')?.token.id).toBe(10);
    now += 1;
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', principal(1, 11, new Date(now + 1000)));
    now += 1000;
    expect(cache.get('b')).toBeUndefined();
  });

  it('forgets a token, or every token of an account, at once', () => {
    cache.set('c', principal(2, 20));
    cache.set('d', principal(2, 21));
    cache.set('e', principal(3, 30));
    cache.forgetToken(20);
    expect([cache.get('c'), cache.get('d')?.token.id]).toEqual([undefined, 21]);
    cache.forgetUser(2);
    expect([cache.get('d'), cache.get('e')?.token.id]).toEqual([undefined, 30]);
  });
});
