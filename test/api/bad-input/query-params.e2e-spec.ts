import fc from 'fast-check';
import { baseQuery, baseRequest } from './support/base-records';
import { FuzzCase, Fuzzer, PROPERTY_TIMEOUT_MS, propertyParameters, runs } from './support/contract';
import { Caller, FuzzApp, startFuzzApp } from './support/fuzz-app';
import { decodeUrlText } from './support/garbage';
import { badQueryValues, badRange, listedEntry, QueryEntry, queryText, unknownEntry } from './support/query-values';
import { callerArb, concretePath, forgedAuthorizationArb, objectText, PathChoice } from './support/requests';
import { Route, routeName } from './support/routes';
import { EXPORT_COLUMNS } from '../../../server/src/exports/export-columns';
import { RECORD_EXPORTS } from '../../../server/src/exports/record-exports';
import { QUERY_REGRESSIONS } from './regressions';

/*
 * Every query parameter of every route: each listed one (filters, `_start`/`_end`, `_sort`,
 * `_order`, `q`, the export's `format`, `columns` and `bom`, the timeline's `cursor`, `limit`
 * and `order`) with values of its own type and garbage, repeated, malformed in its encoding,
 * and keys no route lists. Routes that list no query parameters do not read the query string:
 * there garbage must merely do no harm. The contract is in support/contract.ts.
 */

export interface QueryCase {
  caller: Caller;
  forged: string;
  pick: number;
  entries: QueryEntry[];
}

const FLAT_FORMATS = ['csv', 'json', 'ndjson'];
const FORMAT_OF_PATH: Record<string, string> = {
  '/api/statements.csv': 'csv',
  '/api/statements.json': 'json',
  '/api/statements.ndjson': 'ndjson',
  '/api/statements.md': 'markdown',
  '/api/actors.csv': 'csv',
  '/api/actors.json': 'json',
  '/api/actors.ndjson': 'ndjson',
  '/api/sources.csv': 'csv',
  '/api/sources.json': 'json',
  '/api/sources.ndjson': 'ndjson',
};
/** The columns an export route takes: the actors' and sources' exports have their own. */
const columnsOf = (template: string) =>
  Object.keys(
    /^\/api\/(actors|sources)\./.exec(template)
      ? RECORD_EXPORTS[template.split(/[/.]/)[2] as 'actors' | 'sources'].columns
      : EXPORT_COLUMNS,
  );

function queryCaseArb(route: Route): fc.Arbitrary<QueryCase> {
  const listed = Object.keys(route.query);
  const entry = listed.length
    ? fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...listed).chain((name) => listedEntry(name, route.query[name])) },
        { weight: 1, arbitrary: unknownEntry(listed) },
      )
    : unknownEntry(listed);
  return fc
    .record({
      caller: callerArb,
      forged: forgedAuthorizationArb,
      pick: fc.nat(),
      entries: fc.array(entry, { minLength: 1, maxLength: 4 }),
    })
    .filter((c) => queryLength(c.entries) <= MAX_QUERY_CHARS);
}

/**
 * The longest query string a case sends. Node reads at most 16 KB of a request's head and
 * answers a longer one 431 and closes; a client still writing a larger request then may see the
 * connection reset before it reads the 431 — a 1,500-times repeated 144 KB value made a 216 MB
 * URL that did so once in a CI run. Up to 60 KB the request fits the socket buffers, the client
 * has written it all, and the 431 is read every time.
 */
const MAX_QUERY_CHARS = 60_000;
const queryLength = (entries: QueryEntry[]) =>
  entries.reduce((length, entry) => length + entry.raw.reduce((sum, value) => sum + entry.key.length + value.length + 2, 0), 0);

