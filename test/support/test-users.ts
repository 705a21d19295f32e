import { Client } from 'pg';
import { hashPassword } from '../../server/src/auth/password-hash';
import { newTokenSecret, tokenHash } from '../../server/src/auth/token-secret';
import type { UserRole } from '../../server/src/users/user.entity';

/** The accounts every test database starts with (in the migrated template), one per role. */
export const TEST_USERS = {
  admin: { id: 1, email: 'ada.admin@test.example', password: 'admin-password-1', displayName: 'Ada Admin', role: 'admin' },
  editor: { id: 2, email: 'eddie.editor@test.example', password: 'editor-password-2', displayName: 'Eddie Editor', role: 'editor' },
  viewer: { id: 3, email: 'vera.viewer@test.example', password: 'viewer-password-3', displayName: 'Vera Viewer', role: 'viewer' },
} as const satisfies Record<string, { id: number; email: string; password: string; displayName: string; role: UserRole }>;

export type TestRole = keyof typeof TEST_USERS;
export type TestUser = (typeof TEST_USERS)[TestRole] & { token: string };

/** Creates the test accounts (scrypt at full cost: done once, in the template). */
export async function insertTestUsers(client: Client): Promise<void> {
  for (const user of Object.values(TEST_USERS)) {
    await client.query('INSERT INTO users (id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5)', [
      user.id,
      user.email,
      user.displayName,
      user.role,
      await hashPassword(user.password),
    ]);
  }
  await client.query(`SELECT setval('users_id_seq', (SELECT max(id) FROM users))`);
}

/** A session token for each test account, written straight to the database (no scrypt per test file). */
export async function issueTestTokens(client: Client): Promise<Record<TestRole, TestUser>> {
  const result = {} as Record<TestRole, TestUser>;
  for (const [role, user] of Object.entries(TEST_USERS) as [TestRole, (typeof TEST_USERS)[TestRole]][]) {
    const token = newTokenSecret('session');
    await client.query(
      `INSERT INTO auth_tokens (user_id, kind, scope, token_hash, expires_at) VALUES ($1, 'session', 'read-write', $2, now() + interval '1 day')`,
      [user.id, tokenHash(token)],
    );
    result[role] = { ...user, token };
  }
  return result;
}
