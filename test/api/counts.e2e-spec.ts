import { pgPool } from '../../server/src/database/pg-pool';
import { generateData } from '../../server/src/generator/generate-data';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * X-Total-Count at a cost that does not grow with the table: exact up to EXACT_COUNT_LIMIT
 * matching rows, PostgreSQL's estimate above it (flagged), and no count at all when the page
 * itself proves the total. The limit is lowered here so that 2,000 statements exceed it.
 */

const STATEMENTS = 2_000;
let t: TestApp;
const previous = process.env.EXACT_COUNT_LIMIT;

beforeAll(async () => {
  process.env.EXACT_COUNT_LIMIT = '100';
  t = await createTestApp();
  await generateData(pgPool(t.dataSource), { statements: STATEMENTS, seed: 11 });
}, 60_000);
afterAll(async () => {
  process.env.EXACT_COUNT_LIMIT = previous;
  await t.close();
});

const total = (res: { headers: Record<string, string> }) => Number(res.headers['x-total-count']);

it('estimates a large total, says so, and stays close to the truth', async () => {
  const res = await t.http().get('/api/statements?_start=0&_end=25').expect(200);
  expect(res.body).toHaveLength(25);
  expect(res.headers['x-total-count-estimated']).toBe('true');
  expect(total(res)).toBeGreaterThan(STATEMENTS * 0.8);
  expect(total(res)).toBeLessThan(STATEMENTS * 1.2);
  const timeline = (await t.http().get('/api/timeline?limit=10').expect(200)).body;
  expect(timeline).toMatchObject({ totalEstimated: true });
  expect(timeline.total).toBeGreaterThan(STATEMENTS * 0.8);
});

it('counts exactly below the limit, without the flag', async () => {
  const [{ speaker, n }] = await t.dataSource.query(
    `SELECT speaker_id AS speaker, count(*)::int AS n FROM statements GROUP BY speaker_id HAVING count(*) BETWEEN 2 AND 99 ORDER BY count(*) DESC LIMIT 1`,
  );
  const res = await t.http().get(`/api/statements?speakerId=${speaker}&_start=0&_end=1`).expect(200);
  expect(total(res)).toBe(n);
  expect(res.headers['x-total-count-estimated']).toBeUndefined();
  const timeline = (await t.http().get(`/api/timeline?speakerId=${speaker}&limit=1`).expect(200)).body;
  expect(timeline.total).toBe(n);
  expect(timeline.totalEstimated).toBeUndefined();
});

it('takes the total from the page when the page proves it, and counts past the end', async () => {
  const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM statements WHERE deleted_at IS NULL`);
  const last = await t
    .http()
    .get(`/api/statements?_start=${n - 3}&_end=${n + 10}`)
    .expect(200);
  expect(last.body).toHaveLength(3);
  expect(total(last)).toBe(n);
  expect(last.headers['x-total-count-estimated']).toBeUndefined();
  const beyond = await t
    .http()
    .get(`/api/statements?_start=${n + 100}&_end=${n + 110}`)
    .expect(200);
  expect(beyond.body).toEqual([]);
  expect(beyond.headers['x-total-count-estimated']).toBe('true');
});

it('a deep page holds the same rows as walking there', async () => {
  const all = (await t.http().get('/api/statements?_start=0&_end=1000&_sort=speakerName').expect(200)).body.map(
    (s: { id: number }) => s.id,
  );
  const deep = (await t.http().get('/api/statements?_start=900&_end=925&_sort=speakerName').expect(200)).body.map(
    (s: { id: number }) => s.id,
  );
  expect(deep).toEqual(all.slice(900, 925));
});

it('counts when the statistics promised a first page that holds everything and it does not', async () => {
  const speaker = (await t.http().post('/api/actors').send({ name: 'Newly quoted' }).expect(201)).body.id;
  await t.dataSource.query('ANALYZE statements');
  for (let i = 0; i < 8; i++)
    await t
      .http()
      .post('/api/statements')
      .send({ date: `2019-01-${10 + i}`, headline: `New ${i}`, speakerId: speaker })
      .expect(201);
  // The statistics predate the eight statements: the planner expects about one.
  const [{ 'QUERY PLAN': plan }] = await t.dataSource.query(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM statements WHERE deleted_at IS NULL AND speaker_id = $1`,
    [speaker],
  );
  expect(plan[0].Plan['Plan Rows']).toBeLessThan(5);
  const timeline = (await t.http().get(`/api/timeline?speakerId=${speaker}&limit=5`).expect(200)).body;
  expect(timeline.entries).toHaveLength(5);
  expect(timeline.nextCursor).toEqual(expect.any(String));
  expect(timeline.total).toBe(8);
  expect(timeline.totalEstimated).toBeUndefined();
  const list = await t.http().get(`/api/statements?speakerId=${speaker}&_start=0&_end=5`).expect(200);
  expect(list.body).toHaveLength(5);
  expect(total(list)).toBe(8);
});
