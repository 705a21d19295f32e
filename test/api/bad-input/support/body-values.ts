import fc from 'fast-check';
import { deepJson, garbageJson, garbageNumberLiteral, garbageString, jsonString } from './garbage';
import { Schema } from './routes';

/*
 * Values for one body field, as JSON text, and the verdict on each: whether the API must refuse
 * it. The rules are the API's written contract (DESIGN.md, the OpenAPI schema, the field's own
 * format), not a copy of the server's code: `badValue` is true only where the contract leaves no
 * doubt; anything else may be accepted or refused, but never with a 5xx or an unnamed field.
 * Verdicts on references are taken when the request is sent, against the records that exist then.
 */

export const INT32_MAX = 2_147_483_647;
/** An id no record has. */
export const MISSING_ID = 2_000_000_000;

const codePoints = (s: string) => [...s].length;
const storable = (s: string) => !s.includes('\u0000') && s.isWellFormed();
/** A day that exists (setUTCFullYear, unlike Date.UTC, keeps years below 100 as given). */
export const isCalendarDay = (y: number, m: number, d: number) => {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
const isCalendarDate = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
};

/** Formats the schema does not spell out, by field name: what is certainly bad, and samples of good. */
interface Format {
  bad: (s: string) => boolean;
  good: string[];
  tricky: string[];
}
const FORMATS: Record<string, Format> = {
  // EDTF levels 0–1, years 1–9999, days that exist, no time of day, an interval that ends after it begins.
  date: {
    bad: (s) =>
      [
        '',
        ' ',
        '2019-02-30',
        '2019-02-29',
        '2019-04-31',
        '2019-13',
        '2019-00',
        '2019-13-01',
        'Y170000002',
        'Y-170000002',
        '-0000',
        '0000',
        '../..',
        '2019-01-01T25:00',
        '2019-01-01T10:00',
        'XXXX',
        '2019-01/2018-01',
        '10000',
        '-2019',
        'abc',
        '2019-1-14',
        ' 2019',
        '2019 ',
        '２０１９',
      ].includes(s) || codePoints(s) > 100,
    good: [
      '2019-01-14',
      '2019-06',
      '2019',
      '2018-23',
      '2019-06?',
      '2018~',
      '201X',
      '2019-01/2019-06',
      '1985?/..',
      '../2019',
      '2020-02-29',
      '2019-01-14%',
    ],
    tricky: [
      '2019-02-30',
      '2019-02-29',
      '2019-04-31',
      '2019-13',
      'Y170000002',
      '-0000',
      '../..',
      '2019-01-01T25:00',
      '2019-01/2018-01',
      '0000',
    ],
  },
  publishedOn: {
    bad: (s) => s !== '' && !isCalendarDate(s),
    good: ['2019-01-14', '2020-02-29', '0001-01-01', '9999-12-31', ''],
    tricky: ['2019-02-30', '0000-01-01', '2019-1-1', '2019-01-14T00:00:00Z'],
  },
  // Optional text fields take '' as "no value" (stored as null), as publishedOn and language do.
  country: { bad: (s) => s !== '' && !/^[A-Z]{2}$/.test(s), good: ['JP', 'RU', 'US', ''], tricky: ['ru', 'RUS', 'XX', 'R', ''] },
  wikidataId: {
    bad: (s) => s !== '' && !/^Q[1-9]\d{0,15}$/.test(s),
    good: ['Q42', 'Q9999999999999999', ''],
    tricky: ['Q0', 'q42', 'Q', 'Q99999999999999999', 'P42'],
  },
  color: {
    bad: (s) => s !== '' && !/^#[0-9A-Fa-f]{6}$/.test(s),
    good: ['#c62828', '#ABCDEF', ''],
    tricky: ['c62828', '#c6282', '#gggggg', 'red', '#c628281'],
  },
  url: {
    bad: (s) =>
      ['javascript:alert(1)', 'ftp://example.org', 'example.org', 'not a url', 'http://', '//example.org'].includes(s) ||
      codePoints(s) > 2048,
    good: ['https://example.org/a?b=c', 'http://example.org'],
    tricky: ['javascript:alert(1)', 'ftp://example.org', 'example.org', 'http://', 'https://example.org/' + 'a'.repeat(2100)],
  },
  quoteLanguage: {
    bad: (s) => ['e', '123', 'en_US', 'en-', '-en', 'en--US', 'abcdefghi'].includes(s),
    good: ['en', 'ja', 'ru', 'zh-Hant', ''],
    tricky: ['e', 'en_US', 'en--US', 'abcdefghi', 'xx-XX-xx'],
  },
  // A statement list's query string (snapshots, saved queries): '' is the list unfiltered, a valid query; what the list's
  // parser refuses (an unknown filter) cannot be told here, so nothing is demanded beyond the length.
  query: {
    bad: () => false,
    good: ['', 'speakerId=1&_sort=date&_order=ASC'],
    tricky: ['colour=red', '_start=0', 'date_gte=2019-02-30', '?'],
  },
  email: {
    bad: (s) => ['', 'not an email', '@', 'a@', '@b.c', 'a@b', 'a b@c.de'].includes(s),
    good: ['someone.new@test.example'],
    tricky: ['a@b', 'a b@c.de', '@'],
  },
};
FORMATS.accessedOn = FORMATS.publishedOn;
FORMATS.archiveUrl = FORMATS.url;
FORMATS.language = FORMATS.quoteLanguage;

