import fc from 'fast-check';
import { baseRequest } from './support/base-records';
import { badFieldText, fieldValue } from './support/body-values';
import { contractViolations, FuzzCase, Fuzzer, PROPERTY_TIMEOUT_MS, propertyParameters, runs } from './support/contract';
import { Caller, FuzzApp, IdListName, startFuzzApp } from './support/fuzz-app';
import {
  BAD_CONTENT_TYPES,
  callerArb,
  concretePath,
  FIELDS_READ_AGAINST,
  forgedAuthorizationArb,
  ifMatchArb,
  objectText,
  PathChoice,
  READ_ONLY_FIELDS,
  referencesFor,
  unknownKeyArb,
} from './support/requests';
import { Route, routeName, Schema } from './support/routes';
import { BODY_REGRESSIONS } from './regressions';

/*
 * Every body field of every route that takes a body: a valid request (the record as the API
 * returns it, for PUT) with one to three fields replaced by garbage, removed, repeated, or
 * joined by fields no body has, sometimes with a bad If-Match or Content-Type. The contract
 * checked on each response is in support/contract.ts.
 */

export type Edit =
  | { kind: 'set'; field: string; text: string }
  | { kind: 'remove'; field: string }
  | { kind: 'unknown'; field: string; text: string }
  | { kind: 'duplicate'; field: string; text: string };

export interface BodyCase {
  caller: Caller;
  forged: string;
  pick: number;
  edits: Edit[];
  ifMatch?: { value: string; bad: boolean };
  contentType?: string;
}

const REFERENCE_LISTS: Record<string, IdListName> = {
  speakerId: 'actors',
  participantIds: 'actors',
  stanceId: 'stances',
  topicIds: 'topics',
  sourceIds: 'sources',
  respondsToId: 'statements',
};
/** Login's email is any text (a wrong one is a 401), not an address to validate. */
const formatOf = (route: Route, field: string) => (route.template === '/api/auth/login' ? `login.${field}` : field);
const takesIfMatch = (route: Route) =>
  (['PUT', 'PATCH'].includes(route.method) && !route.template.startsWith('/api/users')) || /\/restore$/.test(route.template);

function editArb(app: FuzzApp, route: Route): fc.Arbitrary<Edit> {
  const schema = route.body!;
  const fields = Object.keys(schema.properties ?? {});
  const known = (field: string) => (REFERENCE_LISTS[field] ? app.known[REFERENCE_LISTS[field]] : []);
  const set = fields.length
    ? fc.constantFrom(...fields).chain((field) =>
        fieldValue(field, schema.properties![field], known(field), formatOf(route, field)).map((text): Edit => ({
          kind: 'set',
          field,
          text,
        })),
      )
    : fc.constant<Edit>({ kind: 'unknown', field: 'x', text: '1' });
  const readOnly = fc
    .constantFrom(...READ_ONLY_FIELDS)
    .chain((field) => fieldValue(field, undefined, []).map((text): Edit => ({ kind: 'set', field, text })));
  return fc.oneof(
    { weight: 8, arbitrary: set },
    { weight: 1, arbitrary: fields.length ? fc.constantFrom(...fields).map((field): Edit => ({ kind: 'remove', field })) : set },
    {
      weight: 2,
      arbitrary: fc
        .tuple(unknownKeyArb, fc.constantFrom('1', '"x"', '{}', 'null'))
        .map(([field, text]): Edit => ({ kind: 'unknown', field, text })),
    },
    { weight: 1, arbitrary: set.map((edit): Edit => ({ ...(edit as { field: string; text: string }), kind: 'duplicate' })) },
    { weight: 1, arbitrary: readOnly },
  );
}

/** A value once in `every` cases, undefined otherwise. */
const sometimes = <T>(arb: fc.Arbitrary<T>, every: number) =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const bodyCaseArb = (app: FuzzApp, route: Route): fc.Arbitrary<BodyCase> =>
  fc.record({
    caller: callerArb,
    forged: forgedAuthorizationArb,
    pick: fc.nat(),
    edits: fc.array(editArb(app, route), { minLength: 1, maxLength: 3 }),
    ifMatch: takesIfMatch(route) ? sometimes(ifMatchArb, 4) : fc.constant(undefined),
    contentType: sometimes(fc.constantFrom(...BAD_CONTENT_TYPES), 12),
  });

const isProperty = (schema: Schema, field: string) => Object.hasOwn(schema.properties ?? {}, field);

