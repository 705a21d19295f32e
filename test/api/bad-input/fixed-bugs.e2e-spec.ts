import { gzipSync } from 'node:zlib';
import { FuzzApp, RawRequest, startFuzzApp } from './support/fuzz-app';

/*
 * One focused test per server bug the bad-input fuzzer found (its counterexamples replay in
 * regressions.ts). Each says what the server did before, and checks what it does now: a 4xx
 * that names the field, and nothing stored.
 */

let app: FuzzApp;
let admin: string;
let speakerId: number;
beforeAll(async () => {
  app = await startFuzzApp();
  admin = (await app.authorization('admin'))!;
  speakerId = app.known.actors[0];
}, 60_000);
afterAll(() => app?.close());

interface Answer {
  status: number;
  body: { statusCode?: number; errors?: Record<string, string>; [key: string]: unknown };
}

async function send(request: RawRequest): Promise<Answer> {
  const res = await app.send({ ...request, headers: { Authorization: admin, ...request.headers } });
  return { status: res.status, body: JSON.parse(res.text) };
}
const json = (method: string, path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  send({ method, path, body: Buffer.from(body), headers: { 'Content-Type': 'application/json', ...headers } });
const statement = (fields: string) => `{"date":"2019-01-14","headline":"Fixed bug","speakerId":${speakerId}${fields}}`;

/** Runs a request and checks that it changed no table. */
async function unchanged(run: () => Promise<Answer>): Promise<Answer> {
  const before = await app.checksums();
  const answer = await run();
  expect(await app.checksums()).toEqual(before);
  return answer;
}

describe('bodies', () => {
  it.each([
    // 500 "Maximum call stack size exceeded" in class-transformer.
    [
      'nesting 20,000 levels deep (was a 500)',
      () => statement(`,"topicIds":${'['.repeat(20_000)}1${']'.repeat(20_000)}`),
      400,
      { topicIds: /nested more than 64 levels/ },
    ],
    // JSON.parse keeps the last: the request said two things and the server picked one silently.
    ['a key given twice (the last won)', () => statement(`,"speakerId":${speakerId}`), 400, { speakerId: /given twice/ }],
    // Nest's ValidationPipe strips these keys before validating: unknown fields went unnoticed.
    ['__proto__ (dropped silently)', () => statement(',"__proto__":{"headline":5}'), 400, { ['__proto__']: /not a field/ }],
    ['toString (dropped silently)', () => statement(',"toString":1'), 400, { toString: /not a field/ }],
    // IsOptional let null through to NOT NULL columns: a 400 from PostgreSQL naming no field.
    ['type: null (PostgreSQL refused it, unnamed)', () => statement(',"type":null'), 400, { type: /must be one of/ }],
    [
      'participantIds: null (read as an empty list)',
      () => statement(',"participantIds":null'),
      400,
      { participantIds: /must be an array/ },
    ],
    // class-validator's MaxLength skips variation selectors; varchar(300) counts them.
    [
      '300 × "x\\uFE0F" (overflowed varchar(300), unnamed)',
      () => statement(`,"headline":${JSON.stringify('x\ufe0f'.repeat(300))}`).replace('"headline":"Fixed bug",', ''),
      400,
      { headline: /at most 300 characters/ },
    ],
    [
      'a blank headline (stored)',
      () => statement(',"headline":"  \\u3000 "').replace('"headline":"Fixed bug",', ''),
      400,
      { headline: /must not be empty/ },
    ],
    // edtf's grammar has a 29 February in every year; it was stored as 1 March.
    [
      '2019-02-29 (stored as March 1)',
      () => statement('').replace('2019-01-14', '2019-02-29'),
      400,
      { date: /does not exist: 2019-02 has 28 days/ },
    ],
  ])('POST /api/statements with %s', async (_label, body, status, errors) => {
    // The bodies are built when the test runs: the speaker's id is known only then.
    const answer = await unchanged(() => json('POST', '/api/statements', body()));
    expect(answer.status).toBe(status);
    for (const [field, reason] of Object.entries(errors)) expect(answer.body.errors?.[field]).toMatch(reason);
  });

  it('takes 300 emoji as 300 characters', async () => {
    const answer = await json(
      'POST',
      '/api/statements',
      statement(`,"headline":${JSON.stringify('🙂'.repeat(300))}`).replace('"headline":"Fixed bug",', ''),
    );
    expect(answer.status).toBe(201);
  });

  it.each([
    // Read as U+FFFD and stored.
    [
      'bytes that are not UTF-8',
      Buffer.concat([Buffer.from('{"name":"A'), Buffer.from([0xff]), Buffer.from('"}')]),
      {},
      400,
      /not valid UTF-8/,
    ],
    // Parsed by the urlencoded reader Nest adds, into a field named after the whole JSON text.
    ['a form body', '{"name":"A"}', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415, /application\/json/],
    ['a text body', '{"name":"A"}', { 'Content-Type': 'text/plain' }, 415, /application\/json/],
    // 415 without `errors`.
    ['an unknown charset', '{"name":"A"}', { 'Content-Type': 'application/json; charset=latin1' }, 415, /charset/],
    ['UTF-16', '{"name":"A"}', { 'Content-Type': 'application/json; charset=utf-16' }, 415, /UTF-8/],
    // 400 "Bad Request" without `errors`.
    ['gzip that is not gzip', '{"name":"A"}', { 'Content-Encoding': 'gzip' }, 400, /Content-Encoding/],
    ['brotli that is not brotli', '{"name":"A"}', { 'Content-Encoding': 'br' }, 400, /Content-Encoding/],
  ])('POST /api/actors with %s: refused as a whole', async (_label, body, headers, status, reason) => {
    const answer = await unchanged(() => json('POST', '/api/actors', body, headers));
    expect(answer.status).toBe(status);
    expect(answer.body.errors?.body).toMatch(reason);
  });

  it('still reads gzip that is gzip', async () => {
    const answer = await json('POST', '/api/actors', gzipSync(Buffer.from('{"name":"Gzipped"}')), { 'Content-Encoding': 'gzip' });
    expect(answer.status).toBe(201);
  });

  it('PATCH with null for a list or an account field (ignored, or refused by PostgreSQL unnamed)', async () => {
    const [id] = app.known.statements;
    const { version } = (await app.t.http().get(`/api/statements/${id}`).expect(200)).body;
    expect((await unchanged(() => json('PATCH', `/api/statements/${id}`, `{"version":${version},"topicIds":null}`))).body.errors).toEqual({
      topicIds: 'topicIds must not be null',
    });
    const user = app.known.users[0];
    expect((await unchanged(() => json('PATCH', `/api/users/${user}`, '{"displayName":null}'))).body.errors).toEqual({
      displayName: 'displayName must not be null',
    });
  });

  it('sign-in with a NUL in the address (PostgreSQL refused it, unnamed)', async () => {
    const answer = await json('POST', '/api/auth/login', '{"email":"a\\u0000@test.example","password":"x"}');
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.errors ?? {})).toEqual(['email']);
  });

  it.each([
    // URIError from validator's isEmail / isURL, which percent-encode their input: a 500.
    ['/api/users', '{"email":"a\\ud800","displayName":"Lone Surrogate","role":"viewer"}', 'email'],
    ['/api/sources', '{"title":"Lone surrogate","url":"https://example.org/\\udc00"}', 'url'],
    // Refused before by each text field's own validator; now by the body reader, for every string.
    ['/api/actors', '{"name":"Lone \\ud800 surrogate","aliases":["ok","\\udfff"]}', 'name'],
    ['/api/topics', '{"name":"Topic","description":"a \\udbff\\u0041"}', 'description'],
  ])('POST %s with a lone surrogate (\\uD800–\\uDFFF escape) in %s', async (path, body, field) => {
    const answer = await unchanged(() => json('POST', path, body));
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual({ [field]: expect.stringMatching(/valid Unicode text: it holds an unpaired surrogate/) });
  });

  it('keeps a surrogate pair written as escapes: one emoji, stored', async () => {
    const answer = await json('POST', '/api/topics', '{"name":"Pair \\ud83d\\ude00"}');
    expect(answer.status).toBe(201);
    expect(answer.body.name).toBe('Pair 😀');
  });

  it('a revert body with the empty key (named "body")', async () => {
    const [id] = app.known.actors;
    const [revision] = app.known.revisions[`actors/${id}`];
    const answer = await unchanged(() => json('POST', `/api/actors/${id}/revisions/${revision}/restore`, '{"":1}'));
    expect(answer.body.errors).toEqual({ '': 'is not a field of this request (only version)' });
  });

  it('If-Match past 32 bits (PostgreSQL: integer out of range, unnamed)', async () => {
    const [id] = app.known.topics;
    const answer = await unchanged(() => json('PATCH', `/api/topics/${id}`, '{"description":"x"}', { 'If-Match': '"9999999999"' }));
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.errors ?? {})).toEqual(['version']);
  });
});

