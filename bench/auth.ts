/**
 * Signing the benchmark in. Once accounts exist (docs/ACCOUNTS.md) the server answers 401
 * without `Authorization: Bearer <token>`; the first admin comes from ADMIN_EMAIL /
 * ADMIN_PASSWORD when the database has no users yet. The benchmark starts every server with
 * the same pair, so a reused bench database keeps working, and logs in once per server.
 * Before accounts exist, /api/auth/login answers 404 and requests go without a header.
 */
export const BENCH_ADMIN = {
  email: 'bench@chronicle.local',
  // Only ever on the loopback benchmark server; at least 10 characters as the server asks.
  password: 'chronicle-bench-not-a-secret',
};

/** Environment that makes a fresh bench database's first admin the benchmark account. */
export const benchAuthEnv = (): Record<string, string> => ({ ADMIN_EMAIL: BENCH_ADMIN.email, ADMIN_PASSWORD: BENCH_ADMIN.password });

export interface BenchAuth {
  /** Headers to send on every request: `{ authorization: 'Bearer …' }`, or none before accounts exist. */
  headers: Record<string, string>;
  mode: 'bearer' | 'none (no /api/auth/login)';
}

export async function login(base: string): Promise<BenchAuth> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
  });
  const text = await response.text();
  if (response.status === 404) return { headers: {}, mode: 'none (no /api/auth/login)' };
  if (!response.ok) {
    throw new Error(
      `POST /api/auth/login answered ${response.status}: ${text}\n` +
        `The bench database may have users from elsewhere; its first admin must be ${BENCH_ADMIN.email} (ADMIN_EMAIL/ADMIN_PASSWORD at its first start).`,
    );
  }
  const body = JSON.parse(text) as { token?: string; user?: { mustChangePassword?: boolean } };
  if (!body.token) throw new Error(`POST /api/auth/login answered without a token: ${text}`);
  if (body.user?.mustChangePassword)
    throw new Error(`${BENCH_ADMIN.email} must change its password before it may read; use a fresh bench database`);
  return { headers: { authorization: `Bearer ${body.token}` }, mode: 'bearer' };
}
