import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let lavrov: number;
let kono: number;
let rejecting: { id: number; name: string; color: string; score: number };
let sovereignty: number;
const all: number[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const make = factories(t);
  lavrov = (await make.actor({ name: 'Sergey Lavrov', nativeName: 'Сергей Лавров' })).id;
  kono = (await make.actor({ name: 'Taro Kono', nativeName: '河野太郎' })).id;
  rejecting = await make.stance({ name: 'Rejecting', score: -2, color: '#c62828' });
  sovereignty = (await make.topic({ name: 'Sovereignty' })).id;
  // 23 entries over 2018–2019, several sharing a day, inserted out of order.
  const dates = ['2019-01-14', '2018-23', '2019-06', '2019-01-14', '2019-01-09', '2019', '2018-11', '2019-01-14'];
  for (let i = 0; i < 23; i++) {
    const row = await make.statement({
      speakerId: i % 3 === 0 ? kono : lavrov,
      participantIds: i % 3 === 0 ? [lavrov] : [],
      date: dates[i % dates.length],
      headline: `Entry ${i}`,
      stanceId: i % 2 ? rejecting.id : null,
      topicIds: i % 2 ? [sovereignty] : [],
      status: dates[i % dates.length] === '2019-06' ? 'planned' : 'occurred',
    });
    all.push(row.id);
  }
});
afterAll(() => t.close());

