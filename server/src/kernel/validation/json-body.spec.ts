import { isUtf8 } from 'node:buffer';
import { BodyError, jsonStructureErrors, MAX_JSON_DEPTH, verifyJsonBody } from './json-body';

const UNPAIRED = 'must be valid Unicode text: it holds an unpaired surrogate (a \\uD800–\\uDFFF escape without its pair)';
const nested = (depth: number) => '['.repeat(depth) + '1' + ']'.repeat(depth);
const verify =
  (body: Buffer | string, encoding = 'utf-8') =>
  () =>
    verifyJsonBody({} as never, {} as never, Buffer.from(body), encoding);

describe('jsonStructureErrors', () => {
  it.each([
    ['{"a":1,"a":2}', { a: 'is given twice in the same JSON object' }],
    ['{"a":1,"\\u0061":2}', { a: 'is given twice in the same JSON object' }],
    ['{"x":[{"b":1},{"b":1,"b":2}]}', { 'x.1.b': 'is given twice in the same JSON object' }],
    ['{"x":{"y":{"":1,"":2}}}', { 'x.y.': 'is given twice in the same JSON object' }],
    // Found by the bad-input fuzzer: the empty key at the top was reported as "body".
    ['{"a":1,"":1,"":1}', { '': 'is given twice in the same JSON object' }],
    [`{"ok":1,"deep":${nested(MAX_JSON_DEPTH)}}`, { deep: `is nested more than ${MAX_JSON_DEPTH} levels deep` }],
    [nested(100_000), { body: `is nested more than ${MAX_JSON_DEPTH} levels deep` }],
    // Found by the bad-input fuzzer: class-validator's IsEmail threw URIError on "a\ud800" (a 500).
    ['{"email":"a\\ud800"}', { email: UNPAIRED }],
    ['{"a":"ok","list":["x","\\uDFFFy"]}', { 'list.1': UNPAIRED }],
    ['{"a":{"\\ud83d":1}}', { 'a.\ud83d': UNPAIRED }],
    ['{"":"\\udbff"}', { '': UNPAIRED }],
    ['"\\ud800"', { body: UNPAIRED }],
  ])('%s', (text, errors) => {
    expect(jsonStructureErrors(text)).toEqual(errors);
  });

  it.each([
    '{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}',
    '{"a":"{\\"a\\":1,\\"a\\":2}","b":"[[[[","c":"\\\\"}',
    `{"deep":${nested(MAX_JSON_DEPTH - 1)}}`,
    '[{"a":1},{"a":2}]',
    // A surrogate pair, written as escapes or as UTF-8, and an escaped backslash before "ud800".
    '{"a":"\\ud83d\\ude00","b":"😀","c":"\\\\ud800"}',
    // Not JSON at all: JSON.parse reports it, with its own message.
    '{"a":1,"b"',
    '{"a":"unterminated',
    // Found by the bad-input fuzzer: a truncated body is not JSON, whatever else it holds.
    '{"a":"\\ud800"',
    '{"a":1,"a":2',
    '}}}',
  ])('finds nothing wrong with %s', (text) => {
    expect(jsonStructureErrors(text)).toBeUndefined();
  });
});

describe('verifyJsonBody', () => {
  it('refuses bytes that are not UTF-8, which would be read as U+FFFD and stored', () => {
    const body = Buffer.concat([Buffer.from('{"name":"A'), Buffer.from([0xff]), Buffer.from('"}')]);
    expect(isUtf8(body)).toBe(false);
    expect(verify(body)).toThrow(expect.objectContaining({ status: 400, fieldErrors: { body: 'is not valid UTF-8' } }));
  });

  it('refuses JSON in another charset with 415', () => {
    expect(verify('{"name":"A"}', 'utf-16le')).toThrow(BodyError);
    expect(verify('{"name":"A"}', 'utf-16le')).toThrow(expect.objectContaining({ status: 415, type: 'entity.verify.failed' }));
  });

  it('lets well-formed JSON through', () => {
    expect(verify('{"name":"Сергей Лавров","aliases":["河野太郎"]}')).not.toThrow();
  });
});
