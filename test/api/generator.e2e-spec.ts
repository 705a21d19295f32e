import { pgPool } from '../../server/src/database/pg-pool';
import { generateData } from '../../server/src/generator/generate-data';
import { createTestApp, TestApp } from '../support/test-app';

/** `npm run generate`: realistic data through COPY, all or nothing, the schema left as it was. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const schemaObjects = async () =>
  t.dataSource.query(
    `SELECT 'index ' || indexname || ': ' || indexdef AS object FROM pg_indexes WHERE schemaname = 'public'
     UNION ALL SELECT 'constraint ' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
     UNION ALL SELECT 'trigger ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
     ORDER BY 1`,
  );
const one = async (sql: string) => (await t.dataSource.query(sql))[0];

describe('the data generator', () => {
  jest.setTimeout(120_000);

  it('loads statements with every EDTF form, three scripts and valid links, and restores the schema exactly', async () => {
    const before = await schemaObjects();
    // Above the size at which foreign keys and indexes are dropped and restored around the load.
    const report = await generateData(pgPool(t.dataSource), { statements: 55_000, seed: 7 });
    expect(report).toMatchObject({ statements: 55_000, actors: 1000, sources: 5000, topics: 40, stances: 5 });
    expect(await schemaObjects()).toEqual(before);

    const forms = await t.dataSource.query(`
      SELECT CASE WHEN date LIKE '%/..' OR date LIKE '../%' OR date LIKE '%/' THEN 'open interval'
                  WHEN date LIKE '%/%' THEN 'interval' WHEN date ~ '[?~%]' THEN 'qualified' WHEN date LIKE '%X%' THEN 'unspecified'
                  WHEN date ~ '^\\d{4}-2[1-4]$' THEN 'season' WHEN date ~ '^\\d{4}-\\d\\d-\\d\\d$' THEN 'day'
                  WHEN date ~ '^\\d{4}-\\d\\d$' THEN 'month' ELSE 'year' END AS form, count(*)::int AS n
        FROM statements GROUP BY 1 ORDER BY 1`);
    expect(forms.map((f: { form: string }) => f.form)).toEqual([
      'day',
      'interval',
      'month',
      'open interval',
      'qualified',
      'season',
      'unspecified',
      'year',
    ]);

    expect(
      await one(`SELECT min(date_start) FILTER (WHERE date_start > '-infinity') AS first, max(date_start) AS last FROM statements`),
    ).toEqual({
      // The generator's years start in 1995; a qualified 1995 (1995~, 1995%) allows 1994 too.
      first: '1994-01-01',
      last: expect.stringMatching(/^202[4-9]/),
    });
    // The bulk load writes search_text itself: it must equal what the trigger would write.
    expect(
      await one(
        `SELECT count(*)::int AS n FROM statements WHERE search_text IS DISTINCT FROM statement_search_text(headline, quote, quote_original, summary, speaker_id)`,
      ),
    ).toEqual({ n: 0 });
    const scripts = await one(
      `SELECT count(*) FILTER (WHERE search_text ~ '[А-я]')::int AS cyrillic, count(*) FILTER (WHERE search_text ~ '[ぁ-ん一-龯]')::int AS japanese FROM statements`,
    );
    expect(scripts.cyrillic).toBeGreaterThan(10_000);
    expect(scripts.japanese).toBeGreaterThan(10_000);
    expect(await one(`SELECT count(*)::int AS n FROM statements WHERE responds_to_id >= id`)).toEqual({ n: 0 });
    expect(
      await one(
        `SELECT count(*)::int AS n FROM statement_participants p JOIN statements s ON s.id = p.statement_id WHERE p.actor_id = s.speaker_id`,
      ),
    ).toEqual({ n: 0 });

    // The API reads it: the search index finds a Japanese fragment and a Russian word prefix.
    const japanese = await t
      .http()
      .get(`/api/statements?q=${encodeURIComponent('平和条約')}&_end=1`)
      .expect(200);
    expect(Number(japanese.headers['x-total-count'])).toBeGreaterThan(0);
    const russian = await t
      .http()
      .get(`/api/statements?q=${encodeURIComponent('суверен')}&_end=1`)
      .expect(200);
    expect(Number(russian.headers['x-total-count'])).toBeGreaterThan(0);
  });

  it('a run that fails half way leaves nothing behind, and the schema as it was', async () => {
    const before = await schemaObjects();
    const counts = await one(
      'SELECT (SELECT count(*) FROM statements)::int AS s, (SELECT count(*) FROM statement_topics)::int AS l, (SELECT count(*) FROM actors)::int AS a',
    );
    await expect(
      generateData(pgPool(t.dataSource), {
        statements: 60_000,
        actors: 1200,
        onProgress: (n) => {
          if (n >= 30_000) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    expect(
      await one(
        'SELECT (SELECT count(*) FROM statements)::int AS s, (SELECT count(*) FROM statement_topics)::int AS l, (SELECT count(*) FROM actors)::int AS a',
      ),
    ).toEqual(counts);
    expect(await schemaObjects()).toEqual(before);
  });
});