type Entry = { id: number; dateStart: string };
const walk = async (query: string) => {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = `/api/timeline?${query}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await t.http().get(url).expect(200);
    entries.push(...res.body.entries);
    cursor = res.body.nextCursor;
    pages++;
  } while (cursor);
  return { entries, pages };
};

describe('timeline', () => {
  it('walks every entry once, chronologically, page by page with the cursor', async () => {
    const { entries, pages } = await walk('order=asc');
    expect(pages).toBe(5);
    expect(entries.map((e) => e.id).sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));
    const keys = entries.map((e) => [e.dateStart, e.id] as const);
    const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
    expect(keys).toEqual(sorted);
  });

  it('walks backwards with order=desc', async () => {
    const forward = (await walk('order=asc')).entries.map((e) => e.id);
    const backward = (await walk('order=desc')).entries.map((e) => e.id);
    expect(backward).toEqual([...forward].reverse());
  });

  it('denormalises speaker, stance, topics and participants, and reports the total', async () => {
    const res = await t.http().get(`/api/timeline?speakerId=${kono}&stanceId=${rejecting.id}`).expect(200);
    expect(res.body.total).toBe(res.body.entries.length);
    expect(res.body.nextCursor).toBeNull();
    const entry = res.body.entries[0];
    expect(entry).toMatchObject({
      speaker: { id: kono, name: 'Taro Kono', nativeName: '河野太郎' },
      stance: { id: rejecting.id, name: 'Rejecting', color: '#c62828', score: -2 },
      topics: [{ id: sovereignty, name: 'Sovereignty' }],
      participants: [{ id: lavrov, name: 'Sergey Lavrov' }],
      displayDate: expect.any(String),
    });
  });

  it('is written by PostgreSQL as the compact JSON JSON.stringify gives, keys in the documented order', async () => {
    for (const query of [
      'limit=4',
      `speakerId=${kono}&stanceId=${rejecting.id}`,
      `speakerId=${lavrov}&order=desc&limit=100`,
      'speakerId=999999',
    ]) {
      const res = await t.http().get(`/api/timeline?${query}`).expect(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.text).toBe(JSON.stringify(res.body));
    }
    const page = (await t.http().get(`/api/timeline?speakerId=${kono}&stanceId=${rejecting.id}&limit=1`).expect(200)).body;
    expect(Object.keys(page)).toEqual(['entries', 'nextCursor', 'total']);
    // The statement fields' order (statement.fields.ts), each by its timeline role.
    expect(Object.keys(page.entries[0])).toEqual([
      'id',
      'date',
      'dateStart',
      'dateEnd',
      'displayDate',
      'dateInferred',
      'type',
      'status',
      'speaker',
      'speakerTitle',
      'participants',
      'stance',
      'topics',
      'headline',
      'quote',
      'quoteKind',
      'quoteLanguage',
      'quoteOriginal',
      'quoteOriginalLanguage',
      'summary',
      'attribution',
      'interpretation',
      'interpretationSource',
      'venue',
      'location',
      'sources',
      'respondsToId',
      'reviewStatus',
      'respondsTo',
      'replyCount',
    ]);
    expect(Object.keys(page.entries[0].speaker)).toEqual(['id', 'name', 'nativeName']);
    expect(Object.keys(page.entries[0].stance)).toEqual(['id', 'name', 'score', 'color']);
    const none = (await t.http().get(`/api/timeline?speakerId=${lavrov}&stanceId=999999`).expect(200)).body;
    expect(none).toEqual({ entries: [], nextCursor: null, total: 0 });
  });

  it('applies the statement filters: speakers, dates, status, text', async () => {
    const planned = await t.http().get('/api/timeline?status=planned').expect(200);
    expect(
      planned.body.entries.every((e: { displayDate: string; status: string }) => e.status === 'planned' && e.displayDate === 'June 2019'),
    ).toBe(true);
    const both = await t
      .http()
      .get(`/api/timeline?speakerId=${kono}&speakerId=${lavrov}&date_gte=2019-01-14&date_lte=2019-01-14`)
      .expect(200);
    // Jan. 14 entries and the whole-year 2019 entries overlap that day.
    expect(new Set(both.body.entries.map((e: { date: string }) => e.date))).toEqual(new Set(['2019-01-14', '2019']));
    const noStance = (await t.http().get(`/api/timeline?q=Entry&speakerId=${lavrov}&limit=500`).expect(200)).body.entries.find(
      (e: { stance: unknown }) => e.stance === null,
    );
    expect(noStance).toBeDefined();
  });

  it('names the statement an entry replies to, and counts the live replies to each entry', async () => {
    const make = factories(t);
    const asked = await make.statement({ speakerId: kono, date: '2019-03-01', headline: 'Kono asks about the islands' });
    const answer = await make.statement({ speakerId: lavrov, date: '2019-03-02', headline: 'Lavrov answers', respondsToId: asked.id });
    const trashed = await make.statement({
      speakerId: lavrov,
      date: '2019-03-03',
      headline: 'A reply later trashed',
      respondsToId: asked.id,
    });
    await t.as('editor').delete(`/api/statements/${trashed.id}`).expect(200);
    const entries = (await t.http().get(`/api/timeline?id=${asked.id}&id=${answer.id}`).expect(200)).body.entries;
    const byId = new Map(entries.map((e: { id: number }) => [e.id, e]));
    expect(byId.get(asked.id)).toMatchObject({ respondsTo: null, replyCount: 1 });
    expect(byId.get(answer.id)).toMatchObject({
      respondsToId: asked.id,
      respondsTo: {
        id: asked.id,
        displayDate: 'March 1, 2019',
        headline: 'Kono asks about the islands',
        speaker: { id: kono, name: 'Taro Kono' },
      },
      replyCount: 0,
    });
    // The statement replied to in the trash: the id stays, the card has nothing to link to.
    await t.as('editor').delete(`/api/statements/${asked.id}`).expect(200);
    const [orphan] = (await t.http().get(`/api/timeline?id=${answer.id}`).expect(200)).body.entries;
    expect(orphan).toMatchObject({ respondsToId: asked.id, respondsTo: null });
  });

  it.each([
    ['cursor=nonsense', 'cursor'],
    [`cursor=${Buffer.from('["2019-01-01",1,"desc"]').toString('base64url')}`, 'cursor'],
    [`cursor=${Buffer.from('["2019-01-01; DROP",1,"asc"]').toString('base64url')}`, 'cursor'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=ten', 'limit'],
    ['order=sideways', 'order'],
    ['_start=0', '_start'],
    ['speaker=3', 'speaker'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const res = await t.http().get(`/api/timeline?${query}`).expect(400);
    expect(res.body.errors[field]).toBeDefined();
  });
});
