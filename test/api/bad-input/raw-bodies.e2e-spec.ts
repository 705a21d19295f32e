import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { baseQuery, baseRequest } from './support/base-records';
import { FuzzCase, Fuzzer, PROPERTY_TIMEOUT_MS, propertyParameters, runs } from './support/contract';
import { Caller, FuzzApp, startFuzzApp } from './support/fuzz-app';
import { queryText } from './support/query-values';
import { BAD_CONTENT_TYPES, callerArb, concretePath, forgedAuthorizationArb, objectText, PathChoice } from './support/requests';
import { Route, routeName } from './support/routes';
import { RAW_BODY_REGRESSIONS } from './regressions';

/*
 * Bodies that cannot be read as the API's JSON, on every route (the body is read before any
 * route code runs): broken JSON, JSON that is not an object, invalid UTF-8, duplicate keys,
 * thousands of levels of nesting, sizes around the 1 MB limit, other Content-Types, charsets
 * and Content-Encodings. Each is refused as a whole (`body`), or naming the repeated or
 * too deeply nested field. The contract is in support/contract.ts.
 */

const BODY_LIMIT = 1024 * 1024;
/** JSON nested deeper than this is refused whatever the route (bodies here are at most 3 levels deep). */
const MAX_JSON_DEPTH = 64;

export type Garbage =
  | { kind: 'text'; text: string }
  | { kind: 'not-object'; text: string }
  | { kind: 'invalid-utf8'; bytes: number[] }
  | { kind: 'duplicate'; pick: number; text: string }
  | { kind: 'deep'; depth: number; array: boolean }
  | { kind: 'size'; bytes: number }
  | { kind: 'content-type'; value: string }
  | { kind: 'content-encoding'; value: string };

export interface RawCase {
  caller: Caller;
  forged: string;
  pick: number;
  garbage: Garbage;
}

const BROKEN_JSON = [
  '{',
  '}',
  '{"a":}',
  '{"a" 1}',
  '{"a":1,}',
  '{a:1}',
  "{'a':1}",
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":01}',
  '{"a":.5}',
  '{"a":1e}',
  '{"a":"\\x"}',
  '{"a":"\\u12"}',
  '{"a":"a\u0001b"}',
  '{"a":1} {"b":2}',
  '{}{}',
  '{"a":1}x',
  '{/* c */}',
  '// c\n{}',
  '\ufeff\ufeff{}',
  'nul',
  'tru',
  ' ',
  '\u0000',
  '{"a":"\\ud800"',
  '[',
];

const garbageArb: fc.Arbitrary<Garbage> = fc.oneof(
  fc.constantFrom(...BROKEN_JSON).map((text): Garbage => ({ kind: 'text', text })),
  fc.constantFrom('null', '1', '"x"', 'true', '[]', '[{}]', '[1,2]').map((text): Garbage => ({ kind: 'not-object', text })),
  fc
    .constantFrom(
      [0xff],
      [0xfe, 0xff],
      [0xc3, 0x28],
      [0xe0, 0x80, 0x80],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0x80],
    )
    .map((bytes): Garbage => ({ kind: 'invalid-utf8', bytes: [...bytes] })),
  fc
    .tuple(fc.nat(), fc.constantFrom('1', '"x"', 'null', '[]', '"Fuzz statement"'))
    .map(([pick, text]): Garbage => ({ kind: 'duplicate', pick, text })),
  fc.record({
    kind: fc.constant<'deep'>('deep'),
    depth: fc.oneof(fc.integer({ min: 2, max: 200 }), fc.constantFrom(64, 65, 1_000, 20_000, 100_000)),
    array: fc.boolean(),
  }),
  fc
    .constantFrom(BODY_LIMIT - 100, BODY_LIMIT - 1, BODY_LIMIT, BODY_LIMIT + 1, 2 * BODY_LIMIT)
    .map((bytes): Garbage => ({ kind: 'size', bytes })),
  fc.constantFrom(...BAD_CONTENT_TYPES, '').map((value): Garbage => ({ kind: 'content-type', value })),
  fc
    .constantFrom('gzip', 'deflate', 'br', 'compress', 'x-gzip, identity', 'gzip-valid')
    .map((value): Garbage => ({ kind: 'content-encoding', value })),
);

