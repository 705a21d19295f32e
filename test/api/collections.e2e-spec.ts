import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let make: ReturnType<typeof factories>;
beforeAll(async () => {
  t = await createTestApp();
  make = factories(t);
});
afterAll(() => t.close());

describe('actors', () => {
  it('creates, reads, changes (PUT and PATCH alike) and deletes an actor', async () => {
    const body = {
      name: 'Sergey Lavrov',
      nativeName: 'Сергей Лавров',
      kind: 'person',
      country: 'RU',
      title: 'Foreign Minister of Russia',
      aliases: ['Sergei Lavrov'],
      wikidataId: 'Q1',
      description: 'Minister since 2004.',
    };
    const created = (await t.http().post('/api/actors').send(body).expect(201)).body;
    expect(created).toMatchObject({ ...body, id: expect.any(Number) });
    expect((await t.http().get(`/api/actors/${created.id}`).expect(200)).body).toEqual(created);

    const replaced = (
      await t
        .http()
        .put(`/api/actors/${created.id}`)
        .send({ ...created, title: 'Minister', aliases: [] })
        .expect(200)
    ).body;
    expect(replaced).toMatchObject({ title: 'Minister', aliases: [], nativeName: 'Сергей Лавров' });
    expect(replaced.version).toBe(2);
    // A PUT that names some fields changes those only; the others keep their values.
    const renamed = (await t.http().put(`/api/actors/${created.id}`).send({ name: 'S. Lavrov', version: 2 }).expect(200)).body;
    expect(renamed).toEqual({ ...replaced, name: 'S. Lavrov', version: 3, updatedAt: expect.any(String) });
    const patched = (
      await t.http().patch(`/api/actors/${created.id}`).set('If-Match', '"3"').send({ country: 'RU', nativeName: '' }).expect(200)
    ).body;
    expect(patched).toMatchObject({ name: 'S. Lavrov', country: 'RU', nativeName: null, version: 4 });

    const trashed = (await t.http().delete(`/api/actors/${created.id}`).expect(200)).body;
    expect(trashed).toEqual({ ...patched, version: 5, updatedAt: expect.any(String), deletedAt: expect.any(String) });
    await t.http().get(`/api/actors/${created.id}`).expect(404);
  });

  it('searches name, native name and aliases; filters kind and country', async () => {
    const kono = await make.actor({ name: 'Taro Kono', nativeName: '河野太郎', country: 'JP', aliases: ['Kōno Tarō'] });
    const mfa = await make.actor({ name: 'Russian Foreign Ministry', kind: 'organization', country: 'RU' });
    const ids = async (query: string) => (await t.http().get(`/api/actors?${query}`).expect(200)).body.map((a: { id: number }) => a.id);
    expect(await ids(`q=${encodeURIComponent('河野')}`)).toEqual([kono.id]);
    expect(await ids(`q=${encodeURIComponent('kōno')}`)).toEqual([kono.id]);
    expect(await ids('q=kono')).toEqual([kono.id]);
    expect(await ids('q=100%25')).toEqual([]);
    expect(await ids('kind=organization')).toEqual([mfa.id]);
    expect(await ids('country=JP')).toEqual([kono.id]);
    expect(await ids('country=JP&country=RU&_sort=name&_order=DESC')).toEqual([kono.id, mfa.id]);
  });

  it.each([
    [{ name: '' }, 'name', /must not be empty/],
    [{ name: 'x'.repeat(201) }, 'name', /200 characters/],
    [{ name: 'A', country: 'XX' }, 'country', /ISO 3166-1 alpha-2/],
    [{ name: 'A', country: 'ru' }, 'country', /ISO 3166-1 alpha-2/],
    [{ name: 'A', kind: 'group' }, 'kind', /person, organization/],
    [{ name: 'A', wikidataId: '42' }, 'wikidataId', /Wikidata item id/],
    [{ name: 'A', aliases: 'Lavrov' }, 'aliases', /array/],
    [{ name: 'A', aliases: [''] }, 'aliases', /empty entries/],
    [{ name: 'A', aliases: [3] }, 'aliases', /string/],
    [{ name: 'A', password: 'x' }, 'password', /not a field/],
  ])('refuses %j naming %s', async (body, field, reason) => {
    const res = await t.http().post('/api/actors').send(body).expect(400);
    expect(res.body.errors[field]).toMatch(reason);
  });

  it('refuses a second actor with the same Wikidata id (409 naming wikidataId)', async () => {
    await make.actor({ wikidataId: 'Q7747' });
    const res = await t.http().post('/api/actors').send({ name: 'Someone else', wikidataId: 'Q7747' }).expect(409);
    expect(res.body.errors.wikidataId).toMatch(/already exists/);
  });
});

