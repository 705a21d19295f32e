import { Client } from 'pg';
import { newTokenSecret, tokenHash } from '../../server/src/auth/token-secret';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Saved queries live on the server: each account's own, wherever it signs in, and those it
 * shares with the team, read-only to the others. The query is the page's readable query string,
 * checked as the page reads it.
 */
let t: TestApp;
let lavrov: number;
let sovereignty: number;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  lavrov = (await t.http().get('/api/actors?q=Sergey Lavrov').expect(200)).body[0].id;
  sovereignty = (await t.http().get('/api/topics?q=Sovereignty').expect(200)).body[0].id;
});
afterAll(() => t.close());

const save = (as: 'admin' | 'editor' | 'viewer', body: object) => t.as(as).post('/api/saved-queries').send(body);
const list = async (as: 'admin' | 'editor' | 'viewer', query = '') =>
  (await t.as(as).get(`/api/saved-queries${query}`).expect(200)).body as { id: number; name: string; mine: boolean }[];

/** A read-only personal token of the admin: a viewer's rights. */
async function readOnlyAdminToken(): Promise<string> {
  const client = new Client({ connectionString: t.databaseUrl });
  await client.connect();
  const token = newTokenSecret('personal');
  await client.query(
    `INSERT INTO auth_tokens (user_id, kind, scope, token_hash, expires_at, name) VALUES ($1, 'personal', 'read', $2, now() + interval '1 day', 'ro')`,
    [t.users.admin.id, tokenHash(token)],
  );
  await client.end();
  return token;
}

describe('saving and reading', () => {
  it('saves a query as its owner’s, normalised, and gives it back with the owner’s name', async () => {
    const res = await save('viewer', {
      name: '  All Lavrov statements on sovereignty ',
      query: `?speakerId=${lavrov}&topicId=${sovereignty}&_sort=date&_order=DESC`,
    }).expect(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      name: 'All Lavrov statements on sovereignty',
      resource: 'statements',
      query: `speakerId=${lavrov}&topicId=${sovereignty}&_sort=date&_order=DESC`,
      shared: false,
      owner: { id: t.users.viewer.id, name: 'Vera Viewer' },
      mine: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    expect((await t.as('viewer').get(`/api/saved-queries/${res.body.id}`).expect(200)).body).toEqual(res.body);
    // Another session of the same account (another browser) finds it.
    const session = (
      await t.as('anonymous').post('/api/auth/login').send({ email: t.users.viewer.email, password: t.users.viewer.password })
    ).body.token;
    const elsewhere = await t.as('anonymous').get('/api/saved-queries').set('Authorization', `Bearer ${session}`).expect(200);
    expect(elsewhere.body.map((q: { id: number }) => q.id)).toContain(res.body.id);
  });

  it('keeps a timeline query too: its filters, view and order', async () => {
    const res = await save('editor', { name: 'Lavrov lanes', resource: 'timeline', query: `speakerId=${lavrov}&view=lanes&order=desc` });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ resource: 'timeline', query: `speakerId=${lavrov}&view=lanes&order=desc` });
    expect((await save('editor', { name: 'No sort here', resource: 'timeline', query: '_sort=date' }).expect(400)).body.errors).toEqual({
      'query._sort': expect.any(String),
    });
  });

  it('keeps an analysis query: its filters, tab and settings, checked as the analysis page reads them', async () => {
    const query = `speakerId=${lavrov}&topicId=${sovereignty}&view=network&kind=actor-conflict&node=a${lavrov}`;
    const res = await save('viewer', { name: 'Who disagrees with Lavrov', resource: 'analysis', query }).expect(201);
    expect(res.body).toMatchObject({ resource: 'analysis', query });
    const chart = await save('viewer', { name: 'By quarter', resource: 'analysis', query: 'interval=quarter&groupBy=country' }).expect(201);
    expect((await list('viewer', '?resource=analysis')).map((q) => q.name)).toEqual(['By quarter', 'Who disagrees with Lavrov']);
    const refused = async (text: string) =>
      (await save('viewer', { name: 'Wrong', resource: 'analysis', query: text }).expect(400)).body.errors as Record<string, string>;
    expect(await refused('interval=week')).toEqual({ 'query.interval': 'must be one of: month, quarter, year' });
    expect(await refused('view=lanes')).toEqual({ 'query.view': 'must be one of: chart, network' });
    expect(await refused('kind=actor-actor')).toEqual({ 'query.kind': expect.stringContaining('actor-topic') });
    expect(await refused('node=x1')).toEqual({ 'query.node': expect.stringContaining('a (actor) or t (topic)') });
    expect(Object.keys(await refused('_sort=date'))).toEqual(['query._sort']);
    expect(Object.keys(await refused('format=csv'))).toEqual(['query.format']);
    await t.as('viewer').delete(`/api/saved-queries/${res.body.id}`).expect(200);
    await t.as('viewer').delete(`/api/saved-queries/${chart.body.id}`).expect(200);
  });

  it('answers 404 for another account’s unshared query, and never lists it', async () => {
    const own = (await save('editor', { name: 'Editor private', query: 'type=meeting' }).expect(201)).body;
    await t.as('viewer').get(`/api/saved-queries/${own.id}`).expect(404);
    expect((await list('viewer')).map((q) => q.id)).not.toContain(own.id);
    await t.as('viewer').put(`/api/saved-queries/${own.id}`).send({ name: 'Taken' }).expect(404);
    await t.as('viewer').delete(`/api/saved-queries/${own.id}`).expect(404);
    await t.as('admin').delete(`/api/saved-queries/${own.id}`).expect(404);
  });
});

