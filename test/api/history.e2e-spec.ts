import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/** Revisions, versions and the trash: every change traceable, no lost update, nothing lost by deleting. */

let t: TestApp;
let make: ReturnType<typeof factories>;
let lavrov: number;
let kono: number;
let topic: number;

beforeAll(async () => {
  t = await createTestApp();
  make = factories(t);
  lavrov = (await make.actor({ name: 'Sergey Lavrov' })).id;
  kono = (await make.actor({ name: 'Taro Kono' })).id;
  topic = (await make.topic({ name: 'Peace treaty' })).id;
});
afterAll(() => t.close());

const revisionsOf = async (path: string) => (await t.http().get(`${path}/revisions`).expect(200)).body;
const rowCounts = async () =>
  (
    await t.dataSource.query(
      `SELECT (SELECT count(*) FROM statements) AS statements, (SELECT count(*) FROM revisions) AS revisions,
              (SELECT count(*) FROM statement_topics) AS topics`,
    )
  )[0];

describe('revisions', () => {
  it('records who, when, what and the record before and after, for create, update, delete, restore, revert and purge', async () => {
    const created = (
      await t
        .as('editor')
        .post('/api/statements')
        .send({ date: '2019-01-14', headline: 'Talks in Moscow', speakerId: lavrov, topicIds: [topic] })
        .expect(201)
    ).body;
    expect(created).toMatchObject({
      version: 1,
      createdBy: { id: t.users.editor.id, name: 'Eddie Editor' },
      updatedBy: { id: t.users.editor.id, name: 'Eddie Editor' },
      deletedAt: null,
    });
    const path = `/api/statements/${created.id}`;

    const updated = (
      await t
        .as('admin')
        .patch(path)
        .send({ headline: 'Difficult talks in Moscow', participantIds: [kono], version: 1 })
        .expect(200)
    ).body;
    expect(updated).toMatchObject({
      version: 2,
      createdBy: { name: 'Eddie Editor' },
      updatedBy: { id: t.users.admin.id, name: 'Ada Admin' },
    });

    await t.as('editor').delete(path).expect(200);
    await t.http().post(`/api/trash/statements/${created.id}/restore`).expect(200);

    let history = await revisionsOf(path);
    expect(history.map((r: { action: string }) => r.action)).toEqual(['restore', 'delete', 'update', 'create']);
    const [restore, remove, update, create] = history;
    expect(create).toMatchObject({
      resource: 'statements',
      recordId: created.id,
      version: 1,
      user: { id: t.users.editor.id, name: 'Eddie Editor' },
      label: 'Talks in Moscow',
      before: null,
      after: { headline: 'Talks in Moscow', topicIds: [topic], participantIds: [], version: 1 },
    });
    expect(new Date(create.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(update).toMatchObject({
      version: 2,
      user: { name: 'Ada Admin' },
      changedFields: ['participantIds', 'headline'],
      before: { headline: 'Talks in Moscow', participantIds: [] },
      after: { headline: 'Difficult talks in Moscow', participantIds: [kono] },
    });
    expect(remove).toMatchObject({
      action: 'delete',
      version: 3,
      changedFields: ['deletedAt'],
      before: { deletedAt: null },
      after: { deletedAt: expect.any(String) },
    });
    expect(restore).toMatchObject({ action: 'restore', version: 4, user: { name: 'Ada Admin' }, after: { deletedAt: null } });

    // Revert to the state after creation: a new revision, the old values back, links included.
    const reverted = (await t.as('editor').post(`${path}/revisions/${create.id}/restore`).send({ version: 4 }).expect(200)).body;
    expect(reverted).toMatchObject({
      headline: 'Talks in Moscow',
      participantIds: [],
      topicIds: [topic],
      version: 5,
      updatedBy: { name: 'Eddie Editor' },
    });
    history = await revisionsOf(path);
    expect(history[0]).toMatchObject({
      action: 'revert',
      revertedFrom: create.id,
      revertedFromVersion: 1,
      changedFields: ['participantIds', 'headline'],
    });
    // Every other revision brings nothing back.
    expect(history.slice(1).map((revision: { revertedFromVersion: number | null }) => revision.revertedFromVersion)).toEqual(
      history.slice(1).map(() => null),
    );

    // Purge: gone for good, the history stays and says so.
    await t.as('editor').delete(path).expect(200);
    await t.as('editor').delete(`/api/trash/statements/${created.id}`).expect(403);
    const purged = (await t.http().delete(`/api/trash/statements/${created.id}`).expect(200)).body;
    expect(purged).toMatchObject({ id: created.id, headline: 'Talks in Moscow' });
    await t.http().get(path).expect(404);
    history = await revisionsOf(path);
    expect(history.map((r: { action: string }) => r.action)).toEqual([
      'purge',
      'delete',
      'revert',
      'restore',
      'delete',
      'update',
      'create',
    ]);
    expect(history[0]).toMatchObject({ before: { headline: 'Talks in Moscow' }, after: null, user: { name: 'Ada Admin' } });
  });

  it('writes no revision (and keeps the version) for a save that changes nothing', async () => {
    const actor = await make.actor({ name: 'Unchanged', aliases: ['U'] });
    const same = (await t.http().put(`/api/actors/${actor.id}`).send(actor).expect(200)).body;
    expect(same.version).toBe(1);
    expect((await revisionsOf(`/api/actors/${actor.id}`)).map((r: { action: string }) => r.action)).toEqual(['create']);
  });

  it('keeps the history of every collection, and the activity feed filters by user, collection and action', async () => {
    const before = Number((await t.http().get('/api/revisions?_end=1').expect(200)).headers['x-total-count']);
    const source = (await t.as('editor').post('/api/sources').send({ title: 'Kyodo News' }).expect(201)).body;
    await t.as('editor').patch(`/api/sources/${source.id}`).set('If-Match', '"1"').send({ publisher: 'Kyodo' }).expect(200);
    const stance = (await t.as('admin').post('/api/stances').send({ name: 'Firm', score: -1 }).expect(201)).body;
    await t.as('editor').post('/api/stances').send({ name: 'Soft', score: 1 }).expect(403);

    const feed = await t.http().get('/api/revisions?_start=0&_end=3').expect(200);
    expect(Number(feed.headers['x-total-count'])).toBe(before + 3);
    expect(feed.body.map((r: { resource: string; action: string }) => `${r.resource} ${r.action}`)).toEqual([
      'stances create',
      'sources update',
      'sources create',
    ]);
    const byEditor = (await t.http().get(`/api/revisions?userId=${t.users.editor.id}&resource=sources`).expect(200)).body;
    expect(byEditor.map((r: { recordId: number; label: string }) => [r.recordId, r.label])).toEqual([
      [source.id, 'Kyodo News'],
      [source.id, 'Kyodo News'],
    ]);
    const updates = (await t.as('viewer').get(`/api/revisions?action=update&resource=sources&recordId=${source.id}`).expect(200)).body;
    expect(updates).toHaveLength(1);
    expect(updates[0].changedFields).toEqual(['publisher']);
    expect((await t.http().get(`/api/stances/${stance.id}/revisions`).expect(200)).body[0].user.name).toBe('Ada Admin');
    await t.http().get('/api/revisions?userName=x').expect(400);
    await t.as('anonymous').get('/api/revisions').expect(401);
  });

  it('traces every seed record to the admin who loaded the fixtures', async () => {
    const seeded = await createTestApp({ seed: true });
    try {
      const statements = (await seeded.http().get('/api/statements?_end=100').expect(200)).body;
      expect(statements).toHaveLength(22);
      for (const statement of statements) expect(statement.createdBy).toEqual({ id: seeded.users.admin.id, name: 'Ada Admin' });
      // The vocabularies one by one; the statements came in as one import, which the feed shows as one entry.
      const feed = await seeded.http().get('/api/revisions?action=create&_end=1000').expect(200);
      expect(Number(feed.headers['x-total-count'])).toBe(13 + 1 + 7 + 5 + 1);
      expect(new Set(feed.body.map((r: { user: { id: number } }) => r.user.id))).toEqual(new Set([seeded.users.admin.id]));
      const [entry] = feed.body.filter((r: { resource: string }) => r.resource === 'imports');
      expect(entry.label).toBe('Import of fixtures/japan-russia-2019.json: 22 created, 0 updated, 0 unchanged');
      const imported = await seeded.http().get(`/api/revisions?importId=${entry.recordId}&action=create&_end=1000`).expect(200);
      expect(Number(imported.headers['x-total-count'])).toBe(22 + 1);
      expect(new Set(imported.body.map((r: { user: { id: number } }) => r.user.id))).toEqual(new Set([seeded.users.admin.id]));
    } finally {
      await seeded.close();
    }
  });
});

describe('versions: no lost update', () => {
  it('refuses a whole record without a version (428), and a stale version (409) with the current record and who changed it', async () => {
    const statement = await make.statement({ speakerId: lavrov });
    const path = `/api/statements/${statement.id}`;
    const { version: _version, ...whole } = statement;
    const missing = await t
      .http()
      .put(path)
      .send({ ...whole, headline: 'No version' })
      .expect(428);
    expect(missing.body).toMatchObject({ statusCode: 428, errors: { version: expect.stringMatching(/required/) } });

    expect((await t.http().get(path).expect(200)).headers.etag).toBe('"1"');
    await t.as('editor').patch(path).set('If-Match', '"1"').send({ headline: 'Editor was first' }).expect(200);
    const stale = await t
      .as('admin')
      .put(path)
      .send({ ...statement, headline: 'Admin overwrites?' })
      .expect(409);
    expect(stale.body.message).toMatch(
      new RegExp(`Statement ${statement.id} was changed by Eddie Editor at .+ \\(version 2\\) since version 1`),
    );
    expect(stale.body.errors.version).toMatch(/stale/);
    expect(stale.body.current).toMatchObject({
      id: statement.id,
      version: 2,
      headline: 'Editor was first',
      updatedBy: { name: 'Eddie Editor' },
    });
    expect((await t.http().get(path)).body.headline).toBe('Editor was first');

    await t.http().patch(path).set('If-Match', '"2"').send({ headline: 'x', version: 1 }).expect(400);
    await t.http().patch(path).set('If-Match', '*').send({ headline: 'x' }).expect(400);
    await t.http().delete(path).set('If-Match', '"1"').expect(409);
  });

  it('of 20 concurrent updates from the same version exactly one wins; the history shows exactly one change', async () => {
    const statement = await make.statement({ speakerId: kono, topicIds: [topic] });
    const path = `/api/statements/${statement.id}`;
    const before = await rowCounts();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t
          .as(i % 2 ? 'editor' : 'admin')
          .put(path)
          .send({ ...statement, headline: `Concurrent edit ${i}`, topicIds: [] }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = results.find((r) => r.status === 200)!.body;
    for (const loser of results.filter((r) => r.status === 409))
      expect(loser.body.current).toMatchObject({ version: 2, headline: winner.headline });

    const stored = (await t.http().get(path).expect(200)).body;
    expect(stored).toMatchObject({ version: 2, headline: winner.headline, topicIds: [] });
    const history = await revisionsOf(path);
    expect(history.map((r: { action: string }) => r.action)).toEqual(['update', 'create']);
    expect(history[0].after.headline).toBe(winner.headline);
    const after = await rowCounts();
    expect(Number(after.revisions)).toBe(Number(before.revisions) + 1);
    expect(Number(after.topics)).toBe(Number(before.topics) - 1);
  });
});

describe('trash', () => {
  it('hides a deleted statement from lists, the timeline and exports, lists it in the trash, and restores it', async () => {
    const statement = await make.statement({ speakerId: lavrov, headline: 'Into the trash' });
    const listed = async () => {
      const list = (await t.http().get(`/api/statements?speakerId=${lavrov}&_end=1000`).expect(200)).body.map((s: { id: number }) => s.id);
      const timeline = (await t.http().get(`/api/timeline?speakerId=${lavrov}&limit=500`).expect(200)).body.entries.map(
        (s: { id: number }) => s.id,
      );
      const csv = (await t.http().get(`/api/statements.csv?speakerId=${lavrov}&columns=id`).expect(200)).text.split('\r\n').slice(1);
      return [list.includes(statement.id), timeline.includes(statement.id), csv.includes(String(statement.id))];
    };
    expect(await listed()).toEqual([true, true, true]);
    await t.as('editor').delete(`/api/statements/${statement.id}`).expect(200);
    expect(await listed()).toEqual([false, false, false]);

    await t.as('editor').get('/api/trash').expect(403);
    const trash = await t.http().get('/api/trash?resource=statements').expect(200);
    expect(trash.body[0]).toMatchObject({
      id: `statements:${statement.id}`,
      resource: 'statements',
      recordId: statement.id,
      label: 'Into the trash',
      deletedBy: { id: t.users.editor.id, name: 'Eddie Editor' },
    });
    expect((await t.http().get('/api/trash?q=into%20the').expect(200)).body).toHaveLength(1);
    await t.http().get('/api/trash?resource=users').expect(400);
    await t.http().post('/api/trash/users/1/restore').expect(400);

    const restored = (await t.http().post(`/api/trash/statements/${statement.id}/restore`).expect(200)).body;
    expect(restored).toMatchObject({ id: statement.id, deletedAt: null, version: 3 });
    expect(await listed()).toEqual([true, true, true]);
    await t.http().post(`/api/trash/statements/${statement.id}/restore`).expect(409);
    expect((await t.http().get('/api/trash?resource=statements').expect(200)).body).toEqual([]);
  });

  it('keeps references honest: no new links to a record in the trash, no restore while what it names is gone', async () => {
    const speaker = await make.actor({ name: 'Temporary speaker' });
    const statement = await make.statement({ speakerId: speaker.id });
    const inUse = await t.http().delete(`/api/actors/${speaker.id}`).expect(409);
    expect(inUse.body.message).toMatch(/used by 1 statement/);

    await t.http().delete(`/api/statements/${statement.id}`).expect(200);
    await t.http().delete(`/api/actors/${speaker.id}`).expect(200);
    const refused = await t.http().post('/api/statements').send({ date: '2019', headline: 'x', speakerId: speaker.id }).expect(400);
    expect(refused.body.errors.speakerId).toBe(`actor ${speaker.id} is in the trash`);
    const restore = await t.http().post(`/api/trash/statements/${statement.id}/restore`).expect(409);
    expect(restore.body.errors.speakerId).toMatch(/in the trash/);
    const purge = await t.http().delete(`/api/trash/actors/${speaker.id}`).expect(409);
    expect(purge.body.message).toMatch(/used by 1 statement \(counting those in the trash\)/);

    await t.http().post(`/api/trash/actors/${speaker.id}/restore`).expect(200);
    await t.http().post(`/api/trash/statements/${statement.id}/restore`).expect(200);
    await t.http().post(`/api/statements/${statement.id}/revisions/1/restore`).expect(404);
  });

  it('refuses, with 409, to restore a revision that names a record since put in the trash; nothing changes', async () => {
    const participant = await make.actor({ name: 'Participant for a while' });
    const statement = await make.statement({ speakerId: lavrov, participantIds: [participant.id] });
    const path = `/api/statements/${statement.id}`;
    const [created] = await revisionsOf(path);
    const { version } = (await t.http().patch(path).send({ version: statement.version, participantIds: [] }).expect(200)).body;
    await t.http().delete(`/api/actors/${participant.id}`).expect(200);
    const before = { counts: await rowCounts(), record: (await t.http().get(path).expect(200)).body };

    const refused = await t.http().post(`${path}/revisions/${created.id}/restore`).send({ version }).expect(409);
    expect(refused.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      message: `Revision ${created.id} cannot be restored: participantIds: actor ${participant.id} is in the trash`,
      errors: { participantIds: `actor ${participant.id} is in the trash` },
    });
    expect({ counts: await rowCounts(), record: (await t.http().get(path).expect(200)).body }).toEqual(before);

    // Once the participant is back, the same revision restores.
    await t.http().post(`/api/trash/actors/${participant.id}/restore`).expect(200);
    const restored = (await t.http().post(`${path}/revisions/${created.id}/restore`).send({ version }).expect(200)).body;
    expect(restored).toMatchObject({ participantIds: [participant.id], version: version + 1 });
  });

  it('a 4xx changes nothing', async () => {
    const statement = await make.statement({ speakerId: lavrov });
    const before = await rowCounts();
    await t
      .http()
      .put(`/api/statements/${statement.id}`)
      .send({ ...statement, speakerId: 999999 })
      .expect(400);
    await t
      .http()
      .put(`/api/statements/${statement.id}`)
      .send({ ...statement, headline: 'x', version: 7 })
      .expect(409);
    await t.as('viewer').delete(`/api/statements/${statement.id}`).expect(403);
    expect(await rowCounts()).toEqual(before);
    expect((await t.http().get(`/api/statements/${statement.id}`).expect(200)).body).toEqual(statement);
  });
});
