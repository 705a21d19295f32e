import { Client } from 'pg';
import { newTokenSecret, tokenHash } from '../../server/src/auth/token-secret';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The authorization matrix: every route the OpenAPI document lists, called by every kind of
 * caller, must answer exactly as the role table in docs/ACCOUNTS.md says. The routes are
 * read from the running app, so a new route fails this test until it is classified here.
 */

type Level = 'public' | 'read' | 'member' | 'edit' | 'admin' | 'account';
type Caller = 'anonymous' | 'viewer' | 'editor' | 'admin' | 'revoked' | 'expired' | 'readOnlyToken' | 'deactivated';
const CALLERS: Caller[] = ['anonymous', 'viewer', 'editor', 'admin', 'revoked', 'expired', 'readOnlyToken', 'deactivated'];

const COLLECTIONS = ['statements', 'actors', 'sources', 'topics', 'stances'];

/** The expected access level of each route, written out by hand: the contract, not the code. */
function expectedLevel(method: string, path: string): Level | undefined {
  const route = `${method} ${path}`;
  const fixed: Record<string, Level> = {
    'GET /api': 'public',
    'GET /api/health': 'public',
    // Every route and field of the API: not for the world unless the API is (PUBLIC_READ).
    'GET /api/docs/json': 'read',
    'POST /api/auth/login': 'public',
    'POST /api/auth/logout': 'account',
    'GET /api/auth/me': 'account',
    'POST /api/auth/password': 'account',
    'GET /api/auth/tokens': 'member',
    'POST /api/auth/tokens': 'member',
    'DELETE /api/auth/tokens/{id}': 'member',
    'POST /api/auth/export-ticket': 'member',
    'GET /api/users': 'admin',
    'POST /api/users': 'admin',
    'GET /api/users/{id}': 'admin',
    'PUT /api/users/{id}': 'admin',
    'PATCH /api/users/{id}': 'admin',
    'POST /api/users/{id}/reset-password': 'admin',
    'GET /api/revisions': 'member',
    'GET /api/trash': 'admin',
    'POST /api/trash/{resource}/{id}/restore': 'admin',
    'DELETE /api/trash/{resource}/{id}': 'admin',
    'GET /api/statements/export': 'read',
    'GET /api/statements.csv': 'read',
    'GET /api/statements.json': 'read',
    'GET /api/statements.ndjson': 'read',
    'GET /api/statements.md': 'read',
    'GET /api/actors.csv': 'read',
    'GET /api/actors.json': 'read',
    'GET /api/actors.ndjson': 'read',
    'GET /api/sources.csv': 'read',
    'GET /api/sources.json': 'read',
    'GET /api/sources.ndjson': 'read',
    'GET /api/timeline': 'read',
    'GET /api/edtf': 'read',
    'GET /api/edtf/suggestions': 'read',
    'POST /api/imports': 'edit',
    'GET /api/imports': 'member',
    'GET /api/imports/{id}': 'member',
    'GET /api/imports/{id}/rows': 'member',
    'POST /api/imports/{id}/undo': 'edit',
    'GET /api/analysis/stance-over-time': 'read',
    'GET /api/analysis/network': 'read',
    // A cited dataset is fetched by the report's readers: with PUBLIC_READ, without an account.
    'GET /api/snapshots': 'read',
    'GET /api/snapshots/{id}': 'read',
    'GET /api/snapshots/{id}/export': 'read',
    'GET /api/snapshots/{id}/network': 'read',
    'GET /api/snapshots/{id}/citation': 'read',
    'GET /api/snapshots/{id}/diff': 'read',
    'POST /api/snapshots': 'edit',
    'PUT /api/snapshots/{id}': 'edit',
    'PATCH /api/snapshots/{id}': 'edit',
    'DELETE /api/snapshots/{id}': 'admin',
    // A viewer is a researcher too: every account keeps its own queries (an admin may delete a shared one).
    'GET /api/saved-queries': 'member',
    'GET /api/saved-queries/{id}': 'member',
    'POST /api/saved-queries': 'member',
    'PUT /api/saved-queries/{id}': 'member',
    'PATCH /api/saved-queries/{id}': 'member',
    'DELETE /api/saved-queries/{id}': 'member',
  };
  if (fixed[route]) return fixed[route];
  for (const collection of COLLECTIONS) {
    const write: Level = collection === 'stances' ? 'admin' : 'edit';
    const table: Record<string, Level> = {
      [`GET /api/${collection}`]: 'read',
      [`GET /api/${collection}/{id}`]: 'read',
      [`POST /api/${collection}`]: write,
      [`PUT /api/${collection}/{id}`]: write,
      [`PATCH /api/${collection}/{id}`]: write,
      [`DELETE /api/${collection}/{id}`]: write,
      [`GET /api/${collection}/{id}/revisions`]: 'member',
      [`POST /api/${collection}/{id}/revisions/{revisionId}/restore`]: write,
    };
    if (table[route]) return table[route];
  }
  return undefined;
}

