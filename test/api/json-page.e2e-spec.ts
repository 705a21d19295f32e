import { ACTOR_LIST_SPEC, ACTOR_TABLE } from '../../server/src/actors/actors.table';
import { CollectionTable, readPage, readPageAsJson } from '../../server/src/records/list-query/collection-reader';
import { ListSpec } from '../../server/src/records/list-query/filter-definitions';
import { parseListQuery } from '../../server/src/records/list-query/parse-list-query';
import { pgPool } from '../../server/src/database/pg-pool';
import { generateData } from '../../server/src/generator/generate-data';
import { SOURCE_LIST_SPEC, SOURCE_TABLE } from '../../server/src/sources/sources.table';
import { STANCE_LIST_SPEC, STANCE_TABLE } from '../../server/src/stances/stances.table';
import { STATEMENT_LIST_SPEC, STATEMENT_TABLE } from '../../server/src/statements/statement-query';
import { TOPIC_LIST_SPEC, TOPIC_TABLE } from '../../server/src/topics/topics.table';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Collection lists are written as JSON by PostgreSQL (readPageAsJson), everything else the
 * API sends by JSON.stringify. Both must give the same text for the same rows: key order,
 * timestamps as `…T…:…:….mmmZ`, dates as `YYYY-MM-DD`, nulls, empty and filled id arrays, the
 * nested authors, and text that needs escaping.
 */

let t: TestApp;
const AWKWARD = 'He said "no" \\ twice,\nthen\ttabbed \u0001\u001f — 北方領土, Курилы, 👍🏽, \u2028 </script> \'quoted\'';

beforeAll(async () => {
  t = await createTestApp();
  await generateData(pgPool(t.dataSource), { statements: 300, seed: 5 });
  const actor = (await t.http().post('/api/actors').send({ name: AWKWARD, kind: 'person' }).expect(201)).body;
  await t
    .http()
    .post('/api/statements')
    .send({ date: '2019-01-22', headline: AWKWARD, speakerId: actor.id, topicIds: [], sourceIds: [], notes: AWKWARD })
    .expect(201);
  // Later changes give updatedAt and updatedBy values of their own; a record in the trash is left out.
  const [first] = (await t.http().get('/api/topics?_start=0&_end=2').expect(200)).body;
  await t.as('editor').patch(`/api/topics/${first.id}`).send({ version: first.version, description: AWKWARD }).expect(200);
  const unused = (await t.http().post('/api/sources').send({ title: AWKWARD }).expect(201)).body;
  await t.http().delete(`/api/sources/${unused.id}`).expect(200);
}, 60_000);
afterAll(() => t.close());

interface Case {
  name: string;
  table: CollectionTable<never, string>;
  spec: ListSpec<never, string>;
  queries: string[];
}

const cases: Case[] = [
  {
    name: 'statements',
    table: STATEMENT_TABLE as unknown as Case['table'],
    spec: STATEMENT_LIST_SPEC as unknown as Case['spec'],
    queries: [
      '',
      '_sort=date&_order=DESC&_start=5&_end=40',
      '_sort=speakerName',
      '_sort=headline&_order=DESC',
      'q=islands&_start=0&_end=7',
      '_start=10000&_end=10010',
    ],
  },
  {
    name: 'actors',
    table: ACTOR_TABLE as unknown as Case['table'],
    spec: ACTOR_LIST_SPEC as unknown as Case['spec'],
    queries: ['', '_sort=name&_order=DESC&_start=3&_end=9'],
  },
  {
    name: 'sources',
    table: SOURCE_TABLE as unknown as Case['table'],
    spec: SOURCE_LIST_SPEC as unknown as Case['spec'],
    queries: ['', '_start=1&_end=4'],
  },
  {
    name: 'topics',
    table: TOPIC_TABLE as unknown as Case['table'],
    spec: TOPIC_LIST_SPEC as unknown as Case['spec'],
    queries: ['', '_sort=id&_order=DESC'],
  },
  { name: 'stances', table: STANCE_TABLE as unknown as Case['table'], spec: STANCE_LIST_SPEC as unknown as Case['spec'], queries: [''] },
];

