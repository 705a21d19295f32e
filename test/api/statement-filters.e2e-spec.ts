import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/** Every statement filter of DESIGN.md, each against rows that should and should not match. */
let t: TestApp;
const s: Record<string, number> = {};
const a: Record<string, number> = {};
let rejecting: number;
let friendly: number;
let sovereignty: number;
let residents: number;
let mainichi: number;
let tass: number;

const idsOf = async (query: string) => {
  const res = await t.http().get(`/api/statements?${query}&_sort=id&_order=ASC`).expect(200);
  expect(Number(res.headers['x-total-count'])).toBe(res.body.length);
  return res.body.map((row: { id: number }) => row.id);
};

beforeAll(async () => {
  t = await createTestApp();
  const make = factories(t);
  a.lavrov = (await make.actor({ name: 'Sergey Lavrov', nativeName: 'Сергей Лавров', aliases: ['Sergei Lavrov'] })).id;
  a.kono = (await make.actor({ name: 'Taro Kono', nativeName: '河野太郎' })).id;
  a.abe = (await make.actor({ name: 'Shinzo Abe', nativeName: '安倍晋三' })).id;
  a.putin = (await make.actor({ name: 'Vladimir Putin' })).id;
  rejecting = (await make.stance({ name: 'Rejecting', score: -2 })).id;
  friendly = (await make.stance({ name: 'Friendly', score: 2 })).id;
  sovereignty = (await make.topic({ name: 'Sovereignty' })).id;
  residents = (await make.topic({ name: 'Residents' })).id;
  mainichi = (await make.source({ title: 'Mainichi' })).id;
  tass = (await make.source({ title: 'TASS' })).id;

  s.abeRemark = (
    await make.statement({
      speakerId: a.abe,
      date: '2019-01-01',
      headline: 'Abe on the change of attribution',
      quote: 'convincing and acceptable to Russians',
      stanceId: friendly,
      topicIds: [residents],
      sourceIds: [mainichi],
      reviewStatus: 'verified',
    })
  ).id;
  s.warning = (
    await make.statement({
      speakerId: a.lavrov,
      date: '2019-01-09',
      headline: 'Warning to the ambassador',
      stanceId: rejecting,
      topicIds: [sovereignty, residents],
      sourceIds: [mainichi, tass],
      respondsToId: s.abeRemark,
    })
  ).id;
  s.talks = (
    await make.statement({
      type: 'meeting',
      speakerId: a.kono,
      participantIds: [a.lavrov],
      date: '2019-01-14',
      headline: 'Talks in Moscow',
      summary: '河野外相はモスクワでラブロフ外相と会談した',
      topicIds: [sovereignty],
      reviewStatus: 'verified',
    })
  ).id;
  s.territories = (
    await make.statement({
      speakerId: a.lavrov,
      date: '2019-01-14',
      headline: 'These are Russian territories',
      quote: 'These are Russian territories',
      stanceId: rejecting,
      topicIds: [sovereignty],
      sourceIds: [tass],
    })
  ).id;
  s.summit = (
    await make.statement({
      type: 'meeting',
      status: 'planned',
      speakerId: a.abe,
      participantIds: [a.putin],
      date: '2019-06',
      headline: 'Summit planned in Japan',
    })
  ).id;
  s.autumn = (await make.statement({ speakerId: a.putin, date: '2018-23', headline: 'Security concerns raised', type: 'event' })).id;
  s.decl = (await make.statement({ type: 'document', speakerId: a.abe, date: '1956', headline: '1956 Joint Declaration' })).id;
  s.cancelled = (await make.statement({ speakerId: a.kono, date: '2019-02/2019-03', headline: 'Visit', status: 'cancelled' })).id;
});
afterAll(() => t.close());

