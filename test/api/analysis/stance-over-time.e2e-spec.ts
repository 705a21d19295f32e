import { createTestApp, TestApp } from '../../support/test-app';
import { buildSmallWorld, SmallWorld } from './small-world';

/** Stance over time on the small world (small-world.ts), every figure worked out by hand. */
let t: TestApp;
let w: SmallWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildSmallWorld(t);
});
afterAll(() => t.close());

const read = async (query: string) => (await t.http().get(`/api/analysis/stance-over-time?${query}`).expect(200)).body;
const empty = (interval: string) => ({
  interval,
  statements: 0,
  withStance: 0,
  meanScore: null,
  medianScore: null,
  stances: [],
  shift: null,
});

describe('stance over time by month and speaker', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON answer, checked field by field below
  let body: any;
  const group = (name: string) => body.groups.find((g: { name: string }) => g.name === name);
  beforeAll(async () => (body = await read('interval=month&groupBy=speaker')));

  it('lays every month from the first to the last placed statement, empty ones included', () => {
    expect(body.interval).toBe('month');
    expect(body.intervals).toEqual([
      { key: '2018-11', start: '2018-11-01', end: '2018-11-30' },
      { key: '2018-12', start: '2018-12-01', end: '2018-12-31' },
      { key: '2019-01', start: '2019-01-01', end: '2019-01-31' },
      { key: '2019-02', start: '2019-02-01', end: '2019-02-28' },
      { key: '2019-03', start: '2019-03-01', end: '2019-03-31' },
    ]);
    expect(body.stances.map((s: { score: number }) => s.score)).toEqual([-2, -1, 0, 1, 2]);
    expect(body.totals).toEqual({ statements: 15, placed: 13, imprecise: 2, withoutStance: 1 });
    expect(body.groups.map((g: { name: string }) => g.name)).toEqual(['Sergey Lavrov', 'Shinzo Abe', 'Taro Kono']);
  });

  it("gives Lavrov's months: counts, mean, median, stances, and the shift into January", () => {
    const { ids, stance, actors } = w;
    const lavrov = group('Sergey Lavrov');
    expect(lavrov).toMatchObject({ key: String(actors.lavrov), speakerId: actors.lavrov, country: 'RU', nativeName: 'Сергей Лавров' });
    expect(lavrov.statements).toBe(7);
    expect(lavrov.placed).toBe(6);
    expect(lavrov.withoutStance).toBe(1);
    // The year-only L5 is not forced into a month.
    expect(lavrov.imprecise).toEqual({ count: 1, ids: [ids.L5], complete: true });
    expect(lavrov.points).toEqual([
      {
        interval: '2018-11',
        statements: 1,
        withStance: 1,
        meanScore: 1,
        medianScore: 1,
        stances: [{ stanceId: stance[1], count: 1 }],
        shift: null,
      },
      empty('2018-12'),
      {
        interval: '2019-01',
        // L2, L3, L4 (month only, so placed) and L7: −2, −1, −2, −2.
        statements: 4,
        withStance: 4,
        meanScore: -1.75,
        medianScore: -2,
        stances: [
          { stanceId: stance[-2], count: 3 },
          { stanceId: stance[-1], count: 1 },
        ],
        // From +1 in November, December being empty: −2.75.
        shift: { previous: '2018-11', delta: -2.75, before: [ids.L1], after: [ids.L2, ids.L3, ids.L4, ids.L7] },
      },
      // L6 has no stance: counted, but no mean.
      { interval: '2019-02', statements: 1, withStance: 0, meanScore: null, medianScore: null, stances: [], shift: null },
      empty('2019-03'),
    ]);
  });

  it("marks Kono's move of +1.5 and Abe's of exactly −1, each from the previous month with a mean", () => {
    const { ids } = w;
    const kono = group('Taro Kono');
    expect(kono.points.map((p: { meanScore: number | null }) => p.meanScore)).toEqual([null, null, -0.5, 1, null]);
    expect(kono.points[2].medianScore).toBe(-0.5);
    expect(kono.points[3].shift).toEqual({ previous: '2019-01', delta: 1.5, before: [ids.K1, ids.K2], after: [ids.K4] });
    expect(kono.imprecise).toEqual({ count: 1, ids: [ids.K3], complete: true });

    const abe = group('Shinzo Abe');
    expect(abe.points.map((p: { meanScore: number | null }) => p.meanScore)).toEqual([null, null, 1.5, null, 0.5]);
    // February is empty: the step is from January, and a move of exactly one point counts.
    expect(abe.points[4].shift).toEqual({ previous: '2019-01', delta: -1, before: [ids.A1, ids.A2], after: [ids.A3, ids.A4] });
    expect(abe.points.filter((p: { shift: unknown }) => p.shift)).toHaveLength(1);
    expect(abe.imprecise.count).toBe(0);
  });
});