describe.each(cases)('$name: PostgreSQL writes the page exactly as JSON.stringify does', ({ table, spec, queries }) => {
  it.each(queries)('?%s', async (queryString) => {
    const query = parseListQuery(spec, Object.fromEntries(new URLSearchParams(queryString)));
    const objects = await readPage<object, never, string>(t.dataSource, table, query);
    const written = await readPageAsJson(t.dataSource, table, query);
    expect(written.json).toBe(JSON.stringify(objects.rows));
    expect(written.returned).toBe(objects.rows.length);
    expect({ total: written.total, estimated: written.estimated }).toEqual({ total: objects.total, estimated: objects.estimated });
  });
});

it('the fixtures hold what the comparison needs: awkward text, changed records, empty and filled links', async () => {
  const statements = JSON.parse(
    (await readPageAsJson(t.dataSource, STATEMENT_TABLE, parseListQuery(STATEMENT_LIST_SPEC, { _end: '1000' }))).json,
  );
  expect(statements.some((s: { headline: string }) => s.headline === AWKWARD)).toBe(true);
  expect(statements.some((s: { topicIds: number[] }) => s.topicIds.length === 0)).toBe(true);
  expect(statements.some((s: { topicIds: number[] }) => s.topicIds.length > 1)).toBe(true);
  expect(statements[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  const topics = JSON.parse((await readPageAsJson(t.dataSource, TOPIC_TABLE, parseListQuery(TOPIC_LIST_SPEC, {}))).json);
  expect(
    topics.some((topic: { updatedBy: unknown; createdBy: unknown }) => JSON.stringify(topic.updatedBy) !== JSON.stringify(topic.createdBy)),
  ).toBe(true);
});

it('leaves out the fields an anonymous reader may not see, and only those', async () => {
  const query = parseListQuery(STATEMENT_LIST_SPEC, { _end: '5' });
  const full = JSON.parse((await readPageAsJson(t.dataSource, STATEMENT_TABLE, query)).json) as Record<string, unknown>[];
  const reader = JSON.parse((await readPageAsJson(t.dataSource, STATEMENT_TABLE, query, { omit: ['notes'] })).json) as Record<
    string,
    unknown
  >[];
  expect(reader).toEqual(full.map(({ notes: _notes, ...visible }) => visible));
  expect(Object.keys(reader[0])).toEqual(Object.keys(full[0]).filter((key) => key !== 'notes'));
});

it('sends the page with its JSON content type and totals, and the same body every collection list had', async () => {
  const res = await t.http().get('/api/statements?_start=0&_end=3&_sort=date&_order=DESC').expect(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  const [{ live }] = await t.dataSource.query('SELECT count(*)::int AS live FROM statements WHERE deleted_at IS NULL');
  expect(res.headers['x-total-count']).toBe(String(live));
  expect(res.body).toHaveLength(3);
  const one = (await t.http().get(`/api/statements/${res.body[0].id}`).expect(200)).body;
  expect(res.body[0]).toEqual(one);
});

it('brings an exact total with the page in one statement when few rows match, once the estimate is known', async () => {
  const [{ speaker, n }] = await t.dataSource.query(
    `SELECT speaker_id AS speaker, count(*)::int AS n FROM statements WHERE deleted_at IS NULL GROUP BY speaker_id HAVING count(*) > 2 ORDER BY count(*) DESC LIMIT 1`,
  );
  const query = parseListQuery(STATEMENT_LIST_SPEC, { speakerId: String(speaker), _start: '0', _end: '2' });
  await readPageAsJson(t.dataSource, STATEMENT_TABLE, query);
  const sent = jest.spyOn(t.dataSource, 'query');
  try {
    const page = await readPageAsJson(t.dataSource, STATEMENT_TABLE, query);
    expect(page).toMatchObject({ returned: 2, total: n });
    expect(page.estimated).toBeUndefined();
    expect(sent).toHaveBeenCalledTimes(1);
  } finally {
    sent.mockRestore();
  }
});