/** Whether a string must be refused by a text field with this schema. */
function badText(name: string, schema: Schema, required: boolean, s: string): boolean {
  // A password is a secret, never stored or searched as text: any characters count.
  if (/password/i.test(name)) return schema.minLength !== undefined && s.length < schema.minLength;
  if (!storable(s)) return true;
  // Sign-in takes any text (a wrong address is a 401, as a wrong password is).
  if (name.startsWith('login.')) return false;
  if (schema.maxLength !== undefined && codePoints(s) > schema.maxLength) return true;
  // A nullable choice takes '' as "no value" too (stored as null): a form's empty option sends it.
  if (schema.enum) return !schema.enum.includes(s) && !(s === '' && schema.nullable && !required);
  if (FORMATS[name]) return FORMATS[name].bad(s);
  if (schema.minLength !== undefined && s.length < schema.minLength) return true;
  // A required text must say something: empty or blank is missing.
  return required && s.trim() === '';
}

const isReference = (name: string) => /Ids?$/.test(name);

/** Ids of the records a reference may point to: live ones, and all (trashed ones too). */
export interface References {
  live: Set<number>;
  all: Set<number>;
}

/** Whether a number must be refused by an integer or number field. */
function badNumber(name: string, schema: Schema, n: number, refs: References): boolean {
  if (!Number.isFinite(n)) return true;
  if (schema.type === 'integer' || isReference(name)) {
    if (!Number.isInteger(n)) return true;
    if (n > (schema.maximum ?? INT32_MAX)) return true;
  }
  if (schema.minimum !== undefined && n < schema.minimum) return true;
  if (schema.maximum !== undefined && n > schema.maximum) return true;
  // A reference to no record at all; one to a live record may still be refused (a reply to itself).
  return isReference(name) && !refs.all.has(n);
}

/** The verdict for any JSON value in a field of this schema. */
export function badValue(name: string, schema: Schema, required: boolean, value: unknown, refs: References, format = name): boolean {
  if (value === null) {
    // null is "no value": refused where the field is required or not nullable (lists included).
    return required || !schema.nullable;
  }
  switch (schema.type) {
    case 'string':
      return typeof value !== 'string' || badText(format, schema, required, value);
    case 'integer':
    case 'number':
      return typeof value !== 'number' || badNumber(name, schema, value, refs);
    case 'boolean':
      return typeof value !== 'boolean';
    case 'array': {
      if (!Array.isArray(value)) return true;
      if (schema.maxItems !== undefined && value.length > schema.maxItems) return true;
      if (isReference(name) && new Set(value).size !== value.length) return true;
      const item = schema.items ?? {};
      return value.some((v) => v === null || badValue(name, item, true, v, refs, format) || (item.type === 'string' && v === ''));
    }
    default:
      return false;
  }
}