describe('path parameters', () => {
  it.each([
    // The router's "Failed to decode param" came out as a 400 without `errors`.
    ['GET', '/api/statements/%C3%28', 'id'],
    ['DELETE', '/api/trash/%FF/1', 'resource'],
    ['POST', '/api/statements/1/revisions/%E0%80%80/restore', 'revisionId'],
    // The global ValidationPipe turned "abc" into NaN first, and IdPipe named `id` for any parameter.
    ['POST', '/api/statements/1/revisions/abc/restore', 'revisionId'],
    // …and turned "1e0", "01" or "+1" into the id 1: these reached statement 1.
    ['GET', '/api/statements/1e0', 'id'],
    ['GET', '/api/statements/01', 'id'],
    ['DELETE', '/api/statements/+1', 'id'],
    ['GET', '/api/statements/0x1', 'id'],
  ])('%s %s is refused naming %s', async (method, path, field) => {
    const answer = await unchanged(() => send({ method, path }));
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.errors ?? {})).toEqual([field]);
    expect(answer.body.errors?.[field]).not.toMatch(/NaN|Infinity/);
  });
});

describe('query strings', () => {
  it.each([
    // Read as U+FFFD by Node's querystring, and searched for.
    ['/api/statements?q=Lavrov%FF', 'q'],
    // Node's querystring stops after 1,000 pairs: the 1,001st id was dropped and the rest answered.
    ['/api/statements?id=1&…&id=1001', 'id', `/api/statements?${Array.from({ length: 1001 }, (_, i) => `id=${i + 1}`).join('&')}`],
    // Date.parse took these; PostgreSQL then refused them without naming the parameter…
    ['/api/statements?updated_gte=2019-02-30', 'updated_gte'],
    ['/api/revisions?at_gte=0000-01-01', 'at_gte'],
    // …or, past ±15:59, with a 500.
    ['/api/statements?updated_gte=9999-12-31T23:59:59-23:59', 'updated_gte'],
    // "deſc".toUpperCase() is "DESC".
    ['/api/statements?_order=de%C5%BFc', '_order'],
    // A made-up cursor with a day that does not exist reached PostgreSQL.
    [`/api/timeline?cursor=${Buffer.from('["2019-02-30",1,"asc"]').toString('base64url')}`, 'cursor'],
  ])('%s is refused naming %s', async (label, field, path = label) => {
    const answer = await send({ method: 'GET', path });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.errors ?? {})).toEqual([field]);
  });

  it('a URL too long for Node to read gets the JSON error shape (it was a bare 431)', async () => {
    const res = await app.send({ method: 'GET', path: `/api/statements?q=${'x'.repeat(20_000)}` });
    expect(res.status).toBe(431);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(res.text)).toMatchObject({
      statusCode: 431,
      error: 'Request Header Fields Too Large',
      message: expect.stringMatching(/too large/),
    });
  });
});
