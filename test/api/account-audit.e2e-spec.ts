import { createTestApp, TestApp } from '../support/test-app';
import { TEST_USERS } from '../support/test-users';

/**
 * Account changes in the activity feed: invitations, name, role and active changes, password
 * resets and changes, personal tokens made and revoked. Each names who, when, whom and what;
 * none keeps or shows a secret; only admins see them; none can be restored.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Entry {
  id: number;
  resource: string;
  recordId: number;
  version: number;
  action: string;
  at: string;
  user: { id: number; name: string } | null;
  label: string;
  changedFields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Every secret the tests see (passwords, one-time passwords, tokens), to look for where none may be. */
const secrets: string[] = [];
/** Every response body of the feed, to look for secrets in. */
const answers: string[] = [];

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const login = async (email: string, password: string) => {
  secrets.push(password);
  const token = (await t.as('anonymous').post('/api/auth/login').send({ email, password }).expect(200)).body.token as string;
  secrets.push(token);
  return token;
};
const changePassword = async (session: string, currentPassword: string, newPassword: string, keepPersonalTokens = false) => {
  secrets.push(newPassword);
  await t
    .as('anonymous')
    .post('/api/auth/password')
    .set(bearer(session))
    .send({ currentPassword, newPassword, keepPersonalTokens })
    .expect(204);
};
const makeToken = async (session: string, name: string) => {
  const made = (await t.as('anonymous').post('/api/auth/tokens').set(bearer(session)).send({ name, scope: 'read' }).expect(201)).body;
  secrets.push(made.token);
  return made as { id: number; token: string };
};
const invite = async (email: string, displayName: string, role: string) => {
  const invited = (await t.http().post('/api/users').send({ email, displayName, role }).expect(201)).body;
  secrets.push(invited.oneTimePassword);
  return invited as { id: number; email: string; oneTimePassword: string };
};
const reset = async (id: number) => {
  const { oneTimePassword } = (await t.http().post(`/api/users/${id}/reset-password`).expect(200)).body;
  secrets.push(oneTimePassword);
  return oneTimePassword as string;
};

/** The feed as the admin sees it, newest first, narrowed by `query`. */
const feed = async (query: string): Promise<Entry[]> => {
  const res = await t.http().get(`/api/revisions?_end=200&${query}`).expect(200);
  answers.push(res.text);
  return res.body;
};
/** One account's entries, oldest first. */
const historyOf = async (userId: number) => (await feed(`resource=users&recordId=${userId}`)).reverse();
const tokenEntries = async (tokenId: number) => (await feed(`resource=tokens&recordId=${tokenId}`)).reverse();
const accountRowCount = async () =>
  Number((await t.dataSource.query(`SELECT count(*) AS n FROM revisions WHERE resource IN ('users', 'tokens')`))[0].n);

const ADMIN = { id: TEST_USERS.admin.id, name: TEST_USERS.admin.displayName };

