import fc from 'fast-check';

/*
 * Generic garbage: the strings, numbers and encodings every field and parameter is hit with.
 * Each generator says what it produces; whether a value is invalid for a given field is
 * decided where the field is known (schema-values.ts, query-values.ts, path-values.ts).
 */

/** Strings that broke or could break parsers, SQL, full-text search and date handling. */
export const NASTY_STRINGS = [
  // SQL
  '1 OR 1=1',
  '1;DROP TABLE statements',
  "' OR ''='",
  '1); DELETE FROM statements;--',
  'id;--',
  "'; SELECT pg_sleep(5);--",
  'id DESC, (SELECT 1)',
  'CAST(1 AS text)',
  '$1',
  ':id',
  '%',
  '_',
  '%%',
  '\\',
  "'",
  '"',
  '`',
  '--',
  '/*',
  '*/',
  // tsquery operators and LIKE wildcards
  '!&|():*',
  'a & !b',
  'foo:*',
  '(',
  ')',
  "''",
  'a:*B',
  "\\'",
  'a <-> b',
  'a:A',
  '!!!',
  '&&',
  '||',
  // EDTF and date trickery
  '2019-02-30',
  '2019-13',
  '2019-00',
  '2019-13-01',
  'Y170000002',
  'Y-170000002',
  '-0000',
  '0000',
  '1985?/..',
  '../..',
  '2019-01-01T25:00',
  '2019-01-01T10:00:00Z',
  '',
  ' ',
  '  2019',
  '2019 ',
  'XXXX',
  'XXXX-XX',
  '2019-02-29',
  '201X-1X',
  '2018-25',
  '2019-01/2018-01',
  '2019/',
  '/2019',
  '9999-12-31',
  '10000',
  '2019-06?~%',
  '{2019,2020}',
  '[2019..2020]',
  '2019-01-01/2019-01-01/2019-01-01',
  '\u0032\u0030\u0031\u0039',
  '２０１９',
  '2019‐01‐14',
  // numbers as text
  '0',
  '-1',
  '-0',
  '1.5',
  '1e3',
  '1e309',
  '-1e309',
  '0x1A',
  '0b1',
  '0o7',
  '+1',
  '01',
  '00',
  ' 1',
  '1 ',
  '1_000',
  '2147483648',
  '99999999999999999999',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  'false',
  '[]',
  '{}',
  '1,2',
  '1 2',
  // prototype and JavaScript words
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  // Unicode: scripts, control and format characters, NUL, lone surrogates, lookalikes
  'Сергей Лавров',
  '河野太郎',
  '安倍晋三',
  '🙂',
  '👩‍👩‍👧',
  '\u202eabc',
  '\ufeff',
  'e\u0301',
  '\u200b',
  '\u00a0',
  '\u3000',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'a\ud800b',
  '\ufffd',
  '\u0085',
  '\u2028',
  '\t',
  '\n',
  '\r\n',
  'ſ',
  'ı',
  'K',
  // HTML and template injection
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '=1+1',
  '@SUM(A1)',
];

const longString = fc
  .tuple(fc.constantFrom('x', 'é', '河', '🙂', 'a ', '\u0000', ' '), fc.integer({ min: 200, max: 12_000 }))
  .map(([unit, count]) => unit.repeat(count));

/** Any string, weighted towards the nasty ones. */
export const garbageString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: longString },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY_STRINGS), fc.constantFrom(...NASTY_STRINGS)).map(([a, b]) => a + b) },
);

/** Numbers as JSON number literals, including ones JavaScript reads as Infinity, -0 or rounds. */
export const garbageNumberLiteral: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '0',
    '-0',
    '-1',
    '1.5',
    '0.1',
    '1e308',
    '-1e308',
    '1e309',
    '-1e309',
    '1e-400',
    '2147483648',
    '2147483647',
    '-2147483649',
    '9007199254740993',
    '1e21',
    '123456789012345678901234567890',
    '1.0',
    '1E0',
    '3',
    '-2',
    '2',
    '-3',
  ),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
);

/** `[[[…1…]]]` or `{"a":{"a":…}}` as JSON text, from a few to a hundred thousand levels. */
export const deepJson: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('array', 'object'), fc.oneof(fc.integer({ min: 2, max: 200 }), fc.constantFrom(1_000, 5_000, 20_000, 100_000)))
  .map(([kind, depth]) =>
    kind === 'array' ? '['.repeat(depth) + '1' + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
  );

/** A JSON string literal as text: `JSON.stringify` escapes NUL and lone surrogates (`"\u0000"`, `"\ud800"`). */
export const jsonString = (value: string) => JSON.stringify(value);

/** Any JSON value as text: wrong types for any field, nested garbage, prototype keys. */
export const garbageJson: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: garbageString.map(jsonString) },
  { weight: 3, arbitrary: garbageNumberLiteral },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'true',
      'false',
      'null',
      '[]',
      '{}',
      '[null]',
      '[[]]',
      '{"__proto__":{"isAdmin":true}}',
      '{"constructor":{"prototype":{}}}',
    ),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 1, arbitrary: fc.array(garbageString, { maxLength: 5 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: deepJson },
);

/** Percent-encoding that is not UTF-8, or not percent-encoding at all. */
export const MALFORMED_ENCODINGS = [
  '%C3%28',
  '%FF',
  '%FE%FF',
  '%E0%80%80',
  '%C0%AF',
  '%C0%80',
  '%ED%A0%80',
  '%F4%90%80%80',
  '%80',
  '%',
  '%2',
  '%zz',
  '%%',
  '%G0',
  'a%FFb',
  '%E2%82',
  '%F0%9F%98',
];

/** Percent-encodes every character that may not appear raw in a URL's path or query. */
export const encode = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'));

/**
 * A string as it could appear in a URL: properly encoded, or with raw characters that are
 * legal in URLs but meaningful to parsers (`'`, `;`, `(`, `*`), or malformed encodings.
 * `decoded` is what a correct URL decoder reads, undefined when the text cannot be decoded.
 */
export interface UrlText {
  raw: string;
  decoded: string | undefined;
}

export function decodeUrlText(raw: string, plusIsSpace: boolean): string | undefined {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replace(/\+/g, ' ') : raw);
  } catch {
    return undefined;
  }
}

export const urlText = (plusIsSpace: boolean): fc.Arbitrary<UrlText> =>
  fc
    .oneof(
      { weight: 6, arbitrary: garbageString.map(encode) },
      { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_ENCODINGS) },
      { weight: 1, arbitrary: fc.tuple(garbageString.map(encode), fc.constantFrom(...MALFORMED_ENCODINGS)).map(([a, b]) => a + b) },
      { weight: 1, arbitrary: fc.constantFrom("1'", '1;DROP', '(1)', '*', "!'()*", '1%00', '%00', '%2F', '..', '.', '%2E%2E', '~') },
    )
    .map((raw) => ({ raw, decoded: decodeUrlText(raw, plusIsSpace) }));
