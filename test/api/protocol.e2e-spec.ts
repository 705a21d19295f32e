import { factories } from '../support/factories';
import { createTestApp, TEST_ALLOWED_ORIGIN, TestApp } from '../support/test-app';

/** The ra-data-json-server protocol that every collection speaks. */
let t: TestApp;
let ids: number[];
beforeAll(async () => {
  t = await createTestApp();
  const make = factories(t);
  const speaker = await make.actor({ name: 'Protocol Speaker' });
  ids = [];
  // Two entries on each of five days, so that sorting by date has ties to break.
  for (let day = 1; day <= 5; day++) {
    for (let k = 0; k < 2; k++) {
      ids.push((await make.statement({ speakerId: speaker.id, date: `2019-03-0${6 - day}`, headline: `Entry ${day}-${k}` })).id);
    }
  }
});
afterAll(() => t.close());

describe('list protocol', () => {
  it('returns a JSON array with the total in X-Total-Count, exposed to CORS', async () => {
    const res = await t.http().get('/api/statements?_start=0&_end=3').set('Origin', TEST_ALLOWED_ORIGIN).expect(200);
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.body).toHaveLength(3);
    expect(res.headers['x-total-count']).toBe('10');
    expect(res.headers['access-control-expose-headers']).toMatch(/X-Total-Count/);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });

  it('answers other origins without CORS headers, so their pages cannot read or write', async () => {
    const read = await t.http().get('/api/statements?_end=1').set('Origin', 'http://evil.example.com').expect(200);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t
      .http()
      .options('/api/statements')
      .set('Origin', 'http://evil.example.com')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await t
      .http()
      .options('/api/statements')
      .set('Origin', TEST_ALLOWED_ORIGIN)
      .set('Access-Control-Request-Method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe(TEST_ALLOWED_ORIGIN);
  });

  it('pages with _start inclusive and _end exclusive, without overlap or gaps', async () => {
    const seen: number[] = [];
    for (let start = 0; start < 10; start += 3) {
      const res = await t
        .http()
        .get(`/api/statements?_sort=date&_order=ASC&_start=${start}&_end=${start + 3}`)
        .expect(200);
      seen.push(...res.body.map((s: { id: number }) => s.id));
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen)).toEqual(new Set(ids));
  });

  it('sorts by date (dateStart) then id, in both directions, stably', async () => {
    const asc = (await t.http().get('/api/statements?_sort=date&_order=ASC&_end=10').expect(200)).body;
    const key = (s: { dateStart: string; id: number }) => `${s.dateStart}#${String(s.id).padStart(6, '0')}`;
    expect(asc.map(key)).toEqual([...asc.map(key)].sort());
    const desc = (await t.http().get('/api/statements?_sort=date&_order=DESC&_end=10').expect(200)).body;
    expect(desc.map((s: { id: number }) => s.id)).toEqual([...asc].reverse().map((s: { id: number }) => s.id));
    // The same request twice gives the same order.
    const again = (await t.http().get('/api/statements?_sort=date&_order=ASC&_end=10').expect(200)).body;
    expect(again.map((s: { id: number }) => s.id)).toEqual(asc.map((s: { id: number }) => s.id));
  });

  it('sorts by every allowed field without error', async () => {
    for (const field of [
      'id',
      'date',
      'dateStart',
      'dateEnd',
      'displayDate',
      'headline',
      'type',
      'status',
      'reviewStatus',
      'speakerName',
      'stanceScore',
      'createdAt',
      'updatedAt',
    ]) {
      await t.http().get(`/api/statements?_sort=${field}&_order=DESC`).expect(200);
    }
  });

  it('answers getMany (id=…&id=…) with exactly those records, in the order asked, and a single id too', async () => {
    const idsOf = (body: { id: number }[]) => body.map((s) => s.id);
    for (const asked of [
      [ids[3], ids[0], ids[2]],
      [ids[0], ids[3]],
    ]) {
      const res = await t
        .http()
        .get(`/api/statements?${asked.map((id) => `id=${id}`).join('&')}`)
        .expect(200);
      expect(idsOf(res.body)).toEqual(asked);
      // The export of the same ids holds them in the same order.
      const exported = await t
        .http()
        .get(`/api/statements/export?format=json&columns=id&${asked.map((id) => `id=${id}`).join('&')}`)
        .expect(200);
      expect(idsOf(JSON.parse(exported.text))).toEqual(asked);
    }
    // With _sort, the sort asked for wins.
    const sorted = await t.http().get(`/api/statements?id=${ids[3]}&id=${ids[0]}&_sort=id`).expect(200);
    expect(idsOf(sorted.body)).toEqual([ids[0], ids[3]].sort((a, b) => a - b));
    const one = await t.http().get(`/api/statements?id=${ids[2]}`).expect(200);
    expect(idsOf(one.body)).toEqual([ids[2]]);
  });

  it('returns relations as id arrays and the derived date fields', async () => {
    const [row] = (await t.http().get(`/api/statements?id=${ids[0]}`).expect(200)).body;
    expect(row).toMatchObject({
      participantIds: [],
      topicIds: [],
      sourceIds: [],
      stanceId: null,
      respondsToId: null,
      date: '2019-03-05',
      dateStart: '2019-03-05',
      dateEnd: '2019-03-05',
      displayDate: 'March 5, 2019',
    });
    expect(Object.keys(row).slice(0, 5)).toEqual(['id', 'key', 'date', 'dateStart', 'dateEnd']);
  });

  it.each(['statements', 'actors', 'sources', 'topics', 'stances'])(
    '%s: refuses an unknown filter listing the allowed ones',
    async (collection) => {
      const res = await t.http().get(`/api/${collection}?nonsense=1`).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.errors.nonsense).toMatch(new RegExp(`is not a filter of ${collection}; allowed: id, .*_sort, _order`));
    },
  );

  it.each(['statements', 'actors', 'sources', 'topics', 'stances'])('%s: refuses an unknown sort field', async (collection) => {
    const res = await t.http().get(`/api/${collection}?_sort=password`).expect(400);
    expect(res.body.errors._sort).toMatch(/cannot sort .* by "password"; allowed: /);
  });

  it('never passes a sort expression to SQL', async () => {
    const res = await t.http().get('/api/statements').query({ _sort: 'id; DROP TABLE statements' }).expect(400);
    expect(res.body.errors._sort).toBeDefined();
    await t.http().get('/api/statements').expect(200);
  });

  it.each([
    ['_start=-1', '_start'],
    ['_end=abc', '_end'],
    ['_start=5&_end=2', '_end'],
    ['_start=0&_end=5000', '_end'],
    ['_order=UP', '_order'],
    ['id=abc', 'id'],
    ['speakerId=0', 'speakerId'],
    ['type=speech', 'type'],
    ['date_gte=2019-13-01', 'date_gte'],
    ['q=', 'q'],
    ['q=%21%21%21', 'q'],
    ['speakerId[gt]=1', 'speakerId[gt]'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const res = await t.http().get(`/api/statements?${query}`).expect(400);
    expect(res.body.errors[field]).toBeDefined();
    expect(res.body.message).toContain(field);
  });

  it('answers 404 in the same error shape for a missing record and a malformed id', async () => {
    const missing = await t.http().get('/api/statements/999999').expect(404);
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Statement 999999 does not exist' });
    const malformed = await t.http().get('/api/statements/abc').expect(400);
    expect(malformed.body.errors.id).toMatch(/not an id/);
  });

  it('answers an unknown route with a 404 in the error shape', async () => {
    const res = await t.http().get('/api/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});