describe('other intervals and groupings', () => {
  it('places the year-only and the spring statements by year', async () => {
    const body = await read('interval=year');
    expect(body.intervals.map((i: { key: string }) => i.key)).toEqual(['2018', '2019']);
    expect(body.totals).toEqual({ statements: 15, placed: 15, imprecise: 0, withoutStance: 1 });
    const lavrov = body.groups.find((g: { speakerId: number }) => g.speakerId === w.actors.lavrov);
    // 2019: L2 −2, L3 −1, L4 −2, L5 −1, L7 −2 (L6 without stance).
    expect(lavrov.points[1]).toMatchObject({ statements: 6, withStance: 5, meanScore: -1.6, medianScore: -2 });
    expect(lavrov.points[1].shift).toMatchObject({ previous: '2018', before: [w.ids.L1] });
    expect(lavrov.points[1].shift.delta).toBeCloseTo(-2.6, 12);
  });

  it('leaves spring (March–May) out of the quarters, as it spans two', async () => {
    const body = await read('interval=quarter');
    expect(body.intervals.map((i: { key: string }) => i.key)).toEqual(['2018-Q4', '2019-Q1']);
    const kono = body.groups.find((g: { speakerId: number }) => g.speakerId === w.actors.kono);
    expect(kono.imprecise.ids).toEqual([w.ids.K3]);
    // Q1: K1 −1, K2 0, K4 +1.
    expect(kono.points[1]).toMatchObject({ statements: 3, withStance: 3, meanScore: 0, medianScore: 0 });
  });

  it("groups by the speaker's country, and all together", async () => {
    const byCountry = await read('interval=month&groupBy=country');
    expect(
      byCountry.groups.map((g: { key: string; name: string; country: string | null; speakerId: number | null }) => [
        g.key,
        g.name,
        g.country,
        g.speakerId,
      ]),
    ).toEqual([
      ['JP', 'JP', 'JP', null],
      ['RU', 'RU', 'RU', null],
    ]);
    const japan = byCountry.groups[0];
    // January: K1 −1, K2 0, A1 +1, A2 +2 → mean 0.5, median 0.5.
    expect(japan.points[2]).toMatchObject({ statements: 4, withStance: 4, meanScore: 0.5, medianScore: 0.5 });
    const all = await read('groupBy=none');
    expect(all.groups).toHaveLength(1);
    expect(all.groups[0]).toMatchObject({ key: 'all', name: 'All speakers', statements: 15, placed: 13, withoutStance: 1 });
    expect(all.groups[0].imprecise.ids).toEqual([w.ids.L5, w.ids.K3]);
  });

  it('takes the filters of the statement list', async () => {
    const body = await read(`speakerId=${w.actors.kono}&topicId=${w.topics.peace}&date_gte=2019-01-01&date_lte=2019-02-28`);
    expect(body.groups.map((g: { name: string }) => g.name)).toEqual(['Taro Kono']);
    // K2 and K4, and spring (overlapping nothing in Jan–Feb) is not there at all.
    expect(body.totals).toEqual({ statements: 2, placed: 2, imprecise: 0, withoutStance: 0 });
    expect(body.intervals.map((i: { key: string }) => i.key)).toEqual(['2019-01', '2019-02']);
  });

  it('answers an empty series when nothing matches', async () => {
    const body = await read('q=nothingmatchesthis');
    expect(body).toMatchObject({ intervals: [], groups: [], totals: { statements: 0, placed: 0, imprecise: 0, withoutStance: 0 } });
  });

  it('opens the statements behind a point with the list filters date_mode=within', async () => {
    const list = await t
      .http()
      .get(`/api/statements?speakerId=${w.actors.lavrov}&date_gte=2019-01-01&date_lte=2019-01-31&date_mode=within&_sort=id`)
      .expect(200);
    const { ids } = w;
    expect(list.body.map((s: { id: number }) => s.id)).toEqual([ids.L2, ids.L3, ids.L4, ids.L7]);
  });
});

describe('bad input', () => {
  it.each([
    ['interval=week', 'interval', 'must be one of: month, quarter, year'],
    ['groupBy=topic', 'groupBy', 'must be one of: speaker, country, none'],
    ['interval=month&interval=year', 'interval', 'must be given once; one of: month, quarter, year'],
    ['colour=red', 'colour', 'is not a filter of statements'],
    ['speakerId=abc', 'speakerId', 'is not an id'],
  ])('%s → 400 naming %s', async (query, field, reason) => {
    const res = await t.http().get(`/api/analysis/stance-over-time?${query}`).expect(400);
    expect(res.body.errors[field]).toContain(reason);
  });
});
