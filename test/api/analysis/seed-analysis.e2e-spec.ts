import { createTestApp, TestApp } from '../../support/test-app';

/**
 * The questions the analysis is for, asked of the seed case (fixtures/japan-russia-2019.json):
 * how did Lavrov's (and Russia's) stance move in January 2019, and who takes opposite stances
 * on sovereignty? The answers follow from the seed's stances, worked out in the comments.
 */
let t: TestApp;
const idOf: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  for (const resource of ['actors', 'topics', 'stances']) {
    for (const record of (await t.http().get(`/api/${resource}?_end=1000`).expect(200)).body) idOf[record.name] = record.id;
  }
});
afterAll(() => t.close());

interface Group {
  name: string;
  key: string;
  points: {
    interval: string;
    statements: number;
    meanScore: number | null;
    stances: { stanceId: number; count: number }[];
    shift: unknown;
  }[];
  imprecise: { count: number };
}
const read = async (query: string) => (await t.http().get(`/api/analysis/stance-over-time?${query}`).expect(200)).body;

it("gives Lavrov's January 2019: four statements, three rejecting and one critical", async () => {
  const body = await read(`speakerId=${idOf['Sergey Lavrov']}&interval=month`);
  const [lavrov] = body.groups as Group[];
  expect(body.intervals.map((i: { key: string }) => i.key)).toEqual(['2019-01']);
  // "2019-01" (month only) and three of 2019-01-14: −2, −2, −2, −1.
  expect(lavrov.points[0]).toMatchObject({ statements: 4, meanScore: -1.75 });
  expect(lavrov.points[0].stances).toEqual([
    { stanceId: idOf.Rejecting, count: 3 },
    { stanceId: idOf.Critical, count: 1 },
  ]);
});

it("shows Russia's side moving from conciliatory in November 2018 to rejecting in January 2019", async () => {
  const body = await read('interval=month&groupBy=country');
  const russia = (body.groups as Group[]).find((g) => g.key === 'RU')!;
  const months = Object.fromEntries(russia.points.map((p) => [p.interval, p]));
  // November: Putin at Singapore, +1. January: Lavrov's four and the deputy minister's −2: mean −1.8.
  expect(months['2018-11'].meanScore).toBe(1);
  expect(months['2019-01'].meanScore).toBe(-1.8);
  expect(months['2019-01'].shift).toMatchObject({ previous: '2018-11', delta: expect.closeTo(-2.8, 12) });
  // "By January 2019" (open start) cannot go in any month: reported apart, not plotted.
  expect(russia.imprecise.count).toBeGreaterThan(0);
});

it('names who takes opposite stances on sovereignty: Abe against Lavrov, the deputy minister and Russia', async () => {
  const body = (await t.http().get(`/api/analysis/network?kind=actor-conflict&topicId=${idOf.Sovereignty}`).expect(200)).body;
  const names = Object.fromEntries(body.nodes.map((n: { id: string; name: string }) => [n.id, n.name]));
  const pairs = body.links.map(
    (l: { source: string; target: string; weight: number }) => `${[names[l.source], names[l.target]].sort().join(' – ')} ${l.weight}`,
  );
  expect(pairs.sort()).toEqual([
    'Deputy Foreign Minister of Russia – Shinzo Abe 1',
    'Russia – Shinzo Abe 1',
    'Sergey Lavrov – Shinzo Abe 1',
  ]);
});
