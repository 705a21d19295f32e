import fc from 'fast-check';
import { decodeUrlText, encode, garbageString, MALFORMED_ENCODINGS } from './garbage';
import { Schema } from './routes';
import { isCalendarDay } from './body-values';
import { EXPORT_COLUMN_NAMES } from '../../../../server/src/exports/export-columns';

/*
 * Query parameters: values for each parameter the OpenAPI document lists (of its own type
 * and garbage), unknown keys, repeated keys, and the verdict on each as the list protocol
 * (DESIGN.md) defines it.
 */

/** One `key=value` pair as sent: both already percent-encoded, garbage encodings included. */
export type RawPair = [string, string];

const INTEGER = /^(0|-?[1-9]\d{0,9})$/;
const INT32_MAX = 2_147_483_647;
const MAX_OFFSET = 100_000_000;
const MAX_PAGE = 1000;
const MAX_VALUES = 1000;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a day that exists, year 1–9999. */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  return !!m && isCalendarDay(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1));
}

/** An ISO 8601 date or date-time that exists: hours 00–23, an offset within ±14:00. */
export function isIsoInstant(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|([+-])(\d{2}):?(\d{2}))?)?$/.exec(s);
  if (!m || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return false;
  if (m[9] !== undefined && (Number(m[10]) > 59 || Number(m[9]) * 60 + Number(m[10]) > 14 * 60)) return false;
  return true;
}

/** A timeline cursor is `[dateStart, id, order]` as base64url JSON; a made-up one may pass if it could have been issued. */
function badCursor(text: string): boolean {
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return true;
  }
  if (!Array.isArray(cursor) || cursor.length !== 3) return true;
  const [day, id] = cursor;
  return (
    typeof day !== 'string' ||
    !(/^-?infinity$/.test(day) || (/^\d{4}-\d{2}-\d{2}$/.test(day) && isIsoDay(day))) ||
    !Number.isInteger(id) ||
    id < 1 ||
    id > INT32_MAX
  );
}

/** What the protocol certainly refuses for a parameter given these values (already decoded). */
export function badQueryValues(
  name: string,
  schema: Schema,
  values: (string | undefined)[],
  columnNames: readonly string[] = EXPORT_COLUMN_NAMES,
): boolean {
  if (values.some((v) => v === undefined || v.includes('\u0000') || !v.isWellFormed())) return true;
  const texts = values as string[];
  const once = texts.length === 1 ? texts[0] : undefined;
  if (schema.type === 'array') {
    if (texts.length > MAX_VALUES) return true;
    const item = schema.items ?? {};
    // Integers in plain digits (ids from 1, scores from -2), within the schema's bounds.
    if (item.type === 'integer')
      return texts.some((v) => !INTEGER.test(v) || Number(v) < (item.minimum ?? 1) || Number(v) > (item.maximum ?? INT32_MAX));
    if (item.enum) return texts.some((v) => !item.enum!.includes(v));
    if (item.pattern) return texts.some((v) => !new RegExp(item.pattern!).test(v));
    return false;
  }
  // Columns repeated read as one list (columns=a&columns=b is a,b).
  if (name === 'columns') {
    const columns = texts
      .join(',')
      .split(',')
      .map((c) => c.trim());
    return columns.some((c) => !columnNames.includes(c)) || new Set(columns).size !== columns.length;
  }
  // Everything else is given once.
  if (once === undefined) return true;
  if (name === '_order') return !/^(ASC|DESC)$/i.test(once);
  if (schema.enum) return !schema.enum.includes(once);
  if (schema.type === 'integer') {
    if (!/^(0|[1-9]\d*)$/.test(once)) return true;
    const n = Number(once);
    return n < (schema.minimum ?? 0) || n > (schema.maximum ?? MAX_OFFSET);
  }
  if (schema.format === 'date-time') return !isIsoInstant(once);
  if (name.startsWith('date_')) return !isIsoDay(once);
  if (name === 'q') return once.trim() === '' || [...once].length > (schema.maxLength ?? 200);
  if (name === 'cursor') return badCursor(once);
  return false;
}

/** `_start` and `_end` together: a page is at most 1000 rows, ending after it starts. */
export function badRange(start: string | undefined, end: string | undefined): boolean {
  if (start === undefined || end === undefined) return false;
  return Number(end) < Number(start) || Number(end) - Number(start) > MAX_PAGE;
}

