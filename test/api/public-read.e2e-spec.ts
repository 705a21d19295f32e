import { Client } from 'pg';
import { QueryRunner } from 'typeorm';
import { MarkVerifiedOnlySnapshots1796700000007 } from '../../migrations/1796700000007-MarkVerifiedOnlySnapshots';
import { createTestApp, TestApp } from '../support/test-app';
import { TEST_USERS } from '../support/test-users';

/**
 * What anonymous readers see (issue 19, item 6). With PUBLIC_READ=true: every statement, but
 * never who made or changed a record (curators' names) nor internal notes. With
 * PUBLIC_READ=verified: only the statements the team has verified, and the snapshots that hold
 * nothing else — in every route an anonymous reader may call, found from the OpenAPI document,
 * so that a read route added later is checked without being named here.
 */
const DRAFT = 'Unverified-claim-7f3a';
const CURATORS = Object.values(TEST_USERS).map((user) => user.displayName);

interface World {
  /** An existing record of each collection without drafts, by path prefix: /api/actors/ → id. */
  records: Record<string, number>;
  speakerId: number;
  verifiedId: number;
  draftId: number;
  verifiedSnapshotId: number;
  mixedSnapshotId: number;
}

/** A verified statement replying to nothing, a draft replying to it, and a snapshot of each kind, made by the editor. */
async function makeWorld(app: TestApp): Promise<World> {
  const editor = app.as('editor');
  const speaker = (await editor.post('/api/actors').send({ name: 'Sergey Lavrov', kind: 'person' }).expect(201)).body;
  const topic = (await editor.post('/api/topics').send({ name: 'Sovereignty' }).expect(201)).body;
  const source = (await editor.post('/api/sources').send({ title: 'TASS', url: 'https://tass.com/politics/1039820' }).expect(201)).body;
  const stance = (await app.as('admin').post('/api/stances').send({ name: 'Firm', score: 2 }).expect(201)).body;
  const statement = (headline: string, reviewStatus: string, extra: object = {}) =>
    editor
      .post('/api/statements')
      .send({ date: '2019-01-14', headline, speakerId: speaker.id, topicIds: [topic.id], reviewStatus, ...extra })
      .expect(201)
      .then((res) => res.body as { id: number });
  const verified = await statement('Lavrov: the islands are Russian', 'verified');
  const draft = await statement(`${DRAFT} headline`, 'draft', { summary: `${DRAFT} summary`, respondsToId: verified.id });
  const snapshot = (query: string) =>
    editor
      .post('/api/snapshots')
      .send({ title: `Snapshot of ${query}`, query })
      .expect(201)
      .then((res) => res.body as { id: number; verifiedOnly: boolean });
  const verifiedSnapshot = await snapshot('speakerId=' + speaker.id + '&reviewStatus=verified');
  const mixedSnapshot = await snapshot('speakerId=' + speaker.id);
  expect([verifiedSnapshot.verifiedOnly, mixedSnapshot.verifiedOnly]).toEqual([true, false]);
  const records = { '/api/actors/': speaker.id, '/api/topics/': topic.id, '/api/sources/': source.id, '/api/stances/': stance.id };
  return {
    records,
    speakerId: speaker.id,
    verifiedId: verified.id,
    draftId: draft.id,
    verifiedSnapshotId: verifiedSnapshot.id,
    mixedSnapshotId: mixedSnapshot.id,
  };
}

