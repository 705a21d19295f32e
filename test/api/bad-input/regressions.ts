/*
 * Failures the bad-input fuzzer found, as concrete cases that every run replays before its
 * generated ones (fast-check's `examples`), each with what broke. Seeds are given where the
 * failure was found by a run that stopped at it (the others were found by FUZZ_KEEP_GOING=1 runs,
 * which report cases, not seeds). The focused tests of the fixes are in fixed-bugs.e2e-spec.ts.
 */

import type { BodyCase } from './bodies.e2e-spec';
import type { PathCase } from './path-params.e2e-spec';
import type { QueryCase } from './query-params.e2e-spec';
import type { RawCase } from './raw-bodies.e2e-spec';

export interface Regression<Case> {
  /** `METHOD /api/template`, as routeName() writes it. */
  route: string;
  /** What broke, and how it was fixed. */
  broke: string;
  seed?: number;
  path?: string;
  case: Case;
}

const admin = { caller: 'admin', forged: 'Bearer', pick: 0 } as const;
const deep = (depth: number) => '['.repeat(depth) + '1' + ']'.repeat(depth);

export const BODY_REGRESSIONS: Regression<BodyCase>[] = [
  {
    route: 'POST /api/auth/login',
    broke:
      'A form body was parsed by the urlencoded reader Nest adds; the error named the whole JSON text as a field. Now 415 naming body.',
    seed: 1396673241,
    path: '1:0:0:0:0:0',
    case: { ...admin, edits: [{ kind: 'unknown', field: '1 OR 1=1', text: '1' }], contentType: 'application/x-www-form-urlencoded' },
  },
  {
    route: 'POST /api/auth/tokens',
    broke: '500 (Maximum call stack size exceeded in class-transformer) for a value nested 10,000+ levels. Now 400 naming the field.',
    case: { ...admin, edits: [{ kind: 'set', field: 'name', text: deep(20_000) }] },
  },
  {
    route: 'PUT /api/stances/{id}',
    broke: '500 for deep nesting, as above, in a PUT.',
    case: { ...admin, edits: [{ kind: 'set', field: 'description', text: '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000) }] },
  },
  {
    route: 'PUT /api/statements/{id}',
    broke:
      'An unknown key named after an Object.prototype member (toString) was dropped silently and the PUT answered 200. Now 400 naming it.',
    case: { ...admin, edits: [{ kind: 'unknown', field: 'toString', text: '1' }] },
  },
  {
    route: 'POST /api/statements',
    broke:
      'type: null passed IsOptional and PostgreSQL refused the NOT NULL column: a 400 without errors. Now refused by validation, naming type.',
    case: { ...admin, edits: [{ kind: 'set', field: 'type', text: 'null' }] },
  },
  {
    route: 'POST /api/actors',
    broke: 'aliases: null, the same (NOT NULL text[]).',
    case: { ...admin, edits: [{ kind: 'set', field: 'aliases', text: 'null' }] },
  },
  {
    route: 'POST /api/statements',
    broke:
      '300 × "x\\uFE0F" passed MaxLength(300) (which skips variation selectors) and overflowed varchar(300): a 400 without errors. Now counted in code points.',
    case: { ...admin, edits: [{ kind: 'set', field: 'headline', text: JSON.stringify('x\ufe0f'.repeat(301)) }] },
  },
  {
    route: 'POST /api/statements',
    broke: 'date 2019-02-29 was accepted (edtf allows February 29 in any year) and stored as March 1.',
    case: { ...admin, edits: [{ kind: 'set', field: 'date', text: '"2019-02-29"' }] },
  },
  {
    route: 'POST /api/auth/login',
    broke: 'An email with NUL reached PostgreSQL ("invalid byte sequence for encoding UTF8: 0x00"): a 400 without errors.',
    case: { ...admin, edits: [{ kind: 'set', field: 'email', text: '"x\\u0000"' }] },
  },
  {
    route: 'PATCH /api/users/{id}',
    broke: 'displayName: null reached the NOT NULL column: a 400 without errors.',
    case: { ...admin, edits: [{ kind: 'set', field: 'displayName', text: 'null' }] },
  },
  {
    route: 'PUT /api/users/{id}',
    broke: 'The empty key given twice at the top was reported as "body" instead of naming "" (FUZZ_RUNS=150 hunt).',
    case: { ...admin, edits: [{ kind: 'duplicate', field: '', text: '1' }] },
  },
  {
    route: 'POST /api/sources/{id}/revisions/{revisionId}/restore',
    broke: 'The empty key ({"":1}) was reported as "body: must be a JSON object" instead of naming "".',
    case: { ...admin, edits: [{ kind: 'unknown', field: '', text: '1' }] },
  },
  {
    route: 'POST /api/users',
    broke:
      'email "a\\ud800" (a lone surrogate, as a JSON escape): a 500, URIError from validator\'s isEmail, which percent-encodes its input (FUZZ_RUNS=200 hunt). ' +
      'Now the body reader refuses a lone surrogate in any string of any body, naming its field.',
    case: { ...admin, edits: [{ kind: 'set', field: 'email', text: '"a\\ud800"' }] },
  },
  {
    route: 'POST /api/sources',
    broke: 'The same for url, whose validator (isURL) percent-encodes too.',
    case: { ...admin, edits: [{ kind: 'set', field: 'url', text: '"https://example.org/\\udc00"' }] },
  },
  {
    route: 'POST /api/statements',
    broke:
      'Not a server bug: quoteKind "" was stored as null (a nullable choice reads "" as no value, as optional texts do), and the model ' +
      'called it a value to refuse. The model now knows it; the document says it.',
    seed: 1248832569,
    path: '30:0:0',
    case: { ...admin, edits: [{ kind: 'set', field: 'quoteKind', text: '""' }] },
  },
  {
    route: 'POST /api/snapshots',
    broke:
      'Not a server bug: query "" (the list unfiltered: every statement) was frozen, and the model called it missing. The model knows it now.',
    seed: -1946218139,
    path: '25:0:0:1',
    case: { ...admin, forged: 'Bearer ', edits: [{ kind: 'set', field: 'query', text: '""' }] },
  },
  {
    route: 'POST /api/saved-queries',
    broke:
      'resource set to "timeline" on a statement query (speakerId=1&_sort=date): the server rightly named query._sort, which the model did not expect. Now the model knows query is read against resource (FIELDS_READ_AGAINST).',
    seed: 1004011015,
    case: {
      ...admin,
      edits: [
        { kind: 'set', field: 'resource', text: '"timeline"' },
        { kind: 'set', field: 'name', text: '"\\u0001"' },
      ],
    },
  },
  {
    route: 'PUT /api/statements/{id}',
    broke:
      "sources: [] sent back on a statement with an interpretation: the server rightly named interpretationSourceId (its source must be one the statement cites), which the model did not expect. Now the model reads a statement's fields by the server's STATEMENT_RULE_FIELDS. (CI, seed -699084464 per route; pick 1 is a seed statement with an interpretation.)",
    case: { ...admin, pick: 1, edits: [{ kind: 'set', field: 'sources', text: '[]' }] },
  },
  {
    route: 'PUT /api/statements/{id}',
    broke: 'The same rule for quotes, found by reading the rules: quote emptied on a statement with a quoteKind, refused naming quoteKind.',
    case: { ...admin, pick: 3, edits: [{ kind: 'set', field: 'quote', text: 'null' }] },
  },
];

export const QUERY_REGRESSIONS: Regression<QueryCase>[] = [
  {
    route: 'PUT /api/saved-queries/{id}',
    broke:
      "The owner's record (mine: true) sent back by an editor was refused with 400 naming mine, a field said of the reader. Now mine is ignored on writes (403: not the editor's).",
    case: { caller: 'editor', forged: 'Bearer', pick: 0, entries: [{ key: 'idx', name: 'idx', raw: ['%C3%28'] }] },
  },
  {
    route: 'POST /api/imports',
    broke:
      'An unknown option named __proto__ was written into a plain {} of errors, which set its prototype instead of a key: the import ran (201). Now 400 naming it.',
    seed: 1210802034,
    case: { ...admin, entries: [{ key: '__proto__', name: '__proto__', raw: [''] }] },
  },
  {
    route: 'POST /api/imports',
    broke: 'fileName=%00 reached PostgreSQL, which holds no NUL: a 400 with its message and no errors object naming fileName.',
    seed: 1038274260,
    path: '28:0:0',
    case: { ...admin, entries: [{ key: 'fileName', name: 'fileName', raw: ['%00'] }] },
  },
  {
    route: 'GET /api/stances',
    broke: 'score=01 (an integer filter) was read as 1; ids already refused leading zeros. Now plain digits everywhere, paging too.',
    seed: -152353823,
    path: '2:0:0:2',
    case: { ...admin, entries: [{ key: 'score', name: 'score', raw: ['01'] }] },
  },
  {
    route: 'GET /api/statements',
    broke: 'updated_gte with an offset past ±15:59 passed Date.parse and failed in PostgreSQL: a 500.',
    case: { ...admin, entries: [{ key: 'updated_gte', name: 'updated_gte', raw: ['9999-12-31T23%3A59%3A59-23%3A59'] }] },
  },
  {
    route: 'GET /api/revisions',
    broke: 'at_gte=2019-02-30 passed Date.parse; PostgreSQL refused it without naming the parameter.',
    case: { ...admin, entries: [{ key: 'at_gte', name: 'at_gte', raw: ['2019-02-30'] }] },
  },
  {
    route: 'GET /api/statements',
    broke: 'q=abc%FF was read as "abc\\uFFFD" by Node\'s querystring and searched for. Now 400 naming q.',
    case: { ...admin, entries: [{ key: 'q', name: undefined, raw: ['abc%FF'] }] },
  },
  {
    route: 'GET /api/actors',
    broke: '_order=deſc was upper-cased to DESC and accepted.',
    case: { ...admin, entries: [{ key: '_order', name: '_order', raw: ['de%C5%BFc'] }] },
  },
  {
    route: 'GET /api/revisions',
    broke: "A URL over 16 KB got Node's bare 431 without a body. Now the JSON error shape.",
    case: { ...admin, entries: [{ key: 'resource', name: 'resource', raw: Array(1500).fill('stances') }] },
  },
  {
    route: 'GET /api/timeline',
    broke: 'A cursor with a day that does not exist ("2019-02-30") reached PostgreSQL.',
    case: { ...admin, entries: [{ key: 'cursor', name: 'cursor', raw: ['WyIyMDE5LTAyLTMwIiwxLCJhc2MiXQ'] }] },
  },
];

export const PATH_REGRESSIONS: Regression<PathCase>[] = [
  {
    route: 'GET /api/statements/{id}',
    broke: '%C3%28 (not UTF-8): the router\'s "Failed to decode param" came out as a 400 without errors. Now it names the parameter.',
    case: { ...admin, choices: { id: { kind: 'garbage', raw: '%C3%28' } } },
  },
  {
    route: 'POST /api/statements/{id}/revisions/{revisionId}/restore',
    broke: 'revisionId "abc" was turned into NaN by the global ValidationPipe, and IdPipe named `id`.',
    case: { ...admin, choices: { id: { kind: 'known', pick: 0 }, revisionId: { kind: 'garbage', raw: 'abc' } } },
  },
  {
    route: 'DELETE /api/statements/{id}',
    broke: '"1e0" was turned into the number 1 by the global ValidationPipe: statement 1 was moved to the trash.',
    case: { ...admin, choices: { id: { kind: 'garbage', raw: '1e0' } } },
  },
];

export const RAW_BODY_REGRESSIONS: Regression<RawCase>[] = [
  {
    route: 'POST /api/actors',
    broke: 'Invalid UTF-8 was decoded to U+FFFD and stored (201). Now 400 naming body.',
    case: { ...admin, garbage: { kind: 'invalid-utf8', bytes: [0xff] } },
  },
  {
    route: 'POST /api/topics',
    broke: 'A key given twice: JSON.parse kept the last, silently. Now 400 naming the key.',
    case: { ...admin, garbage: { kind: 'duplicate', pick: 0, text: '"x"' } },
  },
  {
    route: 'PUT /api/users/{id}',
    broke: 'Content-Encoding br with bytes that are not brotli: a 400 "Bad Request" without errors.',
    case: { ...admin, garbage: { kind: 'content-encoding', value: 'br' } },
  },
  {
    route: 'POST /api/auth/password',
    broke: "charset=latin1: body-parser's 415 came out without errors.",
    case: { ...admin, garbage: { kind: 'content-type', value: 'application/json; charset=latin1' } },
  },
  {
    route: 'POST /api/statements',
    broke: '100,000 levels of nesting in an unknown field: a 500 (stack overflow) before the field was refused.',
    case: { ...admin, garbage: { kind: 'deep', depth: 100_000, array: true } },
  },
  {
    route: 'POST /api/auth/tokens',
    broke:
      'Found while fixing the lone surrogate: a truncated body holding one ({"a":"\\ud800") was refused naming "a" instead of as a body that is not JSON. ' +
      'A problem found part-way is now reported only when the whole body parses.',
    seed: -352109558,
    path: '17:0',
    case: { caller: 'admin', forged: 'Bearer ', pick: 0, garbage: { kind: 'text', text: '{"a":"\\ud800"' } },
  },
];