/** Values of the parameter's own type (valid and near-valid), as decoded text. */
function typedValues(name: string, schema: Schema): fc.Arbitrary<string> {
  const item = schema.type === 'array' ? (schema.items ?? {}) : schema;
  const samples = [
    ...(item.enum ?? []),
    ...(item.enum ?? []).flatMap((v) => [v.toLowerCase(), v.toUpperCase(), ` ${v}`, v.replace(/s/g, 'ſ'), `${v};--`]),
    ...(item.type === 'integer'
      ? ['1', '2', '0', '-1', '1.5', '1e3', '01', '+1', '0x10', '2147483647', '2147483648', '100000000', '100000001', '999', '1000', '1001']
      : []),
    ...(item.pattern ? ['RU', 'JP', 'ru', 'RUS', 'R1'] : []),
    ...(item.format === 'date-time'
      ? [
          '2019-01-14T09:00:00Z',
          '2019-01-14',
          '2019-02-30',
          '0000-01-01',
          '2019-01-14T24:00:00Z',
          '2019-01-14T23:59:60Z',
          '9999-12-31T23:59:59-23:59',
          '2019-01-14T09:00:00+14:00',
          '2019-01-14T09:00:00+15:00',
          '2019-01-14T09:00:00.1234567Z',
          '1e3',
        ]
      : []),
    ...(name.startsWith('date_')
      ? ['2019', '2019-01', '2019-01-14', '2019-02-30', '2019-13', '0000', '9999-12-31', '10000', '2019-1-1', '2019-01-14T00:00']
      : []),
    ...(name === 'q'
      ? [
          'Lavrov',
          'Lavr',
          '河野',
          'Abe安倍',
          '!&|():*',
          "a' & b",
          '\\',
          '%',
          '_',
          'x'.repeat(200),
          'x'.repeat(201),
          'a b c d e f g h i j k l m n o p q',
        ]
      : []),
    ...(name === 'columns' ? ['id,date', 'id,id', 'id,,date', 'nope', 'headline', ' id', '', 'id,name', 'title,authors'] : []),
    ...(name === 'cursor'
      ? [
          'WyIyMDE5LTAxLTE0IiwxLCJhc2MiXQ',
          'WyIyMDE5LTAyLTMwIiwxLCJhc2MiXQ',
          'WyI5OTk5LTk5LTk5IiwxLCJhc2MiXQ',
          'WyItaW5maW5pdHkiLDEsImFzYyJd',
        ]
      : []),
  ];
  return samples.length
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...samples) }, { weight: 1, arbitrary: garbageString })
    : garbageString;
}

export interface QueryEntry {
  /** Raw key as sent. */
  key: string;
  /** Decoded key (undefined when it cannot be decoded). */
  name: string | undefined;
  raw: string[];
}

/** One encoded value: mostly as a client would encode it, sometimes malformed. */
const encodedValue = (decoded: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 8, arbitrary: decoded.map(encode) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_ENCODINGS) },
    { weight: 1, arbitrary: decoded.map((v) => encode(v) + '%FF') },
  );

/** A listed parameter given once, several times, or (id filters) more times than allowed. */
export function listedEntry(name: string, schema: Schema): fc.Arbitrary<QueryEntry> {
  const value = encodedValue(typedValues(name, schema));
  const count = fc.oneof(
    { weight: 8, arbitrary: fc.constant(1) },
    { weight: 2, arbitrary: fc.integer({ min: 2, max: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom(999, 1000, 1001, 1500) },
  );
  return count.chain((n) =>
    n > 4
      ? value.map((v) => ({ key: name, name, raw: Array(n).fill(v) }))
      : fc.array(value, { minLength: n, maxLength: n }).map((raw) => ({ key: name, name, raw })),
  );
}

/** A key the route does not list: garbage, near misses of real ones, bracket syntax, prototype words. */
export const unknownEntry = (listed: string[]): fc.Arbitrary<QueryEntry> =>
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(
          '__proto__',
          'constructor',
          'q[]',
          'id[]',
          '_sort[0]',
          'speakerId[$ne]',
          'filter',
          '_embed',
          '_limit',
          'sort',
          'ID',
          '_START',
          'q%20',
          '',
          '%00',
          '%FF',
          '%C3%28',
        ),
        fc.constantFrom(...(listed.length ? listed : ['id'])).map((k) => `${k}x`),
        garbageString.map(encode),
      ),
      encodedValue(garbageString),
    )
    .map(([key, value]) => ({ key, name: decodeUrlText(key, true), raw: [value] }));

export const queryText = (entries: { key: string; raw: string[] }[]) => entries.flatMap((e) => e.raw.map((v) => `${e.key}=${v}`)).join('&');