describe('statement filters', () => {
  it('speakerId, and repeated speakerId as "any of"', async () => {
    expect(await idsOf(`speakerId=${a.lavrov}`)).toEqual([s.warning, s.territories]);
    expect(await idsOf(`speakerId=${a.lavrov}&speakerId=${a.putin}`)).toEqual([s.warning, s.territories, s.autumn]);
  });

  it('actorId matches the speaker or a participant', async () => {
    expect(await idsOf(`actorId=${a.lavrov}`)).toEqual([s.warning, s.talks, s.territories]);
    expect(await idsOf(`actorId=${a.putin}`)).toEqual([s.summit, s.autumn]);
  });

  it('stanceId, topicId, sourceId (each repeatable)', async () => {
    expect(await idsOf(`stanceId=${rejecting}`)).toEqual([s.warning, s.territories]);
    expect(await idsOf(`stanceId=${rejecting}&stanceId=${friendly}`)).toEqual([s.abeRemark, s.warning, s.territories]);
    expect(await idsOf(`topicId=${residents}`)).toEqual([s.abeRemark, s.warning]);
    expect(await idsOf(`topicId=${residents}&topicId=${sovereignty}`)).toEqual([s.abeRemark, s.warning, s.talks, s.territories]);
    expect(await idsOf(`sourceId=${tass}`)).toEqual([s.warning, s.territories]);
  });

  it('type, status, reviewStatus, respondsToId, id', async () => {
    expect(await idsOf('type=meeting')).toEqual([s.talks, s.summit]);
    expect(await idsOf('type=document&type=event')).toEqual([s.autumn, s.decl]);
    expect(await idsOf('status=planned')).toEqual([s.summit]);
    expect(await idsOf('status=cancelled')).toEqual([s.cancelled]);
    expect(await idsOf('reviewStatus=verified')).toEqual([s.abeRemark, s.talks]);
    expect(await idsOf(`respondsToId=${s.abeRemark}`)).toEqual([s.warning]);
    expect(await idsOf(`id=${s.talks}&id=${s.decl}`)).toEqual([s.talks, s.decl]);
  });

  it('combines different filters with AND', async () => {
    expect(await idsOf(`speakerId=${a.lavrov}&topicId=${residents}`)).toEqual([s.warning]);
    expect(await idsOf(`actorId=${a.lavrov}&type=meeting`)).toEqual([s.talks]);
  });

  it('date_gte / date_lte match by overlap of the entry’s date range', async () => {
    // The June 2019 summit (June 1–30) overlaps a range ending June 15.
    expect(await idsOf('date_gte=2019-06-10&date_lte=2019-06-15')).toEqual([s.summit]);
    // autumn 2018 = Sept–Nov 2018: inside 2018-10, not after 2018-12.
    expect(await idsOf('date_gte=2018-10-01&date_lte=2018-10-31')).toEqual([s.autumn]);
    expect(await idsOf('date_gte=2018-12-01&date_lte=2018-12-31')).toEqual([]);
    // February–March 2019 interval is found by a day in March.
    expect(await idsOf('date_gte=2019-03-15&date_lte=2019-03-15')).toEqual([s.cancelled]);
    // Partial dates widen to their side: all of January 2019.
    expect(await idsOf('date_gte=2019-01&date_lte=2019-01')).toEqual([s.abeRemark, s.warning, s.talks, s.territories]);
    expect(await idsOf('date_lte=1999')).toEqual([s.decl]);
    expect(await idsOf('date_gte=2019-02')).toEqual([s.summit, s.cancelled]);
  });

  it('q: word prefixes over headline, quote, summary and the speaker’s names', async () => {
    expect(await idsOf('q=Lavr')).toEqual([s.warning, s.territories]);
    expect(await idsOf('q=sergei')).toEqual([s.warning, s.territories]);
    expect(await idsOf('q=лавр')).toEqual([s.warning, s.territories]);
    expect(await idsOf('q=territories')).toEqual([s.territories]);
    expect(await idsOf('q=convincing')).toEqual([s.abeRemark]);
    expect(await idsOf('q=Russian%20territories')).toEqual([s.territories]);
    expect(await idsOf('q=TERRITOR')).toEqual([s.territories]);
    // Every word must match.
    expect(await idsOf('q=Lavrov%20summit')).toEqual([]);
    // Not a substring inside a Latin word.
    expect(await idsOf('q=avrov')).toEqual([]);
  });

  it('q: substrings in Japanese text and names', async () => {
    expect(await idsOf(`q=${encodeURIComponent('河野')}`)).toEqual([s.talks, s.cancelled]);
    expect(await idsOf(`q=${encodeURIComponent('モスクワ')}`)).toEqual([s.talks]);
    expect(await idsOf(`q=${encodeURIComponent('安倍')}`)).toEqual([s.abeRemark, s.summit, s.decl]);
  });

  it('q: operators and punctuation are plain text, never query syntax', async () => {
    expect(await idsOf(`q=${encodeURIComponent('Lavrov & | ! ( :*')}`)).toEqual([s.warning, s.territories]);
    expect(await idsOf(`q=${encodeURIComponent("'Lavrov':*")}`)).toEqual([s.warning, s.territories]);
    // LIKE wildcards are not wildcards: "19_6" is the words "19" and "6".
    expect(await idsOf('q=1956')).toEqual([s.decl]);
    expect(await idsOf('q=19_6')).toEqual([]);
    await t.http().get('/api/statements?q=%25').expect(400);
  });

  it('q follows an actor renamed after the fact', async () => {
    await t
      .http()
      .patch(`/api/actors/${a.putin}`)
      .send({ aliases: ['Путин'], version: 1 })
      .expect(200);
    // Only the speaker's names are searched: Putin speaks in one entry, is a participant in another.
    expect(await idsOf(`q=${encodeURIComponent('Путин')}`)).toEqual([s.autumn]);
  });
});