/** Whether the query as a whole must be refused, and the names it garbled. */
function judgeQuery(route: Route, base: [string, string][], entries: QueryEntry[]): { bad: boolean; garbled: string[] } {
  const values = new Map<string, (string | undefined)[]>();
  const garbled = new Set<string>();
  let bad = false;
  for (const [key, value] of base) values.set(key, [value]);
  for (const entry of entries) {
    garbled.add(entry.key);
    if (entry.name === undefined) {
      bad ||= Object.keys(route.query).length > 0;
      continue;
    }
    garbled.add(entry.name);
    values.set(entry.name, [...(values.get(entry.name) ?? []), ...entry.raw.map((v) => decodeUrlText(v, true))]);
  }
  if (!Object.keys(route.query).length) return { bad: false, garbled: [...garbled] }; // the route does not read its query
  for (const [name, given] of values) {
    if (name === 'ticket') continue; // the guard's, ignored when the caller sends a token
    const schema = Object.hasOwn(route.query, name) ? route.query[name] : undefined;
    bad ||= !schema || badQueryValues(name, schema, given, columnsOf(route.template));
  }
  const one = (name: string) => (values.get(name)?.length === 1 ? values.get(name)![0] : undefined);
  if (values.has('_start') || values.has('_end')) ['_start', '_end'].forEach((n) => garbled.add(n));
  bad ||= badRange(one('_start'), one('_end'));
  const format = FORMAT_OF_PATH[route.template] ?? one('format');
  if (values.has('columns') && format !== undefined && !FLAT_FORMATS.includes(format)) bad = true;
  if (values.has('bom') && format !== undefined && format !== 'csv') bad = true;
  if (values.has('format') || values.has('columns') || values.has('bom'))
    ['format', 'columns', 'bom'].filter((n) => values.has(n)).forEach((n) => garbled.add(n));
  if (route.template === '/api/analysis/network' || route.template === '/api/snapshots/{id}/network') {
    // A CSV file is one of two tables, named by `table` (leaving it out garbles it); `maxLinks`
    // shapes the live JSON answer only (a snapshot's networks are whole: it has no maxLinks).
    const networkFormat = values.has('format') ? one('format') : 'json';
    if (networkFormat === 'csv' && !values.has('table')) {
      bad = true;
      garbled.add('table');
    }
    if (values.has('table') && networkFormat !== 'csv') bad = true;
    if (values.has('maxLinks') && networkFormat !== 'json') bad = true;
    ['format', 'table', 'maxLinks'].filter((n) => values.has(n)).forEach((n) => garbled.add(n));
  }
  return { bad, garbled: [...garbled] };
}

async function materialize(app: FuzzApp, route: Route, c: QueryCase): Promise<FuzzCase> {
  const choices: Record<string, PathChoice> = Object.fromEntries(route.pathParams.map((p) => [p, { kind: 'known', pick: c.pick }]));
  const path = concretePath(app, route, choices);
  const base = baseQuery(route);
  const { bad, garbled } = judgeQuery(route, base, c.entries);
  const { body, raw, baseGarbled } = await baseRequest(app, route, path.id);
  const query = queryText([...base.map(([key, value]) => ({ key, raw: [value] })), ...c.entries]);
  return {
    request: {
      method: route.method,
      path: `${path.path}?${query}`,
      headers: raw ? { 'Content-Type': raw.contentType } : body ? { 'Content-Type': 'application/json' } : {},
      body: raw
        ? Buffer.from(raw.body)
        : body
          ? Buffer.from(objectText(Object.entries(body).map(([k, v]) => [k, JSON.stringify(v)])))
          : undefined,
    },
    caller: c.caller,
    forgedAuthorization: c.forged,
    freshSession: route.template === '/api/auth/logout',
    garbled: [...garbled, ...baseGarbled],
    mustRefuse: bad,
  };
}

let app: FuzzApp;
let fuzzer: Fuzzer;
beforeAll(async () => {
  app = await startFuzzApp();
  fuzzer = new Fuzzer(app);
}, 60_000);
afterAll(async () => {
  if (fuzzer) console.log(fuzzer.summary('bad-input/query-params'));
  await app?.close();
  fuzzer?.throwIfFailuresNoted('bad-input/query-params');
});

describe('garbage in query parameters', () => {
  jest.setTimeout(PROPERTY_TIMEOUT_MS);

  it('every listed parameter and unknown keys on the routes that read a query', async () => {
    const routes = app.routes.filter((route) => Object.keys(route.query).length);
    expect(routes.length).toBeGreaterThanOrEqual(15);
    for (const route of routes) {
      const examples = QUERY_REGRESSIONS.filter((r) => r.route === routeName(route)).map((r): [QueryCase] => [r.case]);
      await fc.assert(
        fc.asyncProperty(queryCaseArb(route), async (c) => {
          await fuzzer.run(await materialize(app, route, c));
        }),
        propertyParameters(`query-params ${routeName(route)}`, runs(45, route), examples),
      );
    }
  });

  it('query garbage on every other route does no harm', async () => {
    const routes = app.routes.filter((route) => !Object.keys(route.query).length);
    expect(routes.length).toBeGreaterThanOrEqual(40);
    for (const route of routes) {
      const examples = QUERY_REGRESSIONS.filter((r) => r.route === routeName(route)).map((r): [QueryCase] => [r.case]);
      await fc.assert(
        fc.asyncProperty(queryCaseArb(route), async (c) => {
          await fuzzer.run(await materialize(app, route, c));
        }),
        propertyParameters(`query-params, other routes: ${routeName(route)}`, runs(6, route), examples),
      );
    }
  });
});