describe('sharing', () => {
  let shared: { id: number; version: number; query: string };
  beforeAll(async () => {
    shared = (
      await save('editor', { name: 'Team: Lavrov on sovereignty', query: `speakerId=${lavrov}&topicId=${sovereignty}`, shared: true })
    ).body;
  });

  it('shows a shared query to the whole team, with its owner and mine: false', async () => {
    for (const colleague of ['viewer', 'admin'] as const) {
      const found = (await list(colleague)).find((q) => q.id === shared.id);
      expect(found).toMatchObject({ name: 'Team: Lavrov on sovereignty', shared: true, mine: false, owner: { name: 'Eddie Editor' } });
    }
    expect((await list('editor')).find((q) => q.id === shared.id)).toMatchObject({ mine: true });
  });

  it('applies for a colleague as for its owner: the same statements', async () => {
    const viewed = (await t.as('viewer').get(`/api/saved-queries/${shared.id}`).expect(200)).body;
    const forViewer = (await t.as('viewer').get(`/api/statements?${viewed.query}`).expect(200)).body.map((s: { id: number }) => s.id);
    const forEditor = (await t.as('editor').get(`/api/statements?${shared.query}`).expect(200)).body.map((s: { id: number }) => s.id);
    expect(forViewer).toEqual(forEditor);
    expect(forViewer.length).toBeGreaterThan(0);
  });

  it('is read-only to others: 403 on a change, 403 on a delete but for an admin', async () => {
    for (const other of ['viewer', 'admin'] as const) {
      const refused = await t.as(other).patch(`/api/saved-queries/${shared.id}`).send({ name: 'Mine now' }).expect(403);
      expect(refused.body.message).toMatch(/Eddie Editor's: only its owner changes it/);
    }
    // The record as its owner read it (mine: true), sent back whole by someone else: `mine` is
    // said of the reader, so it is no change to refuse; the answer is the same 403.
    const asOwnerRead = (await t.as('editor').get(`/api/saved-queries/${shared.id}`).expect(200)).body;
    expect(asOwnerRead.mine).toBe(true);
    const resent = await t
      .as('viewer')
      .put(`/api/saved-queries/${shared.id}`)
      .send({ ...asOwnerRead, name: 'Mine now' })
      .expect(403);
    expect(resent.body.errors).toBeUndefined();
    await t.as('viewer').delete(`/api/saved-queries/${shared.id}`).expect(403);
    // An admin's read-only token acts as a viewer's.
    const token = await readOnlyAdminToken();
    await t.as('anonymous').delete(`/api/saved-queries/${shared.id}`).set('Authorization', `Bearer ${token}`).expect(403);
    expect((await t.as('editor').get(`/api/saved-queries/${shared.id}`).expect(200)).body.name).toBe('Team: Lavrov on sovereignty');
  });

  it('lets an admin delete a shared query, and its owner stop sharing one', async () => {
    const other = (await save('viewer', { name: 'Shared by the viewer', query: 'status=planned', shared: true }).expect(201)).body;
    const gone = await t.as('admin').delete(`/api/saved-queries/${other.id}`).expect(200);
    expect(gone.body).toMatchObject({ id: other.id, mine: false });
    await t.as('viewer').get(`/api/saved-queries/${other.id}`).expect(404);

    const unshared = (await save('viewer', { name: 'Shared then not', query: 'status=planned', shared: true }).expect(201)).body;
    await t.as('viewer').patch(`/api/saved-queries/${unshared.id}`).send({ shared: false, version: 1 }).expect(200);
    await t.as('editor').get(`/api/saved-queries/${unshared.id}`).expect(404);
  });

  it('filters by shared, owner, resource and words of the name', async () => {
    const sharedOnes = await list('viewer', '?shared=true');
    expect(sharedOnes.length).toBeGreaterThan(0);
    expect(sharedOnes.every((q) => (q as unknown as { shared: boolean }).shared)).toBe(true);
    expect((await list('viewer', `?ownerId=${t.users.viewer.id}`)).every((q) => q.mine)).toBe(true);
    expect((await list('editor', '?resource=timeline')).map((q) => q.name)).toEqual(['Lavrov lanes']);
    expect((await list('viewer', '?q=sovereignty')).map((q) => q.name)).toEqual([
      'All Lavrov statements on sovereignty',
      'Team: Lavrov on sovereignty',
    ]);
    const res = await t.as('viewer').get('/api/saved-queries?_sort=name&_order=ASC&_start=0&_end=1').expect(200);
    expect(Number(res.headers['x-total-count'])).toBeGreaterThan(1);
    expect(res.body).toHaveLength(1);
  });
});

describe('changing', () => {
  it('renames, re-queries and shares its own, version by version, and refuses a stale change with 409', async () => {
    const made = (await save('editor', { name: 'Draft name', query: 'type=statement' }).expect(201)).body;
    const renamed = (await t.as('editor').patch(`/api/saved-queries/${made.id}`).send({ name: 'Better name', version: 1 }).expect(200))
      .body;
    expect(renamed).toMatchObject({ name: 'Better name', version: 2, query: 'type=statement' });
    // react-admin sends the whole record back (PUT), read-only fields included.
    const put = await t
      .as('editor')
      .put(`/api/saved-queries/${made.id}`)
      .send({ ...renamed, query: `speakerId=${lavrov}&_sort=headline&_order=ASC`, shared: true })
      .expect(200);
    expect(put.body).toMatchObject({ version: 3, shared: true, query: `speakerId=${lavrov}&_sort=headline&_order=ASC` });

    const stale = await t.as('editor').patch(`/api/saved-queries/${made.id}`).send({ name: 'Lost', version: 2 }).expect(409);
    expect(stale.body).toMatchObject({
      errors: { version: expect.stringMatching(/version 3/) },
      current: { version: 3, name: 'Better name' },
    });
    await t.as('editor').patch(`/api/saved-queries/${made.id}`).set('If-Match', '"1"').send({ name: 'Lost' }).expect(409);
    await t.as('editor').delete(`/api/saved-queries/${made.id}`).set('If-Match', '"2"').expect(409);
    await t
      .as('editor')
      .put(`/api/saved-queries/${made.id}`)
      .send({ ...put.body, owner: { id: 1, name: 'Ada Admin' } })
      .expect(400);
    await t.as('editor').delete(`/api/saved-queries/${made.id}`).set('If-Match', '"3"').expect(200);
    await t.as('editor').get(`/api/saved-queries/${made.id}`).expect(404);
  });
});

describe('refusals', () => {
  it.each([
    ['query.colour', { name: 'Colour', query: 'colour=red' }],
    ['query.date_gte', { name: 'Bad date', query: 'date_gte=2019-13' }],
    ['query._sort', { name: 'Bad sort', query: '_sort=password' }],
    ['query._start', { name: 'A page', query: '_start=0&_end=25' }],
    ['query.speakerId', { name: 'Bad speaker', query: 'speakerId=abc' }],
    ['name', { name: '', query: 'type=event' }],
    ['name', { name: 'x'.repeat(201), query: 'type=event' }],
    ['shared', { name: 'Shared?', query: 'type=event', shared: 'yes' }],
    ['resource', { name: 'Map', resource: 'map', query: 'type=event' }],
    ['query', { name: 'No query' }],
    ['ownerId', { name: 'Owner', query: 'type=event', ownerId: 1 }],
  ])('400 naming %s: %j', async (field, body) => {
    const res = await save('viewer', body).expect(400);
    expect(Object.keys(res.body.errors)).toContain(field);
  });

  it('names the parameter of a changed query that the page would refuse', async () => {
    const made = (await save('viewer', { name: 'To change', query: 'type=event' }).expect(201)).body;
    const res = await t.as('viewer').patch(`/api/saved-queries/${made.id}`).send({ query: 'type=event&venue=Moscow' }).expect(400);
    expect(res.body.errors).toEqual({ 'query.venue': expect.stringMatching(/not a filter|allowed/) });
  });

  it('is for signed-in accounts only', async () => {
    await t.as('anonymous').get('/api/saved-queries').expect(401);
    await t.as('anonymous').post('/api/saved-queries').send({ name: 'x', query: '' }).expect(401);
  });
});