const RANK: Record<string, number> = { viewer: 1, editor: 2, admin: 3 };
const NEEDS: Record<Level, number> = { public: 0, account: 0, read: 1, member: 1, edit: 2, admin: 3 };

/** 401, 403, or 'allowed' (the route ran: any status but 401, 403 and 5xx). */
function expectedOutcome(level: Level, caller: Caller, publicRead: boolean, route: string): 401 | 403 | 'allowed' {
  if (level === 'public') return 'allowed';
  if (caller === 'anonymous') return publicRead && level === 'read' ? 'allowed' : 401;
  if (caller === 'revoked' || caller === 'expired' || caller === 'deactivated') return 401;
  if (caller === 'readOnlyToken') {
    // An admin's read-only token: a viewer's rights, and it cannot mint tokens for itself.
    if (route === 'POST /api/auth/tokens') return 403;
    return NEEDS[level] <= RANK.viewer ? 'allowed' : 403;
  }
  return NEEDS[level] <= RANK[caller] ? 'allowed' : 403;
}

let t: TestApp;

async function insertToken(userId: number, kind: 'session' | 'personal', scope: string, expiresIn: string, revoked = false) {
  const client = new Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    const token = newTokenSecret(kind);
    await client.query(
      `INSERT INTO auth_tokens (user_id, kind, scope, token_hash, expires_at, revoked_at, name)
       VALUES ($1, $2, $3, $4, now() + CAST($5 AS interval), CASE WHEN $6 THEN now() END, $7)`,
      // A personal token has a name, as the API makes it.
      [userId, kind, scope, tokenHash(token), expiresIn, revoked, kind === 'personal' ? 'test token' : null],
    );
    return token;
  } finally {
    await client.end();
  }
}

async function callersFor(app: TestApp): Promise<Record<Caller, string | undefined>> {
  t = app;
  const deactivated = (
    await app.http().post('/api/users').send({ email: 'gone@test.example', displayName: 'Gone', role: 'editor' }).expect(201)
  ).body;
  const deactivatedToken = await insertToken(deactivated.id, 'session', 'read-write', '1 day');
  await app.http().patch(`/api/users/${deactivated.id}`).send({ active: false }).expect(200);
  return {
    anonymous: undefined,
    viewer: app.users.viewer.token,
    editor: app.users.editor.token,
    admin: app.users.admin.token,
    revoked: await insertToken(app.users.admin.id, 'session', 'read-write', '1 day', true),
    expired: await insertToken(app.users.admin.id, 'session', 'read-write', '-1 minute'),
    readOnlyToken: await insertToken(app.users.admin.id, 'personal', 'read', '1 day'),
    deactivated: deactivatedToken,
  };
}

interface Route {
  method: string;
  path: string;
}