describe('sources, topics, stances', () => {
  it('creates and validates a source', async () => {
    const body = {
      title: 'Deep gap emerges between Japan, Russia over territorial dispute',
      publisher: 'The Mainichi',
      url: 'https://mainichi.jp/english/articles/example',
      authors: ['Muneyoshi Mitsuda', 'Hitoshi Omae'],
      publishedOn: '2019-01-15',
      accessedOn: '2026-11-27',
      archiveUrl: 'https://web.archive.org/web/2019/https://mainichi.jp/',
      language: 'en',
      kind: 'news',
    };
    const created = (await t.http().post('/api/sources').send(body).expect(201)).body;
    expect(created).toMatchObject(body);
    for (const [change, field] of [
      [{ url: 'javascript:alert(1)' }, 'url'],
      [{ url: 'mainichi.jp' }, 'url'],
      [{ publishedOn: '2019-02-30' }, 'publishedOn'],
      [{ accessedOn: '15/01/2019' }, 'accessedOn'],
      [{ language: 'english language' }, 'language'],
      [{ kind: 'blog' }, 'kind'],
      [{ authors: 'one' }, 'authors'],
    ] as const) {
      const res = await t
        .http()
        .post('/api/sources')
        .send({ ...body, ...change })
        .expect(400);
      expect(res.body.errors[field]).toBeDefined();
    }
  });

  it('dates come back as the day stored, whatever the server time zone', async () => {
    const created = (await t.http().post('/api/sources').send({ title: 'Dated', publishedOn: '2019-01-01' }).expect(201)).body;
    expect(created.publishedOn).toBe('2019-01-01');
  });

  it('keeps topic and stance names unique (409 naming name)', async () => {
    await make.topic({ name: 'Sovereignty' });
    const topic = await t.http().post('/api/topics').send({ name: 'Sovereignty' }).expect(409);
    expect(topic.body.errors.name).toMatch(/already exists/);
    await make.stance({ name: 'Rejecting', score: -2 });
    const stance = await t.http().post('/api/stances').send({ name: 'Rejecting', score: -1 }).expect(409);
    expect(stance.body.errors.name).toMatch(/already exists/);
  });

  it('validates a stance’s score and colour', async () => {
    for (const [body, field] of [
      [{ name: 'S1', score: 3 }, 'score'],
      [{ name: 'S2', score: -3 }, 'score'],
      [{ name: 'S3', score: 1.5 }, 'score'],
      [{ name: 'S4', score: '1' }, 'score'],
      [{ name: 'S5' }, 'score'],
      [{ name: 'S6', score: 0, color: 'red' }, 'color'],
      [{ name: 'S7', score: 0, color: '#12345' }, 'color'],
    ] as const) {
      const res = await t.http().post('/api/stances').send(body).expect(400);
      expect(res.body.errors[field]).toBeDefined();
    }
    const ok = await t.http().post('/api/stances').send({ name: 'Warm', score: 2, color: '#2E7D32' }).expect(201);
    expect(ok.body).toMatchObject({ score: 2, color: '#2E7D32' });
  });

  it('filters stances by score and sorts them', async () => {
    const res = await t.http().get('/api/stances?score=-2&score=2&_sort=score&_order=ASC').expect(200);
    expect(res.body.map((s: { score: number }) => s.score)).toEqual([-2, 2]);
  });
});

describe('deleting a record statements still use', () => {
  it('is refused with 409 saying how many statements use it, and succeeds once unused', async () => {
    const speaker = await make.actor({ name: 'Speaker' });
    const participant = await make.actor({ name: 'Participant' });
    const topic = await make.topic();
    const source = await make.source();
    const stance = await make.stance();
    const first = await make.statement({
      speakerId: speaker.id,
      participantIds: [participant.id],
      topicIds: [topic.id],
      sourceIds: [source.id],
      stanceId: stance.id,
    });
    const second = await make.statement({ speakerId: participant.id, topicIds: [topic.id] });

    const cases = [
      [`/api/actors/${speaker.id}`, /Actor \d+ is used by 1 statement \(speaker of 1\)/],
      [`/api/actors/${participant.id}`, /Actor \d+ is used by 2 statements \(speaker of 1, participant in 1\)/],
      [`/api/topics/${topic.id}`, /Topic \d+ is used by 2 statements/],
      [`/api/sources/${source.id}`, /Source \d+ is used by 1 statement/],
      [`/api/stances/${stance.id}`, /Stance \d+ is used by 1 statement/],
    ] as const;
    for (const [path, message] of cases) {
      const res = await t.http().delete(path).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      expect(res.body.message).toMatch(message);
      await t.http().get(path).expect(200);
    }

    await t.http().delete(`/api/statements/${first.id}`).expect(200);
    await t.http().delete(`/api/statements/${second.id}`).expect(200);
    for (const [path] of cases) await t.http().delete(path).expect(200);
  });

  it('the database itself refuses it too (ON DELETE RESTRICT), for writers other than the API', async () => {
    const speaker = await make.actor();
    await make.statement({ speakerId: speaker.id });
    await expect(t.dataSource.query('DELETE FROM actors WHERE id = $1', [speaker.id])).rejects.toThrow(
      /violates RESTRICT setting of foreign key constraint "fk_statements_speaker_id"/,
    );
  });
});