async function materialize(app: FuzzApp, route: Route, c: RawCase): Promise<FuzzCase> {
  const choices: Record<string, PathChoice> = Object.fromEntries(route.pathParams.map((p) => [p, { kind: 'known', pick: c.pick }]));
  const path = concretePath(app, route, choices);
  const query = queryText(baseQuery(route).map(([key, value]) => ({ key, raw: [value] })));
  const base = await baseRequest(app, route, path.id);
  const given = Object.entries(base.body ?? {});
  const members: [string, string][] = (given.length ? given : [['note', 'x']]).map(([k, v]) => [k, JSON.stringify(v)]);
  const takesBody = route.body !== undefined;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  // A route whose valid body is empty gets a field it does not take, so that the body has something in it.
  const garbled = ['body', ...base.baseGarbled, ...(given.length ? [] : ['note'])];
  let body: Buffer;
  let mustRefuse = true;
  const g = c.garbage;
  switch (g.kind) {
    case 'text':
      body = Buffer.from(g.text);
      break;
    case 'not-object':
      body = Buffer.from(g.text);
      // Every route reads a body sent as JSON; one that takes none ignores an array.
      mustRefuse = takesBody || !g.text.startsWith('[');
      break;
    case 'invalid-utf8': {
      const [key] = members[0];
      body = Buffer.concat([Buffer.from(`{${JSON.stringify(key)}:"a`), Buffer.from(g.bytes), Buffer.from(`b"}`)]);
      garbled.push(key);
      break;
    }
    case 'duplicate': {
      const [key] = members[g.pick % members.length];
      body = Buffer.from(objectText([...members, [key, g.text]]));
      garbled.push(key);
      break;
    }
    case 'deep': {
      const nested = g.array ? '['.repeat(g.depth) + '1' + ']'.repeat(g.depth) : '{"a":'.repeat(g.depth) + '1' + '}'.repeat(g.depth);
      body = Buffer.from(objectText([...members, ['nested', nested]]));
      garbled.push('nested');
      // Counted from the body's own braces: a route that reads no body ignores what is nested within the limit.
      mustRefuse = takesBody || g.depth + 1 > MAX_JSON_DEPTH;
      break;
    }
    case 'size': {
      const field = takesBody
        ? (Object.keys(route.body!.properties ?? {}).find((k) => route.body!.properties![k].type === 'string') ?? 'padding')
        : 'padding';
      const rest = members.filter(([k]) => k !== field);
      const overhead = Buffer.byteLength(objectText([...rest, [field, '""']]));
      body = Buffer.from(objectText([...rest, [field, JSON.stringify('x'.repeat(Math.max(0, g.bytes - overhead)))]]));
      garbled.push(field, 'padding');
      // Under the limit, a field that takes any length (a password) may accept it; a route without a body ignores it.
      mustRefuse = g.bytes > BODY_LIMIT || (takesBody && route.body!.properties?.[field]?.maxLength !== undefined);
      break;
    }
    case 'content-type':
      body = Buffer.from(objectText(members));
      headers['Content-Type'] = g.value;
      break;
    case 'content-encoding':
      body = Buffer.from(objectText(members));
      headers['Content-Encoding'] = g.value === 'gzip-valid' ? 'gzip' : g.value;
      if (g.value === 'gzip-valid') {
        body = gzipSync(body);
        mustRefuse = false;
      }
      break;
  }
  return {
    request: { method: route.method, path: query ? `${path.path}?${query}` : path.path, headers, body },
    caller: c.caller,
    forgedAuthorization: c.forged,
    freshSession: route.template === '/api/auth/logout',
    garbled,
    mustRefuse,
  };
}

let app: FuzzApp;
let fuzzer: Fuzzer;
beforeAll(async () => {
  app = await startFuzzApp();
  fuzzer = new Fuzzer(app);
}, 60_000);
afterAll(async () => {
  if (fuzzer) console.log(fuzzer.summary('bad-input/raw-bodies'));
  await app?.close();
  fuzzer?.throwIfFailuresNoted('bad-input/raw-bodies');
});

describe('bodies that cannot be read', () => {
  jest.setTimeout(PROPERTY_TIMEOUT_MS);

  it('on every route', async () => {
    expect(app.routes.length).toBeGreaterThanOrEqual(60);
    // An upload's body is a file: test/api/imports-bad-input.e2e-spec.ts sends it hostile files.
    for (const route of app.routes.filter((r) => !r.upload)) {
      const examples = RAW_BODY_REGRESSIONS.filter((r) => r.route === routeName(route)).map((r): [RawCase] => [r.case]);
      await fc.assert(
        fc.asyncProperty(
          fc.record({ caller: callerArb, forged: forgedAuthorizationArb, pick: fc.nat(), garbage: garbageArb }),
          async (c) => {
            await fuzzer.run(await materialize(app, route, c));
          },
        ),
        propertyParameters(`raw-bodies ${routeName(route)}`, runs(route.body ? 20 : 8, route), examples),
      );
    }
  });
});