/** The read routes an anonymous caller may call, from the served OpenAPI document. */
async function anonymousReadRoutes(app: TestApp): Promise<string[]> {
  const doc = (await app.as('anonymous').get('/api/docs/json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  const paths = Object.entries(doc.paths)
    .filter(([, operations]) => 'get' in operations)
    .map(([path]) => path);
  const open: string[] = [];
  for (const path of paths) {
    const res = await app.as('anonymous').get(path.replace(/\{[a-zA-Z]+\}/g, '1'));
    if (res.status !== 401) open.push(path);
  }
  return open;
}

/** The parameters a route needs to answer 200. */
const REQUIRED: Record<string, string> = {
  '/api/statements/export': 'format=ndjson',
  '/api/edtf': 'date=2019-01',
  '/api/edtf/suggestions': 'text=before%202019',
  '/api/analysis/network': 'kind=replies&format=graphml',
  '/api/snapshots/{id}/export': 'format=ndjson',
  '/api/snapshots/{id}/network': 'kind=replies&format=graphml',
  '/api/snapshots/{id}/citation': 'style=bibtex',
};

/** Each route, with each id it reads filled in: published ones (expected 200) and unpublished ones (expected 404). */
function requestsFor(path: string, world: World): { url: string; published: boolean }[] {
  const query = REQUIRED[path] ? `?${REQUIRED[path]}` : '';
  if (!path.includes('{id}')) return [{ url: path + query, published: true }];
  const [published, unpublished] = path.startsWith('/api/snapshots/')
    ? [world.verifiedSnapshotId, world.mixedSnapshotId]
    : path.startsWith('/api/statements/')
      ? [world.verifiedId, world.draftId]
      : [Object.entries(world.records).find(([prefix]) => path.startsWith(prefix))?.[1] ?? 1, undefined];
  return [
    { url: path.replace('{id}', String(published)) + query, published: true },
    ...(unpublished ? [{ url: path.replace('{id}', String(unpublished)) + query, published: false }] : []),
  ];
}

describe('anonymous readers (PUBLIC_READ)', () => {
  jest.setTimeout(60_000);

  describe('PUBLIC_READ=verified', () => {
    let app: TestApp;
    let world: World;
    beforeAll(async () => {
      app = await createTestApp({ auth: { publicRead: 'verified' } });
      world = await makeWorld(app);
    });
    afterAll(() => app.close());

    it('no read route shows a draft, an unpublished snapshot or a curator’s name', async () => {
      const routes = await anonymousReadRoutes(app);
      // The routes found must include every kind of statement read; a route that disappears from the sweep fails here.
      for (const expected of ['/api/statements', '/api/statements/{id}', '/api/timeline', '/api/statements.csv', '/api/statements.md']) {
        expect(routes).toContain(expected);
      }
      expect(routes).toEqual(expect.arrayContaining(['/api/analysis/network', '/api/snapshots/{id}/diff', '/api/snapshots/{id}/network']));
      const leaks: string[] = [];
      for (const path of routes) {
        for (const { url, published } of requestsFor(path, world)) {
          const res = await app.as('anonymous').get(url);
          const text = res.text ?? (res.body instanceof Buffer ? res.body.toString() : JSON.stringify(res.body));
          if (res.status !== (published ? 200 : 404))
            leaks.push(`${url}: expected ${published ? 200 : 404}, got ${res.status} ${text.slice(0, 200)}`);
          if (text.includes(DRAFT)) leaks.push(`${url}: shows the draft`);
          // A citation names the snapshot's maker as the dataset's author, on purpose (snapshots.service.ts, citation).
          const names =
            path === '/api/snapshots/{id}/citation' ? CURATORS.filter((name) => name !== TEST_USERS.editor.displayName) : CURATORS;
          for (const name of names) if (text.includes(name)) leaks.push(`${url}: names ${name}`);
          if (/"(createdBy|updatedBy)"/.test(text)) leaks.push(`${url}: has author fields`);
        }
      }
      expect(leaks).toEqual([]);
      expect(routes.length).toBeGreaterThanOrEqual(25);
    });

    it('lists and counts only verified statements, whatever the filters ask', async () => {
      const anonymous = app.as('anonymous');
      const all = await anonymous.get('/api/statements').expect(200);
      expect(all.body.map((s: { id: number }) => s.id)).toEqual([world.verifiedId]);
      expect(all.headers['x-total-count']).toBe('1');
      expect((await anonymous.get('/api/statements?reviewStatus=draft').expect(200)).body).toEqual([]);
      expect((await anonymous.get('/api/statements?needs=review').expect(200)).body).toEqual([]);
      expect((await anonymous.get(`/api/statements?id=${world.draftId}&id=${world.verifiedId}`).expect(200)).body).toHaveLength(1);
      const timeline = (await anonymous.get('/api/timeline').expect(200)).body;
      expect(timeline.entries.map((s: { id: number }) => s.id)).toEqual([world.verifiedId]);
      const csv = (await anonymous.get('/api/statements.csv').expect(200)).text.trim().split('\n');
      expect(csv).toHaveLength(2);
      const trend = (await anonymous.get('/api/analysis/stance-over-time?groupBy=none').expect(200)).body;
      expect(trend.totals.statements).toBe(1);
      expect((await app.as('viewer').get('/api/analysis/stance-over-time?groupBy=none').expect(200)).body.totals.statements).toBe(2);
      // The team sees everything, as before.
      expect((await app.as('viewer').get('/api/statements').expect(200)).body).toHaveLength(2);
      expect((await app.as('viewer').get('/api/snapshots').expect(200)).body).toHaveLength(2);
      const snapshots = (await anonymous.get('/api/snapshots').expect(200)).body;
      expect(snapshots.map((s: { id: number }) => s.id)).toEqual([world.verifiedSnapshotId]);
      expect((await anonymous.get('/api/snapshots?verifiedOnly=false').expect(200)).body).toEqual([]);
    });

    it('a diff against now shows no draft added since, and a statement sent back to draft only as no longer matching', async () => {
      const editor = app.as('editor');
      await editor
        .post('/api/statements')
        .send({ date: '2019-01-15', headline: `${DRAFT} later`, speakerId: world.speakerId, reviewStatus: 'draft' })
        .expect(201);
      const verified = (await editor.get(`/api/statements/${world.verifiedId}`).expect(200)).body;
      await editor
        .patch(`/api/statements/${world.verifiedId}`)
        .send({ version: verified.version, reviewStatus: 'draft', headline: `${DRAFT} rewritten` })
        .expect(200);
      const diff = await app.as('anonymous').get(`/api/snapshots/${world.verifiedSnapshotId}/diff`).expect(200);
      expect(diff.text).not.toContain(DRAFT);
      expect(diff.body.added).toEqual([]);
      expect(diff.body.removed).toEqual([expect.objectContaining({ id: world.verifiedId, reason: 'no longer matching' })]);
      // The team's diff of the snapshot of every statement of the speaker shows the draft added since.
      const team = await app.as('viewer').get(`/api/snapshots/${world.mixedSnapshotId}/diff`).expect(200);
      expect(team.body.added).toEqual([expect.objectContaining({ headline: `${DRAFT} later` })]);
      // A snapshot made now of the speaker holds a draft: not the anonymous readers'.
      expect(
        (
          await editor
            .post('/api/snapshots')
            .send({ title: 'Now', query: `speakerId=${world.speakerId}&reviewStatus=verified` })
            .expect(201)
        ).body.verifiedOnly,
      ).toBe(true);
    });
  });

  it('the migration marks the snapshots made before it by their query: verified only, or not published', async () => {
    const app = await createTestApp({ auth: { publicRead: 'verified' } });
    const client = new Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      const world = await makeWorld(app);
      const both = (
        await app.as('editor').post('/api/snapshots').send({ title: 'Both', query: 'reviewStatus=verified&reviewStatus=draft' }).expect(201)
      ).body;
      await client.query('ALTER TABLE snapshots DROP COLUMN verified_only');
      await new MarkVerifiedOnlySnapshots1796700000007().up({ query: (sql: string) => client.query(sql) } as unknown as QueryRunner);
      const { rows } = await client.query<{ id: number; verified_only: boolean }>('SELECT id, verified_only FROM snapshots ORDER BY id');
      expect(rows).toEqual([
        { id: world.verifiedSnapshotId, verified_only: true },
        { id: world.mixedSnapshotId, verified_only: false },
        { id: both.id, verified_only: false },
      ]);
    } finally {
      await client.end();
      await app.close();
    }
  });

  describe('PUBLIC_READ=true', () => {
    let app: TestApp;
    let world: World;
    beforeAll(async () => {
      app = await createTestApp({ auth: { publicRead: 'all' } });
      world = await makeWorld(app);
    });
    afterAll(() => app.close());

    it('shows drafts too, but never who made or changed a record', async () => {
      const anonymous = app.as('anonymous');
      const routes = [
        '/api/statements',
        `/api/statements/${world.draftId}`,
        '/api/actors',
        `/api/actors/${world.speakerId}`,
        '/api/topics',
      ];
      for (const path of [...routes, '/api/snapshots', `/api/snapshots/${world.mixedSnapshotId}`]) {
        const text = (await anonymous.get(path).expect(200)).text;
        expect(text).not.toMatch(/"(createdBy|updatedBy)"/);
        for (const name of CURATORS) expect(text).not.toContain(name);
      }
      expect((await anonymous.get('/api/statements').expect(200)).body).toHaveLength(2);
      // The team sees them.
      expect((await app.as('viewer').get(`/api/statements/${world.draftId}`).expect(200)).body.createdBy).toEqual({
        id: TEST_USERS.editor.id,
        name: TEST_USERS.editor.displayName,
      });
      // A deleted snapshot's answer does not name who deleted it to anonymous readers.
      await app.as('admin').delete(`/api/snapshots/${world.mixedSnapshotId}`).expect(200);
      const gone = await anonymous.get(`/api/snapshots/${world.mixedSnapshotId}`).expect(410);
      expect(gone.text).not.toContain(TEST_USERS.admin.displayName);
      expect((await app.as('viewer').get(`/api/snapshots/${world.mixedSnapshotId}`).expect(410)).text).toContain(
        TEST_USERS.admin.displayName,
      );
    });

    it('the citation names the snapshot’s maker as its author, for every reader', async () => {
      const text = (await app.as('anonymous').get(`/api/snapshots/${world.verifiedSnapshotId}/citation?style=apa`).expect(200)).text;
      expect(text).toContain('Editor');
    });
  });
});