async function routesOf(app: TestApp): Promise<Route[]> {
  const doc = (await app.as('viewer').get('/api/docs/json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((method) => ({ method: method.toUpperCase(), path })),
  );
  // The document itself, which is not among its own paths.
  return [...documented, { method: 'GET', path: '/api/docs/json' }];
}

/** A request that reaches the route's code without changing anything: ids that do not exist, empty bodies. */
function concrete(route: Route): string {
  let url = route.path.replace('{resource}', 'statements').replace(/\{[a-zA-Z]+\}/g, '999999');
  if (route.path === '/api/statements/export') url += '?format=csv';
  if (route.path === '/api/edtf') url += '?date=2019-01';
  if (route.path === '/api/edtf/suggestions') url += '?text=before%202019-01';
  return url;
}

async function call(app: TestApp, route: Route, caller: Caller, token: string | undefined) {
  // Logging out revokes the token it is called with: use a fresh one, not the caller's.
  if (route.path === '/api/auth/logout' && token && ['viewer', 'editor', 'admin'].includes(caller)) {
    token = await insertToken(app.users[caller as 'viewer'].id, 'session', 'read-write', '1 day');
  }
  if (route.path === '/api/auth/logout' && caller === 'readOnlyToken') {
    token = await insertToken(app.users.admin.id, 'personal', 'read', '1 day');
  }
  const agent = app.as('anonymous');
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let request = agent[method](concrete(route));
  if (token) request = request.set('Authorization', `Bearer ${token}`);
  if (['POST', 'PUT', 'PATCH'].includes(route.method)) request = request.send({});
  return request;
}

async function checkMatrix(app: TestApp, publicRead: boolean, callers: Caller[]) {
  const routes = await routesOf(app);
  const unclassified = routes.filter((r) => !expectedLevel(r.method, r.path)).map((r) => `${r.method} ${r.path}`);
  expect(unclassified).toEqual([]);
  const tokensByCaller = await callersFor(app);
  const mismatches: string[] = [];
  let cells = 0;
  for (const route of routes) {
    const level = expectedLevel(route.method, route.path)!;
    for (const caller of callers) {
      const res = await call(app, route, caller, tokensByCaller[caller]);
      const expected = expectedOutcome(level, caller, publicRead, `${route.method} ${route.path}`);
      const ok = expected === 'allowed' ? ![401, 403].includes(res.status) && res.status < 500 : res.status === expected;
      if (!ok)
        mismatches.push(
          `${route.method} ${concrete(route)} as ${caller}: expected ${expected}, got ${res.status} ${res.text.slice(0, 120)}`,
        );
      if (res.status === 401) expect(res.headers['www-authenticate']).toBe('Bearer');
      if (res.status === 401 || res.status === 403) expect(res.body).toMatchObject({ statusCode: res.status, message: expect.any(String) });
      cells++;
    }
  }
  expect(mismatches).toEqual([]);
  return { routes: routes.length, callers: callers.length, cells };
}

describe('authorization matrix', () => {
  jest.setTimeout(120_000);

  it('every route × {anonymous, viewer, editor, admin, revoked, expired, read-only token, deactivated account}', async () => {
    const app = await createTestApp();
    try {
      const size = await checkMatrix(app, false, CALLERS);
      expect(size.routes).toBeGreaterThanOrEqual(60);
      console.log(`authorization matrix: ${size.routes} routes × ${size.callers} callers = ${size.cells} calls`);
    } finally {
      await app.close();
    }
  });

  it('with PUBLIC_READ=true anonymous callers read and export, and nothing more', async () => {
    const app = await createTestApp({ auth: { publicRead: 'all' } });
    try {
      // Curators' internal notes stay internal on a published timeline.
      const speaker = (await app.http().post('/api/actors').send({ name: 'Speaker' }).expect(201)).body;
      const statement = (
        await app
          .http()
          .post('/api/statements')
          .send({ date: '2019', headline: 'Public', speakerId: speaker.id, notes: 'internal: check the source' })
          .expect(201)
      ).body;
      for (const path of [`/api/statements/${statement.id}`, '/api/statements']) {
        const anonymous = JSON.stringify((await app.as('anonymous').get(path).expect(200)).body);
        expect(anonymous).toContain('Public');
        expect(anonymous).not.toContain('internal: check the source');
        expect(JSON.stringify((await app.as('viewer').get(path).expect(200)).body)).toContain('internal: check the source');
      }
      expect((await app.as('anonymous').get('/api/statements.csv').expect(200)).text).not.toContain('internal: check');
      const size = await checkMatrix(app, true, ['anonymous', 'viewer', 'revoked']);
      console.log(`authorization matrix (PUBLIC_READ): ${size.routes} routes × ${size.callers} callers = ${size.cells} calls`);
    } finally {
      await app.close();
    }
  });
});