/** Values of the field's own type near and past its limits, and samples of good ones. */
function typedCandidates(name: string, format: string, schema: Schema, known: number[]): fc.Arbitrary<string> {
  const limit = schema.maxLength ?? 300;
  const texts = fc.oneof(
    fc.constantFrom(...(FORMATS[format]?.good ?? ['Fuzz', 'Сергей Лавров', '河野太郎']), ...(FORMATS[format]?.tricky ?? [])),
    fc.constantFrom(...(schema.enum ?? ['x'])),
    // A nullable enum lists null among its values: only its texts can be misspelled.
    fc.constantFrom(
      ...(schema.enum ?? ['x']).flatMap((v) => (v === null ? [] : [v.toUpperCase(), ` ${v}`, `${v}\u0000`, v.replace(/s/g, 'ſ')])),
    ),
    fc.constantFrom(limit, limit + 1, limit + 10).chain((n) => fc.constantFrom('x', 'x\ufe0f', '🙂', ' ').map((u) => u.repeat(n))),
    fc.constantFrom('', ' ', '\t\n', '\u3000', '\u0000', 'a\ud800', '\ufeff'),
  );
  const ids = fc.oneof(fc.constantFrom(...(known.length ? known : [1])), fc.constantFrom(0, -1, MISSING_ID, INT32_MAX, INT32_MAX + 1, 1.5));
  switch (schema.type) {
    case 'string':
      return texts.map(jsonString);
    case 'integer':
    case 'number':
      return fc.oneof(
        isReference(name) ? ids.map(String) : fc.integer({ min: (schema.minimum ?? 0) - 3, max: (schema.maximum ?? 10) + 3 }).map(String),
        garbageNumberLiteral,
      );
    case 'boolean':
      return fc.constantFrom('true', 'false', '"true"', '1', '0');
    case 'array': {
      const item = schema.items?.type === 'string' ? texts.map(jsonString) : ids.map(String);
      const many = fc
        .integer({ min: (schema.maxItems ?? 10) - 1, max: (schema.maxItems ?? 10) + 2 })
        .map((n) => `[${Array.from({ length: n }, (_, i) => (isReference(name) ? String(i + 1) : jsonString(`x${i}`))).join(',')}]`);
      return fc.oneof(
        fc.array(item, { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
        many,
        fc.constantFrom('[1,1]', '["1"]', '[[1]]', '[null]', '"1,2"', '[""]'),
      );
    }
    default:
      return garbageJson;
  }
}

/**
 * Any value for the field as JSON text: its own type near and past its limits, or garbage.
 * `format` names the field's format rule (FORMATS) where it differs from its name.
 */
export function fieldValue(name: string, schema: Schema | undefined, knownIds: number[], format = name): fc.Arbitrary<string> {
  if (!schema) return garbageJson;
  return fc.oneof(
    { weight: 4, arbitrary: typedCandidates(name, format, schema, knownIds) },
    { weight: 3, arbitrary: garbageJson },
    { weight: 1, arbitrary: garbageString.map(jsonString) },
    { weight: 1, arbitrary: deepJson },
    { weight: 1, arbitrary: fc.constant('null') },
  );
}

/** The verdict on a field's JSON text (text that is not JSON is refused with the body). */
export function badFieldText(
  name: string,
  schema: Schema | undefined,
  required: boolean,
  text: string,
  refs: References,
  format = name,
): boolean {
  if (!schema) return false; // a read-only field (id, createdAt, …): accepted and ignored
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return true;
  }
  return badValue(name, schema, required, value, refs, format);
}