describe.each([
  ['actors', { name: 'Created' }, { name: 'Replaced' }, { description: 'Patched' }],
  ['sources', { title: 'Created', kind: 'official' }, { title: 'Replaced' }, { publisher: 'Patched' }],
  ['topics', { name: 'Created topic' }, { name: 'Replaced topic' }, { description: 'Patched' }],
  ['stances', { name: 'Created stance', score: 1 }, { name: 'Replaced stance', score: -1 }, { color: '#abcdef' }],
])('every route of /api/%s', (collection, created, replaced, patched) => {
  it('list, getMany, one, create, replace, patch, delete', async () => {
    const first = (await t.http().post(`/api/${collection}`).send(created).expect(201)).body;
    expect(first).toMatchObject({ ...created, id: expect.any(Number), createdAt: expect.any(String) });
    const second = (
      await t
        .http()
        .post(`/api/${collection}`)
        .send({ ...replaced, ...('name' in replaced ? { name: `${replaced.name} 2` } : {}) })
        .expect(201)
    ).body;

    const list = await t.http().get(`/api/${collection}?_sort=id&_order=DESC&_start=0&_end=2`).expect(200);
    expect(list.body.map((r: { id: number }) => r.id)).toEqual([second.id, first.id]);
    expect(Number(list.headers['x-total-count'])).toBeGreaterThanOrEqual(2);
    const many = await t.http().get(`/api/${collection}?id=${first.id}&id=${second.id}&_sort=id`).expect(200);
    expect(many.body).toEqual([first, second]);
    expect((await t.http().get(`/api/${collection}/${first.id}`).expect(200)).body).toEqual(first);

    const put = (
      await t
        .http()
        .put(`/api/${collection}/${first.id}`)
        .send({ ...first, ...replaced })
        .expect(200)
    ).body;
    expect(put).toMatchObject({ ...replaced, id: first.id, createdAt: first.createdAt, version: 2 });
    const patch = (
      await t
        .http()
        .patch(`/api/${collection}/${first.id}`)
        .send({ ...patched, version: 2 })
        .expect(200)
    ).body;
    expect(patch).toMatchObject({ ...replaced, ...patched, version: 3 });

    expect((await t.http().delete(`/api/${collection}/${first.id}`).expect(200)).body).toMatchObject({
      ...patch,
      version: 4,
      updatedAt: expect.any(String),
      deletedAt: expect.any(String),
    });
    expect((await t.http().get(`/api/${collection}/${first.id}`).expect(404)).body.message).toMatch(/is in the trash/);
    await t
      .http()
      .put(`/api/${collection}/${first.id}`)
      .send({ ...first, ...replaced, version: 4 })
      .expect(404);
    await t
      .http()
      .patch(`/api/${collection}/${first.id}`)
      .send({ ...patched, version: 4 })
      .expect(404);
    await t.http().delete(`/api/${collection}/${first.id}`).expect(404);
    await t
      .http()
      .delete(`/api/${collection}/${first.id + 1000}`)
      .expect(404);
  });

  it('refuses unknown body fields and null for a required field', async () => {
    const res = await t
      .http()
      .post(`/api/${collection}`)
      .send({ ...created, secret: 1 })
      .expect(400);
    expect(res.body.errors.secret).toMatch(/not a field/);
    const record = (
      await t
        .http()
        .post(`/api/${collection}`)
        .send({ ...created, ...('name' in created ? { name: `${created.name} null` } : {}) })
        .expect(201)
    ).body;
    const required = collection === 'sources' ? 'title' : 'name';
    const nulled = await t
      .http()
      .patch(`/api/${collection}/${record.id}`)
      .send({ [required]: null, version: 1 })
      .expect(400);
    expect(nulled.body.errors[required]).toMatch(/must not be null/);
  });
});
