import fc from 'fast-check';
import { knownPathValue } from './base-records';
import { Caller, FuzzApp, IdListName } from './fuzz-app';
import { garbageString, urlText } from './garbage';
import { References } from './body-values';
import { Route } from './routes';
import { STATEMENT_RULE_FIELDS } from '../../../../server/src/statements/statement-rules';

/*
 * Pieces every bad-input file builds its requests from: callers, path parameters, headers
 * and the JSON text of bodies.
 */

/** Mostly the admin, who gets past every guard to the validation; the others must not 5xx either. */
export const callerArb: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Caller>('admin') },
  { weight: 1, arbitrary: fc.constantFrom<Caller>('editor', 'viewer', 'anonymous', 'forged') },
);

/** Authorization headers that are no token: only characters Node lets a client send. */
export const forgedAuthorizationArb = fc.oneof(
  fc.constantFrom(
    'Bearer',
    'Bearer ',
    'Bearer x',
    'Basic YWRtaW46YWRtaW4=',
    'bearer ' + 'A'.repeat(5000),
    'Bearer chr_session_0000',
    "Bearer ' OR 1=1 --",
    'Bearer %00',
    'Token abc',
  ),
  fc.string({ unit: 'grapheme-ascii', maxLength: 200 }).map((s) => `Bearer ${s.replace(/[\r\n]/g, '')}`),
);

/** A path id the API reads: after percent-decoding, a positive 32-bit integer in plain digits. */
export const isPathId = (decoded: string | undefined) =>
  decoded !== undefined && /^[1-9]\d{0,9}$/.test(decoded) && Number(decoded) <= 2_147_483_647;
export const RESOURCES = ['statements', 'actors', 'sources', 'topics', 'stances'];

/** Whether a decoded path parameter is one the route could take. */
export function goodPathValue(param: string, decoded: string | undefined): boolean {
  if (param === 'resource') return decoded !== undefined && RESOURCES.includes(decoded);
  if (param === 'id' || param === 'revisionId') return isPathId(decoded);
  throw new Error(`the fuzzer does not know path parameter {${param}}: teach it (support/requests.ts)`);
}

/** A path parameter: an existing record's, one no record has, or garbage (never a valid value in disguise, like %31). */
export type PathChoice = { kind: 'known'; pick: number } | { kind: 'missing' } | { kind: 'garbage'; raw: string };

export const garbagePathArb = (param: string): fc.Arbitrary<PathChoice> =>
  urlText(false)
    .filter((t) => t.raw !== '' && !goodPathValue(param, t.decoded))
    .map((t) => ({ kind: 'garbage', raw: t.raw }));

export const pathChoiceArb = (param: string, garbageWeight: number): fc.Arbitrary<PathChoice> =>
  fc.oneof(
    { weight: garbageWeight, arbitrary: garbagePathArb(param) },
    { weight: 3, arbitrary: fc.nat().map((pick): PathChoice => ({ kind: 'known', pick })) },
    { weight: 1, arbitrary: fc.constant<PathChoice>({ kind: 'missing' }) },
  );

export interface ConcretePath {
  path: string;
  /** Decoded `id` of the path, when it is a valid one. */
  id?: string;
  garbled: string[];
}

/** The path with each parameter filled in as chosen. */
export function concretePath(app: FuzzApp, route: Route, choices: Record<string, PathChoice>): ConcretePath {
  const garbled: string[] = [];
  const values: Record<string, string> = {};
  for (const param of route.pathParams) {
    const choice = choices[param] ?? { kind: 'known', pick: 0 };
    if (choice.kind === 'garbage') garbled.push(param);
    values[param] =
      choice.kind === 'garbage'
        ? choice.raw
        : choice.kind === 'missing'
          ? param === 'resource'
            ? 'statements'
            : '2000000000'
          : knownPathValue(app, route, param, choice.pick, values);
  }
  const path = route.template.replace(/\{(\w+)\}/g, (_, name: string) => values[name]);
  return { path, id: isPathId(values.id) ? values.id : undefined, garbled };
}

/** If-Match headers: the record's version in quotes, or not. Bad ones are refused naming `version`. */
export const ifMatchArb = fc.oneof(
  fc.constantFrom('"1"', 'W/"1"', '"2"', '"999999"', '*').map((value) => ({ value, bad: false })),
  fc
    .constantFrom(
      'abc',
      '"0"',
      '"-1"',
      '""',
      '"1.5"',
      '"1e3"',
      '"2147483648"',
      '"9999999999"',
      '"99999999999"',
      'W/',
      '"1", "2"',
      '"\u00e9"',
    )
    .map((value) => ({ value, bad: true })),
);

/** Content types other than JSON, and JSON in charsets other than UTF-8: the body is then refused as a whole. */
export const BAD_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/vnd.api+json',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; charset=bogus',
  'text/json',
];

/** A JSON object as text from its members, in order: duplicate keys and raw values stay as written. */
export const objectText = (members: [string, string][]) =>
  `{${members.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;

/** Each field of the groups, read against the others of its group. */
const readTogether = (groups: readonly (readonly string[])[]) => {
  const against: Record<string, string[]> = {};
  for (const group of groups) for (const field of group) (against[field] ??= []).push(...group.filter((other) => other !== field));
  return against;
};

/**
 * A statement's cross-field rules, as the server declares them. `sources` (the citations with
 * their locators) sets `sourceIds`, so it is read against what sourceIds is read against.
 */
const STATEMENT_GROUPS = STATEMENT_RULE_FIELDS.map((group) => (group.includes('sourceIds') ? [...group, 'sources'] : group));
const STATEMENT_FIELDS_READ_AGAINST = readTogether([...STATEMENT_GROUPS, ['sourceIds', 'sources']]);

/**
 * Body fields read against another of the same body, by route: a change to the first may make
 * the second wrong, so an error may name the second. A saved query's query is read as a query
 * of its resource (`_sort` is the statement list's, not the timeline's); a statement's fields by
 * its rules (an interpretation's source must be one it cites).
 */
export const FIELDS_READ_AGAINST: Record<string, Record<string, string[]>> = {
  'POST /api/saved-queries': { resource: ['query'] },
  'POST /api/statements': STATEMENT_FIELDS_READ_AGAINST,
  'PUT /api/statements/{id}': STATEMENT_FIELDS_READ_AGAINST,
  'PATCH /api/statements/{id}': STATEMENT_FIELDS_READ_AGAINST,
};

/** Keys no body takes; fields the server owns (id, createdAt, …) are accepted and ignored, so they are not among them. */
export const READ_ONLY_FIELDS = [
  'id',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'deletedAt',
  'dateStart',
  'dateEnd',
  'displayDate',
  'email',
  'mustChangePassword',
  'oneTimePasswordExpiresAt',
  'lastLoginAt',
  'oneTimePassword',
];
export const unknownKeyArb = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '',
    ' ',
    'Headline',
    'headline ',
    'speaker_id',
    'isAdmin',
    'role',
    'a.b',
    'toString',
    '\u0000',
    '$where',
  ),
  garbageString,
);

/** Which records a reference field points to. */
export function referencesFor(app: FuzzApp, field: string): References {
  const collection: Record<string, IdListName> = {
    speakerId: 'actors',
    participantIds: 'actors',
    stanceId: 'stances',
    topicIds: 'topics',
    sourceIds: 'sources',
    interpretationSourceId: 'sources',
    respondsToId: 'statements',
  };
  const name = collection[field];
  return name ? { live: new Set(app.known[name]), all: app.all[name] } : { live: new Set(), all: new Set() };
}
