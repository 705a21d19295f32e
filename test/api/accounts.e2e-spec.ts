import { verifyPassword } from '../../server/src/auth/password-hash';
import { createTestApp, TestApp } from '../support/test-app';
import { TEST_USERS } from '../support/test-users';
import { ExpirePersonalTokens1796700000005 } from '../../migrations/1796700000005-ExpirePersonalTokens';

/** Sign-in, tokens, passwords and accounts, against the real app and database. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (email: string, password: string, address = '10.0.0.1') =>
  t.as('anonymous').post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const storedHash = async (email: string) =>
  (await t.dataSource.query('SELECT password_hash FROM users WHERE email = $1', [email]))[0].password_hash as string;

describe('signing in', () => {
  it('gives an opaque, expiring session token that /me resolves and logout revokes', async () => {
    const res = await login(TEST_USERS.editor.email.toUpperCase(), TEST_USERS.editor.password).expect(200);
    expect(res.body.token).toMatch(/^chr_s_[A-Za-z0-9_-]{43}$/);
    expect(res.body.user).toMatchObject({
      id: TEST_USERS.editor.id,
      role: 'editor',
      displayName: 'Eddie Editor',
      mustChangePassword: false,
    });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const hours = (new Date(res.body.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    // Only the SHA-256 of the token is stored.
    const stored = await t.dataSource.query('SELECT token_hash FROM auth_tokens WHERE token_hash = encode(sha256($1::bytea), $2)', [
      res.body.token,
      'hex',
    ]);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(await t.dataSource.query('SELECT * FROM auth_tokens'))).not.toContain(res.body.token);

    const me = await t.as('anonymous').get('/api/auth/me').set(bearer(res.body.token)).expect(200);
    expect(me.body).toMatchObject({
      user: { email: TEST_USERS.editor.email, lastLoginAt: expect.any(String) },
      token: { kind: 'session', scope: 'read-write' },
    });
    await t.as('anonymous').post('/api/auth/logout').set(bearer(res.body.token)).expect(204);
    const after = await t.as('anonymous').get('/api/auth/me').set(bearer(res.body.token)).expect(401);
    expect(after.body.message).toMatch(/revoked/);
  });

  it('refuses wrong passwords and unknown emails alike, and deactivated accounts', async () => {
    const wrong = await login(TEST_USERS.viewer.email, 'not the password', '10.0.0.2').expect(401);
    const unknown = await login('nobody@test.example', 'not the password', '10.0.0.2').expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(wrong.headers['www-authenticate']).toBe('Bearer');
    await t.as('anonymous').post('/api/auth/login').send({ email: 'x' }).expect(400);
    await t.as('anonymous').get('/api/statements').set('Authorization', 'Basic abc').expect(401);
    await t.as('anonymous').get('/api/statements').set('Authorization', 'Bearer chr_s_forged').expect(401);
  });

  it('throttles: the 6th failure in a row for one account from one address is 429 with Retry-After, even with the right password', async () => {
    const invited = (
      await t.http().post('/api/users').send({ email: 'throttled@test.example', displayName: 'T', role: 'viewer' }).expect(201)
    ).body;
    const { email, oneTimePassword: password } = invited;
    for (let i = 0; i < 5; i++) await login(email, `wrong ${i}`, '10.1.0.1').expect(401);
    const throttled = await login(email, password, '10.1.0.1').expect(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(800);
    expect(throttled.body).toMatchObject({ statusCode: 429, message: expect.stringMatching(/Too many failed sign-in attempts/) });
    // Neither the account from another address nor other accounts from this one are locked out by it.
    await login(email, password, '10.1.0.2').expect(200);
    await login(TEST_USERS.admin.email, TEST_USERS.admin.password, '10.1.0.1').expect(200);
  });

  it('throttles one address after 20 failures, whatever the accounts', async () => {
    for (let i = 0; i < 20; i++) await login(`guess${i}@test.example`, 'guess', '10.2.0.1').expect(401);
    await login(TEST_USERS.editor.email, TEST_USERS.editor.password, '10.2.0.1').expect(429);
    await login(TEST_USERS.editor.email, TEST_USERS.editor.password, '10.2.0.2').expect(200);
  }, 60_000);
});

describe('passwords', () => {
  it('are stored as scrypt at OWASP cost (N=2^17, r=8, p=1) with a random salt, never returned', async () => {
    const hash = await storedHash(TEST_USERS.admin.email);
    expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword(TEST_USERS.admin.password, hash)).toBe(true);
    expect(await verifyPassword(`${TEST_USERS.admin.password}x`, hash)).toBe(false);
    expect(hash.split('$')[3]).not.toBe((await storedHash(TEST_USERS.editor.email)).split('$')[3]);
    const users = await t.http().get('/api/users').expect(200);
    expect(JSON.stringify(users.body)).not.toMatch(/scrypt|password_?hash/i);
  });

  it('changing one’s own password needs the current one and signs out the other sessions', async () => {
    const invited = (await t.http().post('/api/users').send({ email: 'pat@test.example', displayName: 'Pat', role: 'viewer' }).expect(201))
      .body;
    expect(invited.oneTimePassword).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    const first = (await login('pat@test.example', invited.oneTimePassword, '10.3.0.1').expect(200)).body;
    expect(first.user.mustChangePassword).toBe(true);
    const blocked = await t.as('anonymous').get('/api/statements').set(bearer(first.token)).expect(403);
    expect(blocked.body.errors.password).toMatch(/one-time password/);
    const second = (await login('pat@test.example', invited.oneTimePassword, '10.3.0.2').expect(200)).body;

    const change = (body: object) => t.as('anonymous').post('/api/auth/password').set(bearer(first.token)).send(body);
    expect(
      (await change({ currentPassword: 'wrong', newPassword: 'a long new password' }).expect(400)).body.errors.currentPassword,
    ).toBeDefined();
    expect((await change({ currentPassword: invited.oneTimePassword, newPassword: 'short' }).expect(400)).body.errors.newPassword).toMatch(
      /at least 10/,
    );
    await change({ currentPassword: invited.oneTimePassword, newPassword: 'a long new password' }).expect(204);

    await t.as('anonymous').get('/api/statements').set(bearer(first.token)).expect(200);
    await t.as('anonymous').get('/api/statements').set(bearer(second.token)).expect(401);
    await login('pat@test.example', invited.oneTimePassword, '10.3.0.3').expect(401);
    await login('pat@test.example', 'a long new password', '10.3.0.3').expect(200);
  });
});

describe('personal API tokens', () => {
  it('are shown once, listed without the secret, limited by scope, and revocable by their owner', async () => {
    const session = (await login(TEST_USERS.editor.email, TEST_USERS.editor.password, '10.4.0.1').expect(200)).body.token;
    const as = (token: string) => ({
      get: (p: string) => t.as('anonymous').get(p).set(bearer(token)),
      post: (p: string) => t.as('anonymous').post(p).set(bearer(token)),
    });
    const read = (await as(session).post('/api/auth/tokens').send({ name: 'weekly report', scope: 'read' }).expect(201)).body;
    expect(read).toMatchObject({ name: 'weekly report', scope: 'read', token: expect.stringMatching(/^chr_p_/) });
    // No life asked for: 90 days, not forever; a year at most, and null is no way around it.
    const days = (iso: string) => (new Date(iso).getTime() - Date.now()) / 86_400_000;
    expect(days(read.expiresAt)).toBeGreaterThan(89.9);
    expect(days(read.expiresAt)).toBeLessThanOrEqual(90);
    const tooLong = await as(session).post('/api/auth/tokens').send({ name: 'forever', scope: 'read', expiresInDays: 366 }).expect(400);
    expect(tooLong.body.errors.expiresInDays).toBe('expiresInDays must be at most 365: a personal token lasts a year at most');
    await as(session).post('/api/auth/tokens').send({ name: 'forever', scope: 'read', expiresInDays: null }).expect(400);
    const year = (await as(session).post('/api/auth/tokens').send({ name: 'a year', scope: 'read', expiresInDays: 365 }).expect(201)).body;
    expect(days(year.expiresAt)).toBeGreaterThan(364.9);
    await t.as('anonymous').delete(`/api/auth/tokens/${year.id}`).set(bearer(session)).expect(200);
    const write = (
      await as(session).post('/api/auth/tokens').send({ name: 'import script', scope: 'read-write', expiresInDays: 30 }).expect(201)
    ).body;
    await as(session).post('/api/auth/tokens').send({ name: 'x', scope: 'admin' }).expect(400);

    const listed = (await as(session).get('/api/auth/tokens').expect(200)).body;
    expect(listed.map((x: { name: string }) => x.name)).toEqual(['weekly report', 'import script']);
    expect(JSON.stringify(listed)).not.toContain(read.token);
    expect((await t.as('admin').get('/api/auth/tokens').expect(200)).body).toEqual([]);

    await as(read.token).get('/api/statements.csv').expect(200);
    const refused = await as(read.token).post('/api/topics').send({ name: 'By a read-only token' }).expect(403);
    expect(refused.body.message).toMatch(/read-only/);
    await as(read.token).post('/api/auth/tokens').send({ name: 'escalate', scope: 'read-write' }).expect(403);
    const topic = (await as(write.token).post('/api/topics').send({ name: 'By a script' }).expect(201)).body;
    expect(topic.createdBy).toEqual({ id: TEST_USERS.editor.id, name: 'Eddie Editor' });

    await t.as('admin').delete(`/api/auth/tokens/${read.id}`).expect(404);
    await t.as('anonymous').delete(`/api/auth/tokens/${read.id}`).set(bearer(session)).expect(200);
    await as(read.token).get('/api/statements').expect(401);
    await as(write.token).get('/api/statements').expect(200);
  });
});

describe('a new password', () => {
  it("revokes the account's personal tokens with its other sessions, unless asked to keep them", async () => {
    const email = 'tokens@test.example';
    const invited = (await t.http().post('/api/users').send({ email, displayName: 'Toke', role: 'editor' }).expect(201)).body;
    const first = (await login(email, invited.oneTimePassword, '10.6.0.1').expect(200)).body.token;
    const change = (token: string, body: object) => t.as('anonymous').post('/api/auth/password').set(bearer(token)).send(body);
    await change(first, { currentPassword: invited.oneTimePassword, newPassword: 'first own password' }).expect(204);
    const makeToken = async (session: string, name: string) =>
      (await t.as('anonymous').post('/api/auth/tokens').set(bearer(session)).send({ name, scope: 'read' }).expect(201)).body
        .token as string;

    const script = await makeToken(first, 'script');
    await t.as('anonymous').get('/api/statements').set(bearer(script)).expect(200);
    await change(first, { currentPassword: 'first own password', newPassword: 'second own password' }).expect(204);
    const revoked = await t.as('anonymous').get('/api/statements').set(bearer(script)).expect(401);
    expect(revoked.body.message).toMatch(/revoked/);
    await t.as('anonymous').get('/api/statements').set(bearer(first)).expect(200);

    const kept = await makeToken(first, 'kept script');
    await change(first, { currentPassword: 'second own password', newPassword: 'third own password', keepPersonalTokens: true }).expect(
      204,
    );
    await t.as('anonymous').get('/api/statements').set(bearer(kept)).expect(200);
    const garbled = await change(first, {
      currentPassword: 'third own password',
      newPassword: 'fourth own password',
      keepPersonalTokens: 'yes',
    });
    expect(garbled.status).toBe(400);
    expect(garbled.body.errors.keepPersonalTokens).toBe('keepPersonalTokens must be true or false');
  });
});

describe('personal tokens made before they expired', () => {
  it('get a year from the migration that bounds them; revoked ones are left alone', async () => {
    const insert = async (name: string, revoked: boolean) =>
      (
        await t.dataSource.query(
          `INSERT INTO auth_tokens (user_id, kind, scope, token_hash, expires_at, revoked_at, name)
           VALUES ($1, 'personal', 'read', md5($2) || md5($2), NULL, CASE WHEN $3 THEN now() END, $2) RETURNING id`,
          [TEST_USERS.viewer.id, name, revoked],
        )
      )[0].id as number;
    const open = await insert('made when tokens could last forever', false);
    const revoked = await insert('revoked before', true);
    const runner = t.dataSource.createQueryRunner();
    try {
      await new ExpirePersonalTokens1796700000005().up(runner);
    } finally {
      await runner.release();
    }
    const [{ days }] = await t.dataSource.query(
      `SELECT extract(epoch FROM expires_at - now()) / 86400 AS days FROM auth_tokens WHERE id = $1`,
      [open],
    );
    expect(Number(days)).toBeGreaterThan(364.9);
    expect(Number(days)).toBeLessThanOrEqual(365);
    const [{ expires_at }] = await t.dataSource.query('SELECT expires_at FROM auth_tokens WHERE id = $1', [revoked]);
    expect(expires_at).toBeNull();
  });
});

describe('export tickets', () => {
  it('let a plain link download one export, once, within 60 s', async () => {
    const { ticket, expiresAt } = (await t.as('viewer').post('/api/auth/export-ticket').expect(201)).body;
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    await t.as('anonymous').get(`/api/statements?ticket=${ticket}`).expect(401);
    await t.as('anonymous').get('/api/statements?ticket=x').expect(401);
    const csv = await t.as('anonymous').get(`/api/statements/export?format=csv&ticket=${ticket}`).expect(200);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename=".+\.csv"/);
    const again = await t.as('anonymous').get(`/api/statements.csv?ticket=${ticket}`).expect(401);
    expect(again.body.message).toMatch(/used, expired or unknown/);
  });
});

describe('accounts (admins)', () => {
  it('invite, change role, deactivate (tokens revoked), reset the password; the last admin stays', async () => {
    const invited = (await t.http().post('/api/users').send({ email: 'Sam@Test.Example', displayName: 'Sam', role: 'viewer' }).expect(201))
      .body;
    expect(invited).toMatchObject({ email: 'sam@test.example', role: 'viewer', active: true, mustChangePassword: true });
    await t.http().post('/api/users').send({ email: 'sam@test.example', displayName: 'Sam again', role: 'viewer' }).expect(409);
    await t.http().post('/api/users').send({ email: 'not-an-email', displayName: 'X', role: 'viewer' }).expect(400);
    await t.http().post('/api/users').send({ email: 'x@test.example', displayName: 'X', role: 'owner' }).expect(400);

    const list = await t.http().get('/api/users?role=viewer&active=true&_sort=email').expect(200);
    expect(list.body.map((u: { email: string }) => u.email)).toContain('sam@test.example');
    await t.http().get('/api/users?password=x').expect(400);

    const promoted = (await t.http().patch(`/api/users/${invited.id}`).send({ role: 'editor', displayName: 'Sam Curator' }).expect(200))
      .body;
    expect(promoted).toMatchObject({ role: 'editor', displayName: 'Sam Curator' });
    const reset = (await t.http().post(`/api/users/${invited.id}/reset-password`).expect(200)).body;
    const session = (await login('sam@test.example', reset.oneTimePassword, '10.5.0.1').expect(200)).body.token;
    await t
      .as('anonymous')
      .post('/api/auth/password')
      .set(bearer(session))
      .send({ currentPassword: reset.oneTimePassword, newPassword: 'sams own password' })
      .expect(204);
    await t.as('anonymous').get('/api/statements').set(bearer(session)).expect(200);

    await t.http().patch(`/api/users/${invited.id}`).send({ active: false }).expect(200);
    await t.as('anonymous').get('/api/statements').set(bearer(session)).expect(401);
    expect((await login('sam@test.example', 'sams own password', '10.5.0.2').expect(403)).body.message).toMatch(/deactivated/);

    const lastAdmin = await t.http().patch(`/api/users/${TEST_USERS.admin.id}`).send({ role: 'editor' }).expect(409);
    expect(lastAdmin.body.errors.role).toMatch(/last active admin/);
    await t.http().patch(`/api/users/${TEST_USERS.admin.id}`).send({ active: false }).expect(409);
  });
});

describe('HTTP hardening', () => {
  it('sends helmet’s security headers with a CSP on the API and the admin', async () => {
    for (const path of ['/api/health', '/api/statements', '/']) {
      const res = await t.http().get(path);
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self'.*frame-ancestors 'none'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
