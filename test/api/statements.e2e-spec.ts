import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let make: ReturnType<typeof factories>;
let lavrov: number;
let kono: number;
let abe: number;
let topics: number[];
let sources: number[];
let stance: number;

beforeAll(async () => {
  t = await createTestApp();
  make = factories(t);
  lavrov = (await make.actor({ name: 'Sergey Lavrov' })).id;
  kono = (await make.actor({ name: 'Taro Kono' })).id;
  abe = (await make.actor({ name: 'Shinzo Abe' })).id;
  topics = [(await make.topic()).id, (await make.topic()).id, (await make.topic()).id];
  sources = [(await make.source()).id, (await make.source()).id];
  stance = (await make.stance({ score: -2 })).id;
});
afterAll(() => t.close());

const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

describe('statements: create, read, update, delete', () => {
  it('creates a statement with every field and returns it with derived dates and ordered links', async () => {
    const body = {
      type: 'statement',
      status: 'occurred',
      date: '2019-01-14',
      headline: 'Lavrov: "These are Russian territories"',
      quote: 'Это российские территории',
      quoteLanguage: 'ru',
      summary: 'Lavrov told reporters he will not discuss sovereignty.',
      speakerId: lavrov,
      speakerTitle: 'Foreign Minister of Russia',
      participantIds: [abe, kono],
      stanceId: stance,
      topicIds: [topics[2], topics[0]],
      sourceIds: [sources[1], sources[0]],
      respondsToId: null,
      venue: 'press conference',
      location: 'Moscow',
      reviewStatus: 'verified',
      notes: '河野外相との会談後',
    };
    const res = await t.http().post('/api/statements').send(body).expect(201);
    expect(res.body).toMatchObject({
      ...body,
      id: expect.any(Number),
      dateStart: '2019-01-14',
      dateEnd: '2019-01-14',
      displayDate: 'Jan. 14, 2019',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    // Links keep the order given, not id order.
    expect(res.body.participantIds).toEqual([abe, kono]);
    expect(res.body.topicIds).toEqual([topics[2], topics[0]]);
    const fetched = await t.http().get(`/api/statements/${res.body.id}`).expect(200);
    expect(fetched.body).toEqual(res.body);
  });

  it('applies defaults for type, status and reviewStatus', async () => {
    const res = await t.http().post('/api/statements').send({ date: '2019-06', headline: 'Summit', speakerId: abe }).expect(201);
    expect(res.body).toMatchObject({
      type: 'statement',
      status: 'occurred',
      reviewStatus: 'draft',
      displayDate: 'June 2019',
      participantIds: [],
    });
  });

  it('accepts back the whole record on PUT (react-admin), ignoring read-only fields', async () => {
    const created = (
      await t
        .http()
        .post('/api/statements')
        .send({ date: '2019-01-09', headline: 'Warning', speakerId: lavrov, topicIds: [topics[0]] })
        .expect(201)
    ).body;
    const edited = {
      ...created,
      headline: 'Strong warning',
      date: '2018-23',
      id: 999,
      dateStart: '1900-01-01',
      displayDate: 'forged',
      createdAt: 'x',
    };
    const res = await t.http().put(`/api/statements/${created.id}`).send(edited).expect(200);
    expect(res.body).toMatchObject({
      id: created.id,
      headline: 'Strong warning',
      date: '2018-23',
      dateStart: '2018-09-01',
      dateEnd: '2018-11-30',
      displayDate: 'autumn 2018',
      topicIds: [topics[0]],
      createdAt: created.createdAt,
    });
    expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(created.updatedAt).getTime());
  });

  it('PUT changes the fields it names, as PATCH does: the others keep their values', async () => {
    const created = (
      await t
        .http()
        .post('/api/statements')
        .send({
          date: '2019',
          headline: 'Full',
          speakerId: lavrov,
          summary: 'text',
          topicIds: [topics[1]],
          participantIds: [kono],
          stanceId: stance,
        })
        .expect(201)
    ).body;
    const res = await t.http().put(`/api/statements/${created.id}`).send({ headline: 'Bare', version: 1 }).expect(200);
    expect(res.body).toEqual({ ...created, headline: 'Bare', version: 2, updatedAt: expect.any(String) });
  });

  it('a change naming only some fields may leave out the version: it changes those fields, as a revision', async () => {
    const created = (await t.http().post('/api/statements').send({ date: '2019', headline: 'Draft', speakerId: lavrov }).expect(201)).body;
    await t.http().patch(`/api/statements/${created.id}`).send({ summary: 'Someone else saved first', version: 1 }).expect(200);
    // react-admin's updateMany: one PUT per record, the changed fields only, no version.
    const res = await t.http().put(`/api/statements/${created.id}`).send({ reviewStatus: 'verified' }).expect(200);
    expect(res.body).toMatchObject({ reviewStatus: 'verified', summary: 'Someone else saved first', version: 3 });
    const [latest] = (await t.http().get(`/api/statements/${created.id}/revisions`).expect(200)).body;
    expect(latest).toMatchObject({ action: 'update', version: 3, changedFields: ['reviewStatus'] });
    // With a version, a stale one is refused as ever.
    await t.http().put(`/api/statements/${created.id}`).send({ reviewStatus: 'draft', version: 2 }).expect(409);
  });

  it('a change naming every field (a whole record) must say which version it is based on', async () => {
    const created = (await t.http().post('/api/statements').send({ date: '2019', headline: 'Whole', speakerId: lavrov }).expect(201)).body;
    const { version: _version, ...whole } = created;
    const res = await t
      .http()
      .put(`/api/statements/${created.id}`)
      .send({ ...whole, headline: 'Overwritten' })
      .expect(428);
    expect(res.body.errors.version).toMatch(/required/);
    await t
      .http()
      .put(`/api/statements/${created.id}`)
      .set('If-Match', '"1"')
      .send({ ...whole, headline: 'Overwritten' })
      .expect(200);
  });

  it('adds and removes links by id ({ add, remove }), keeping the order and the other links', async () => {
    const created = (
      await t
        .http()
        .post('/api/statements')
        .send({ date: '2019', headline: 'Links', speakerId: lavrov, topicIds: [topics[0], topics[1]], participantIds: [kono] })
        .expect(201)
    ).body;
    const res = await t
      .http()
      .put(`/api/statements/${created.id}`)
      .send({ topicIds: { add: [topics[2], topics[0]], remove: [topics[1]] }, participantIds: { add: [abe] } })
      .expect(200);
    expect(res.body).toMatchObject({ topicIds: [topics[0], topics[2]], participantIds: [kono, abe] });
    // Adding what is there already changes nothing: no new revision.
    const again = await t
      .http()
      .put(`/api/statements/${created.id}`)
      .send({ topicIds: { add: [topics[2]] } })
      .expect(200);
    expect(again.body.version).toBe(res.body.version);
  });

  it.each([
    [{ topicIds: { add: [1], remove: [1] } }, 'topicIds', /cannot both add and remove 1/],
    [{ topicIds: { add: ['1'] } }, 'topicIds', /topicIds\.add must list ids/],
    [{ topicIds: { replace: [1] } }, 'topicIds', /"replace" is neither/],
    [{ topicIds: {} }, 'topicIds', /must list ids, or add or remove some/],
    [{ participantIds: { add: [999999] } }, 'participantIds', /actor 999999 does not exist/],
  ])('refuses a link edit %j, naming %s', async (body, field, message) => {
    const created = (await t.http().post('/api/statements').send({ date: '2019', headline: 'Edit', speakerId: lavrov }).expect(201)).body;
    const res = await t.http().put(`/api/statements/${created.id}`).send(body).expect(400);
    expect(res.body.errors[field]).toMatch(message);
    expect((await t.http().get(`/api/statements/${created.id}`)).body).toEqual(created);
  });

  it('a new statement takes only whole link lists', async () => {
    const res = await t
      .http()
      .post('/api/statements')
      .send({ date: '2019', headline: 'New', speakerId: lavrov, topicIds: { add: [topics[0]] } })
      .expect(400);
    expect(res.body.errors.topicIds).toMatch(/must be an array/);
  });

  it('PATCH changes only the named fields and keeps the links it does not name', async () => {
    const created = (
      await t
        .http()
        .post('/api/statements')
        .send({
          date: '2019-01-14',
          headline: 'Patch me',
          speakerId: kono,
          participantIds: [lavrov],
          topicIds: [topics[0], topics[1]],
          summary: 'keep',
        })
        .expect(201)
    ).body;
    const res = await t
      .http()
      .patch(`/api/statements/${created.id}`)
      .send({ date: '2019-01-14/2019-01-16', topicIds: [topics[1]], version: 1 })
      .expect(200);
    expect(res.body).toMatchObject({
      headline: 'Patch me',
      summary: 'keep',
      participantIds: [lavrov],
      topicIds: [topics[1]],
      displayDate: 'Jan. 14–16, 2019',
      dateEnd: '2019-01-16',
    });
  });

  it('DELETE moves the statement to the trash, links kept, and returns it', async () => {
    const created = (
      await t
        .http()
        .post('/api/statements')
        .send({ date: '2019', headline: 'Doomed', speakerId: abe, topicIds: [topics[0]], sourceIds: [sources[0]] })
        .expect(201)
    ).body;
    const linksBefore = await count('statement_topics');
    const res = await t.http().delete(`/api/statements/${created.id}`).expect(200);
    expect(res.body).toMatchObject({ ...created, version: 2, deletedAt: expect.any(String), updatedAt: expect.any(String) });
    await t.http().get(`/api/statements/${created.id}`).expect(404);
    expect((await t.http().get(`/api/statements?id=${created.id}`).expect(200)).body).toEqual([]);
    expect(await count('statement_topics')).toBe(linksBefore);
    await t.http().delete(`/api/statements/${created.id}`).expect(404);
  });

  it('a statement others respond to goes to the trash with its replies kept; purging it waits for them', async () => {
    const remark = (await t.http().post('/api/statements').send({ date: '2019-01-01', headline: 'Remark', speakerId: abe }).expect(201))
      .body;
    const reply = (
      await t
        .http()
        .post('/api/statements')
        .send({ date: '2019-01-09', headline: 'Reply', speakerId: lavrov, respondsToId: remark.id })
        .expect(201)
    ).body;
    await t.http().delete(`/api/statements/${remark.id}`).expect(200);
    expect((await t.http().get(`/api/statements/${reply.id}`).expect(200)).body.respondsToId).toBe(remark.id);
    const purge = await t.http().delete(`/api/trash/statements/${remark.id}`).expect(409);
    expect(purge.body.message).toContain(`replies: ${reply.id}`);
    await t.http().patch(`/api/statements/${reply.id}`).send({ respondsToId: null, version: 1 }).expect(200);
    await t.http().delete(`/api/trash/statements/${remark.id}`).expect(200);
  });

  it('stores Japanese, Russian and English text exactly', async () => {
    const text = {
      headline: '河野外相「実り多い歴史的な年に」',
      quote: 'Это российские территории — «наши»',
      summary: 'Emoji 🗾 and combining é (e\u0301)',
    };
    const res = await t
      .http()
      .post('/api/statements')
      .send({ date: '2019-01-14', speakerId: kono, ...text })
      .expect(201);
    expect(res.body).toMatchObject(text);
  });
});

describe('statements: validation', () => {
  const valid = () => ({ date: '2019-01-14', headline: 'Valid', speakerId: lavrov });

  it.each([
    [{ date: '2019-13' }, 'date', /date is not a valid EDTF date: "2019-13"/],
    [{ date: '2019-06/2019-01' }, 'date', /ends .* before it begins/],
    [{ date: '' }, 'date', /must not be empty/],
    [{ date: 2019 }, 'date', /EDTF date written as text/],
    [{ date: undefined }, 'date', /./],
    [{ headline: '' }, 'headline', /must not be empty/],
    [{ headline: 'x'.repeat(301) }, 'headline', /300 characters/],
    [{ headline: undefined }, 'headline', /./],
    [{ headline: 42 }, 'headline', /string/],
    [{ speakerId: undefined }, 'speakerId', /integer/],
    [{ speakerId: '3' }, 'speakerId', /integer/],
    [{ speakerId: 99999 }, 'speakerId', /actor 99999 does not exist/],
    [{ speakerId: -1 }, 'speakerId', /./],
    [{ participantIds: [99998, 99999] }, 'participantIds', /actors 99998, 99999 do not exist/],
    [{ participantIds: 'x' }, 'participantIds', /array/],
    [{ participantIds: [1, 1] }, 'participantIds', /same id twice/],
    [{ stanceId: 99999 }, 'stanceId', /stance 99999 does not exist/],
    [{ topicIds: [99999] }, 'topicIds', /topic 99999 does not exist/],
    [{ sourceIds: [99999] }, 'sourceIds', /source 99999 does not exist/],
    [{ respondsToId: 99999 }, 'respondsToId', /statement 99999 does not exist/],
    [{ type: 'speech' }, 'type', /one of: statement, meeting, document, event/],
    [{ status: 'maybe' }, 'status', /one of: occurred, planned, cancelled/],
    [{ reviewStatus: 'approved' }, 'reviewStatus', /one of: draft, verified/],
    [{ quoteLanguage: 'not a language' }, 'quoteLanguage', /BCP 47/],
    [{ quote: 'nul \u0000 byte' }, 'quote', /without NUL/],
    [{ summary: '\ud800 lone surrogate' }, 'summary', /valid Unicode/],
    [{ colour: 'red' }, 'colour', /is not a field of this record/],
  ])('refuses %j with a 400 naming %s, storing nothing', async (change, field, reason) => {
    const before = await count('statements');
    const res = await t
      .http()
      .post('/api/statements')
      .send({ ...valid(), ...change })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.errors[field]).toMatch(reason);
    expect(res.body.message).toContain(field);
    expect(await count('statements')).toBe(before);
  });

  it('reports every invalid field at once', async () => {
    const res = await t.http().post('/api/statements').send({ date: 'soon', headline: '', speakerId: 'x', type: 'x' }).expect(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['date', 'headline', 'speakerId', 'type']);
  });

  it('refuses the speaker among the participants', async () => {
    const res = await t
      .http()
      .post('/api/statements')
      .send({ ...valid(), participantIds: [kono, lavrov] })
      .expect(400);
    expect(res.body.errors.participantIds).toMatch(/must not include the speaker/);
  });

  it('refuses a reply to itself and a reply loop, and nothing changes', async () => {
    const first = (
      await t
        .http()
        .post('/api/statements')
        .send({ ...valid(), headline: 'First' })
        .expect(201)
    ).body;
    const second = (
      await t
        .http()
        .post('/api/statements')
        .send({ ...valid(), headline: 'Second', respondsToId: first.id })
        .expect(201)
    ).body;
    const self = await t.http().patch(`/api/statements/${first.id}`).send({ respondsToId: first.id, version: 1 }).expect(400);
    expect(self.body.errors.respondsToId).toMatch(/cannot respond to itself/);
    const loop = await t.http().patch(`/api/statements/${first.id}`).send({ respondsToId: second.id, version: 1 }).expect(400);
    expect(loop.body.errors.respondsToId).toMatch(new RegExp(`reply loop: ${first.id} → ${second.id} → ${first.id}`));
    expect((await t.http().get(`/api/statements/${first.id}`)).body.respondsToId).toBeNull();
  });

  it('PATCH and PUT refuse null for a field that must hold a value', async () => {
    const created = (await t.http().post('/api/statements').send(valid()).expect(201)).body;
    const res = await t.http().patch(`/api/statements/${created.id}`).send({ headline: null, speakerId: null, version: 1 }).expect(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['headline', 'speakerId']);
    const put = await t.http().put(`/api/statements/${created.id}`).send({ date: null, topicIds: null, reviewStatus: null }).expect(400);
    expect(Object.keys(put.body.errors).sort()).toEqual(['date', 'reviewStatus', 'topicIds']);
    expect((await t.http().get(`/api/statements/${created.id}`)).body).toEqual(created);
  });

  it('PATCH with a new speaker checks it against the kept participants', async () => {
    const created = (
      await t
        .http()
        .post('/api/statements')
        .send({ ...valid(), participantIds: [kono] })
        .expect(201)
    ).body;
    const res = await t.http().patch(`/api/statements/${created.id}`).send({ speakerId: kono, version: 1 }).expect(400);
    expect(res.body.errors.participantIds).toMatch(/must not include the speaker/);
  });

  it('a change may make a former participant the speaker when it drops the participants', async () => {
    const created = (
      await t
        .http()
        .post('/api/statements')
        .send({ ...valid(), participantIds: [kono] })
        .expect(201)
    ).body;
    const res = await t
      .http()
      .put(`/api/statements/${created.id}`)
      .send({ ...valid(), speakerId: kono, participantIds: [], version: 1 })
      .expect(200);
    expect(res.body).toMatchObject({ speakerId: kono, participantIds: [] });
  });

  it('updating or deleting a missing statement is a 404', async () => {
    await t
      .http()
      .put('/api/statements/999999')
      .send({ ...valid(), version: 1 })
      .expect(404);
    await t.http().patch('/api/statements/999999').send({ headline: 'x', version: 1 }).expect(404);
    await t.http().delete('/api/statements/999999').expect(404);
  });
});