/** The request a body case stands for, and what the contract expects of its answer. */
async function materialize(app: FuzzApp, route: Route, c: BodyCase): Promise<FuzzCase> {
  const schema = route.body!;
  const required = new Set(schema.required ?? []);
  const choices: Record<string, PathChoice> = Object.fromEntries(route.pathParams.map((p) => [p, { kind: 'known', pick: c.pick }]));
  const path = concretePath(app, route, choices);
  const base = await baseRequest(app, route, path.id);
  const members: [string, string][] = Object.entries(base.body ?? {}).map(([key, value]) => [key, JSON.stringify(value)]);
  const garbled = new Set([...path.garbled, ...base.baseGarbled]);
  for (const edit of c.edits) {
    garbled.add(edit.field);
    const at = members.findIndex(([key]) => key === edit.field);
    if (edit.kind === 'remove') {
      if (at >= 0) members.splice(at, 1);
    } else if (edit.kind === 'set' && at >= 0) members[at] = [edit.field, edit.text];
    else {
      members.push([edit.field, edit.text]);
      if (edit.kind === 'duplicate' && at < 0) members.push([edit.field, edit.text]);
    }
  }
  // The verdict is on the object as sent: a later edit may undo an earlier one.
  const keys = members.map(([key]) => key);
  let mustRefuse = new Set(keys).size !== keys.length || [...required].some((field) => !keys.includes(field));
  for (const [key, text] of members) {
    if (!garbled.has(key)) continue;
    if (!isProperty(schema, key)) mustRefuse ||= !READ_ONLY_FIELDS.includes(key);
    else mustRefuse ||= badFieldText(key, schema.properties![key], required.has(key), text, referencesFor(app, key), formatOf(route, key));
  }
  // A field read against a garbled one may be named in its stead (a saved query's query, against its resource).
  const readAgainst = FIELDS_READ_AGAINST[routeName(route)] ?? {};
  // Own keys only: a garbled field may be called __proto__ or constructor.
  for (const field of [...garbled]) if (Object.hasOwn(readAgainst, field)) for (const other of readAgainst[field]) garbled.add(other);
  const body = Buffer.from(objectText(members));
  const headers: Record<string, string> = { 'Content-Type': c.contentType ?? 'application/json' };
  if (c.contentType || body.length > 1024 * 1024) {
    garbled.add('body');
    mustRefuse = true;
  }
  if (c.ifMatch) {
    headers['If-Match'] = c.ifMatch.value;
    garbled.add('version');
    mustRefuse ||= c.ifMatch.bad;
  }
  return {
    request: { method: route.method, path: path.path, headers, body },
    caller: c.caller,
    forgedAuthorization: c.forged,
    garbled: [...garbled],
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
  if (fuzzer) console.log(fuzzer.summary('bad-input/bodies'));
  await app?.close();
  fuzzer?.throwIfFailuresNoted('bad-input/bodies');
});

describe('garbage in body fields', () => {
  jest.setTimeout(PROPERTY_TIMEOUT_MS);

  it('every field of every route that takes a body', async () => {
    const routes = app.routes.filter((route) => route.body);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    // A route named in the model that the server does not have is a model gone stale.
    expect(Object.keys(FIELDS_READ_AGAINST).filter((name) => !routes.some((route) => routeName(route) === name))).toEqual([]);
    for (const route of routes) {
      const examples = BODY_REGRESSIONS.filter((r) => r.route === routeName(route)).map((r): [BodyCase] => [r.case]);
      await fc.assert(
        fc.asyncProperty(bodyCaseArb(app, route), async (c) => {
          await fuzzer.run(await materialize(app, route, c));
        }),
        propertyParameters(`bodies ${routeName(route)}`, runs(35, route), examples),
      );
    }
  });

  it('checks the contract it claims to (a 500, an unnamed field and a 2xx to garbage are caught)', () => {
    const c: FuzzCase = { request: { method: 'POST', path: '/x' }, caller: 'admin', garbled: ['headline'], mustRefuse: true };
    const json = (body: object) => ({ contentType: 'application/json', text: JSON.stringify(body), ms: 1 });
    expect(contractViolations(c, { status: 500, ...json({ statusCode: 500, error: 'x', message: 'x' }) })).toContain('status 500');
    expect(
      contractViolations(c, { status: 400, ...json({ statusCode: 400, error: 'x', message: 'x', errors: { date: 'bad' } }) })[0],
    ).toMatch(/did not garble/);
    expect(contractViolations(c, { status: 400, ...json({ statusCode: 400, error: 'x', message: 'x' }) })).toContain(
      'no errors object naming the field',
    );
    expect(contractViolations(c, { status: 201, ...json({}) })[0]).toMatch(/accepted/);
    expect(contractViolations(c, { status: 409, ...json({ statusCode: 409, error: 'x', message: 'x' }) })[0]).toMatch(/instead of a 400/);
    expect(contractViolations(c, { status: 431, contentType: '', text: '', ms: 1 })).toEqual([
      'error body is not JSON',
      'error Content-Type is missing',
    ]);
    expect(
      contractViolations(c, {
        status: 400,
        ...json({ statusCode: 400, error: 'x', message: 'x', errors: { 'headline.0': 'bad' } }),
        ms: 5_000,
      })[0],
    ).toMatch(/took/);
  });
});