describe('account changes in the activity feed', () => {
  it('an invitation, role, deactivation, reactivation, reset and own password change: who, whom, what', async () => {
    const bob = await invite('bob.audited@test.example', 'Bob Audited', 'editor');
    const [invitation] = await historyOf(bob.id);
    expect(invitation).toMatchObject({
      resource: 'users',
      recordId: bob.id,
      action: 'create',
      user: ADMIN,
      label: 'Bob Audited',
      version: 1,
      before: null,
    });
    expect(invitation.changedFields).toEqual(expect.arrayContaining(['password', 'email', 'displayName', 'role']));
    expect(Object.keys(invitation.after!).sort()).toEqual(
      ['active', 'displayName', 'email', 'id', 'mustChangePassword', 'oneTimePasswordExpiresAt', 'role'].sort(),
    );
    expect(invitation.after).toMatchObject({ id: bob.id, email: bob.email, role: 'editor', active: true, mustChangePassword: true });

    await t.http().patch(`/api/users/${bob.id}`).send({ role: 'admin' }).expect(200);
    // The same values again change nothing, and say nothing.
    await t.http().put(`/api/users/${bob.id}`).send({ role: 'admin', displayName: 'Bob Audited' }).expect(200);
    await t.http().patch(`/api/users/${bob.id}`).send({ active: false }).expect(200);
    await t.http().patch(`/api/users/${bob.id}`).send({ active: true }).expect(200);
    const otp = await reset(bob.id);
    const session = await login(bob.email, otp);
    await changePassword(session, otp, 'bobs very own password');
    await t.http().patch(`/api/users/${bob.id}`).send({ role: 'viewer' }).expect(200);

    const entries = await historyOf(bob.id);
    const summary = entries.map((e) => [e.action, e.user?.name, e.changedFields]);
    expect(summary).toEqual([
      ['create', 'Ada Admin', invitation.changedFields],
      ['update', 'Ada Admin', ['role']],
      ['update', 'Ada Admin', ['active']],
      ['update', 'Ada Admin', ['active']],
      ['update', 'Ada Admin', ['password', 'oneTimePasswordExpiresAt']],
      ['update', 'Bob Audited', ['password', 'mustChangePassword', 'oneTimePasswordExpiresAt']],
      ['update', 'Ada Admin', ['role']],
    ]);
    const [, role, deactivation, reactivation, byAdmin, own] = entries;
    expect([role.before!.role, role.after!.role]).toEqual(['editor', 'admin']);
    expect([deactivation.before!.active, deactivation.after!.active]).toEqual([true, false]);
    expect([reactivation.before!.active, reactivation.after!.active]).toEqual([false, true]);
    expect(byAdmin.after).toMatchObject({ mustChangePassword: true, oneTimePasswordExpiresAt: expect.any(String) });
    expect(own).toMatchObject({ user: { id: bob.id }, after: { mustChangePassword: false, oneTimePasswordExpiresAt: null } });
    expect(entries.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const e of entries) expect(Date.parse(e.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('a change that is refused, a sign-in and a sign-out leave no entry', async () => {
    const before = await accountRowCount();
    await t.http().patch(`/api/users/${TEST_USERS.admin.id}`).send({ role: 'editor' }).expect(409);
    await t.http().post('/api/users').send({ email: TEST_USERS.editor.email, displayName: 'Taken', role: 'viewer' }).expect(409);
    await t.http().post('/api/users/999999/reset-password').expect(404);
    const session = await login(TEST_USERS.viewer.email, TEST_USERS.viewer.password);
    await t.as('anonymous').post('/api/auth/logout').set(bearer(session)).expect(204);
    expect(await accountRowCount()).toBe(before);
  });

  it('personal tokens: made and revoked by their owner, revoked by a reset, a password change or a deactivation', async () => {
    const cleo = await invite('cleo.tokens@test.example', 'Cleo Tokens', 'editor');
    let session = await login(cleo.email, cleo.oneTimePassword);
    await changePassword(session, cleo.oneTimePassword, 'cleos own password 1');

    const laptop = await makeToken(session, 'laptop');
    const [made] = await tokenEntries(laptop.id);
    expect(made).toMatchObject({
      resource: 'tokens',
      action: 'create',
      user: { id: cleo.id, name: 'Cleo Tokens' },
      label: 'laptop',
      before: null,
    });
    expect(made.after).toEqual({
      id: laptop.id,
      name: 'laptop',
      scope: 'read',
      owner: { id: cleo.id, name: 'Cleo Tokens' },
      expiresAt: expect.any(String),
      revokedAt: null,
    });
    await t.as('anonymous').delete(`/api/auth/tokens/${laptop.id}`).set(bearer(session)).expect(200);
    await t.as('anonymous').delete(`/api/auth/tokens/${laptop.id}`).set(bearer(session)).expect(404);
    const [, revoked] = await tokenEntries(laptop.id);
    expect(revoked).toMatchObject({ action: 'delete', user: { id: cleo.id }, label: 'laptop', changedFields: ['revokedAt'] });
    expect(revoked.before!.revokedAt).toBeNull();
    expect(revoked.after!.revokedAt).toEqual(expect.any(String));

    // A password change revokes the personal tokens unless kept: by the owner.
    const script = await makeToken(session, 'script');
    await changePassword(session, 'cleos own password 1', 'cleos own password 2');
    expect((await tokenEntries(script.id)).map((e) => [e.action, e.user?.id])).toEqual([
      ['create', cleo.id],
      ['delete', cleo.id],
    ]);
    const kept = await makeToken(session, 'kept');
    await changePassword(session, 'cleos own password 2', 'cleos own password 3', true);
    expect((await tokenEntries(kept.id)).map((e) => e.action)).toEqual(['create']);

    // An admin's reset and a deactivation revoke them too: by the admin, each token named.
    const otp = await reset(cleo.id);
    expect((await tokenEntries(kept.id)).map((e) => [e.action, e.user?.id, e.after?.owner])).toEqual([
      ['create', cleo.id, { id: cleo.id, name: 'Cleo Tokens' }],
      ['delete', ADMIN.id, { id: cleo.id, name: 'Cleo Tokens' }],
    ]);
    session = await login(cleo.email, otp);
    await changePassword(session, otp, 'cleos own password 4');
    const lastOne = await makeToken(session, 'last one');
    await t.http().patch(`/api/users/${cleo.id}`).send({ active: false }).expect(200);
    expect((await tokenEntries(lastOne.id)).map((e) => [e.action, e.user?.id])).toEqual([
      ['create', cleo.id],
      ['delete', ADMIN.id],
    ]);
    // Sessions and export tickets come and go without entries: only personal tokens have them.
    const tokenRows = await t.dataSource.query(`SELECT DISTINCT record_id FROM revisions WHERE resource = 'tokens'`);
    const kinds = await t.dataSource.query('SELECT DISTINCT kind FROM auth_tokens WHERE id = ANY($1)', [
      tokenRows.map((r: { record_id: number }) => r.record_id),
    ]);
    expect(kinds).toEqual([{ kind: 'personal' }]);
  });

  it('keeps no secret: no password, one-time password, token or hash in the stored rows or the answers', async () => {
    const dana = await invite('dana.secrets@test.example', 'Dana Secrets', 'viewer');
    const session = await login(dana.email, dana.oneTimePassword);
    await changePassword(session, dana.oneTimePassword, 'danas secret password');
    await makeToken(session, 'dana script');
    await reset(dana.id);
    await feed('resource=users&resource=tokens');
    await feed('');

    const hashes = await t.dataSource.query(`SELECT password_hash AS secret FROM users UNION ALL SELECT token_hash FROM auth_tokens`);
    const everySecret = [...secrets, ...hashes.map((row: { secret: string }) => row.secret)];
    expect(everySecret.length).toBeGreaterThan(20);
    const stored = (await t.dataSource.query('SELECT row_to_json(r)::text AS row FROM revisions r')).map((r: { row: string }) => r.row);
    expect(stored.filter((row: string) => /"resource":"(users|tokens)"/.test(row)).length).toBeGreaterThan(10);
    for (const secret of everySecret) {
      for (const row of stored) expect(row).not.toContain(secret);
      for (const answer of answers) expect(answer).not.toContain(secret);
    }
    for (const row of stored) expect(row).not.toMatch(/scrypt|password_?hash|token_?hash|oneTimePassword"/i);
  });
});

describe('who sees account changes', () => {
  it('admins only: viewers and editors get the feed without them, and 403 when they ask for them', async () => {
    const erin = await invite('erin.visible@test.example', 'Erin Visible', 'viewer');
    const [entry] = await historyOf(erin.id);
    await t.as('editor').post('/api/topics').send({ name: 'A curated change' }).expect(201);

    for (const role of ['viewer', 'editor'] as const) {
      const res = await t.as(role).get('/api/revisions?_end=500').expect(200);
      const resources = new Set(res.body.map((e: Entry) => e.resource));
      expect(resources.has('topics')).toBe(true);
      expect(resources.has('users') || resources.has('tokens')).toBe(false);
      expect(Number(res.headers['x-total-count'])).toBe(res.body.length);
      expect((await t.as(role).get(`/api/revisions?id=${entry.id}`).expect(200)).body).toEqual([]);
      expect((await t.as(role).get(`/api/revisions?userId=${TEST_USERS.admin.id}&_end=500`).expect(200)).body).not.toContainEqual(
        expect.objectContaining({ resource: 'users' }),
      );
      for (const resource of ['users', 'tokens']) {
        const refused = await t.as(role).get(`/api/revisions?resource=topics&resource=${resource}`).expect(403);
        expect(refused.body.message).toMatch(/admins only/);
        expect(refused.body.errors.resource).toMatch(new RegExp(`${resource} is shown to admins only`));
      }
    }
    const admin = await t.http().get(`/api/revisions?id=${entry.id}`).expect(200);
    expect(admin.body).toEqual([expect.objectContaining({ resource: 'users', recordId: erin.id })]);
    expect((await t.http().get('/api/revisions?_end=500').expect(200)).body).toContainEqual(expect.objectContaining({ id: entry.id }));

    // An admin's read-only token reads as a viewer: not the account changes.
    const session = await login(TEST_USERS.admin.email, TEST_USERS.admin.password);
    const readOnly = await makeToken(session, 'admin read-only');
    await t.as('anonymous').get('/api/revisions?resource=users').set(bearer(readOnly.token)).expect(403);
    expect((await t.as('anonymous').get(`/api/revisions?id=${entry.id}`).set(bearer(readOnly.token)).expect(200)).body).toEqual([]);
  });
});

describe('restoring an account change', () => {
  it('is refused with 400 naming revisionId and why, whatever record it is sent to; nothing changes', async () => {
    const fay = await invite('fay.restore@test.example', 'Fay Restore', 'viewer');
    await t.http().patch(`/api/users/${fay.id}`).send({ role: 'editor' }).expect(200);
    const [, roleChange] = await historyOf(fay.id);
    const actor = (await t.http().post('/api/actors').send({ name: 'Someone' }).expect(201)).body;
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM revisions');
    for (const path of [`/api/actors/${actor.id}`, `/api/statements/${fay.id}`]) {
      const refused = await t.http().post(`${path}/revisions/${roleChange.id}/restore`).send({}).expect(400);
      expect(refused.body.errors.revisionId).toMatch(/account.*cannot be restored/);
    }
    // Account changes have no history routes of their own to restore through.
    await t.http().post(`/api/users/${fay.id}/revisions/${roleChange.id}/restore`).expect(404);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM revisions')).toEqual(before);
    expect((await t.http().get(`/api/users/${fay.id}`).expect(200)).body.role).toBe('editor');
  });
});
