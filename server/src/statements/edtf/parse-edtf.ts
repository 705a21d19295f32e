import { parse as parseEdtfSyntax } from 'edtf';
import { formatEdtfDisplay } from './format-edtf';
import { DayBounds, EdtfComponent, EdtfShape, ParsedEdtf, YEAR_MAX, YEAR_MIN } from './edtf.types';
import { componentBounds, qualifiedBounds } from './edtf-bounds';

/** Why a date was refused, phrased to follow the field name: "date must have years from 1 to 9999". */
export class EdtfError extends Error {}

export const EDTF_MAX_LENGTH = 100;

/** A short reminder of the accepted forms, for messages shown under a date field. */
export const EDTF_ACCEPTED_FORMS = 'e.g. 2019-01-14, 2019-06, 2019, 2018-23, 2019-06?, 2018~, 201X, 2019-01/2019-06';

interface RawDate {
  type: 'Date';
  values: number[];
  uncertain?: boolean;
  approximate?: boolean;
  unspecified?: number;
}
interface RawSeason {
  type: 'Season';
  values: [number, number];
  uncertain?: boolean;
  approximate?: boolean;
}
type RawEndpoint = RawDate | RawSeason | null | typeof Infinity;
interface RawInterval {
  type: 'Interval';
  values: [RawEndpoint, RawEndpoint];
}

/** Bits of edtf's `unspecified` mask: Y Y Y Y M M D D, lowest bit the first year digit. */
const countBits = (mask: number, from: number, to: number) => {
  let count = 0;
  for (let bit = from; bit <= to; bit++) if (mask & (1 << bit)) count++;
  return count;
};

function toComponent(raw: RawDate | RawSeason): EdtfComponent {
  const qualifiers = { uncertain: !!raw.uncertain, approximate: !!raw.approximate };
  if (raw.type === 'Season') {
    return { kind: 'season', year: raw.values[0], season: raw.values[1], ...qualifiers };
  }
  if (raw.values.length > 3) throw new EdtfError('cannot have a time of day; give the day, e.g. 2019-01-14');
  const mask = raw.unspecified ?? 0;
  const unspecifiedYearDigits = countBits(mask, 0, 3);
  if (unspecifiedYearDigits === 4) throw new EdtfError('cannot be a fully unspecified year (XXXX): it could not be placed on a timeline');
  const [year, month, day] = raw.values;
  return {
    kind: 'date',
    year,
    month: month === undefined ? undefined : month + 1,
    day,
    unspecifiedYearDigits,
    monthUnspecified: countBits(mask, 4, 5) > 0,
    dayUnspecified: countBits(mask, 6, 7) > 0,
    ...qualifiers,
  };
}

function checkYear(component: EdtfComponent): void {
  // A winter runs into the next year, which must be in range too.
  const lastYear = component.kind === 'season' && component.season === 24 ? component.year + 1 : component.year;
  if (component.year < YEAR_MIN || lastYear > YEAR_MAX) {
    throw new EdtfError(`must have years from ${YEAR_MIN} to ${YEAR_MAX}`);
  }
}

/**
 * The edtf grammar allows February 29 in every year; only leap years have one (1900 and 2019
 * do not). Without this check 2019-02-29 was stored as March 1 and displayed as "Feb. 29, 2019".
 */
function checkDay(component: EdtfComponent): void {
  if (component.kind !== 'date' || component.day === undefined || component.month === undefined) return;
  if (component.dayUnspecified || component.monthUnspecified || component.unspecifiedYearDigits) return;
  // Day 0 of the next month is the last of this one; setUTCFullYear keeps years below 100 as given.
  const lastOfMonth = new Date(0);
  lastOfMonth.setUTCFullYear(component.year, component.month, 0);
  const daysInMonth = lastOfMonth.getUTCDate();
  if (component.day > daysInMonth) {
    const month = String(component.month).padStart(2, '0');
    throw new EdtfError(`names a day that does not exist: ${String(component.year).padStart(4, '0')}-${month} has ${daysInMonth} days`);
  }
}

interface ReadEdtf {
  shape: EdtfShape;
  bounds: DayBounds;
}

/**
 * Dates read so far, by their text. The edtf package builds its grammar anew on every parse
 * (about 80 µs), and an import reads the same few hundred dates tens of thousands of times
 * (twice each: to check, then to derive). Bounded; a date that fails is never kept. What it
 * holds is only read, never changed, by the callers.
 */
const READ_CACHE = new Map<string, ReadEdtf>();
const READ_CACHE_SIZE = 10_000;

function readEdtf(input: string): ReadEdtf {
  const cached = READ_CACHE.get(input);
  if (cached) return cached;
  const read = readEdtfUncached(input);
  if (READ_CACHE.size >= READ_CACHE_SIZE) READ_CACHE.clear();
  READ_CACHE.set(input, read);
  return read;
}

function readEdtfUncached(input: string): ReadEdtf {
  if (typeof input !== 'string' || input.length === 0) throw new EdtfError(`must not be empty (${EDTF_ACCEPTED_FORMS})`);
  if (input.length > EDTF_MAX_LENGTH) throw new EdtfError(`must be at most ${EDTF_MAX_LENGTH} characters`);
  if (input !== input.trim()) throw new EdtfError('must not start or end with spaces');

  if (/^-?Y/.test(input) || /(^|\/)-\d/.test(input)) {
    throw new EdtfError(`must have years from ${YEAR_MIN} to ${YEAR_MAX}`);
  }

  let raw: RawDate | RawSeason | RawInterval;
  try {
    raw = parseEdtfSyntax(input, { level: 1, types: ['Date', 'Season', 'Interval'] }) as typeof raw;
  } catch (error) {
    const position = /col (\d+)/.exec(String((error as Error).message))?.[1];
    const where = position ? ` (problem at character ${position})` : '';
    throw new EdtfError(`is not a valid EDTF date: "${input}"${where} (${EDTF_ACCEPTED_FORMS})`);
  }

  if (raw.type !== 'Interval') {
    const component = toComponent(raw);
    checkYear(component);
    checkDay(component);
    return { shape: { kind: 'single', component }, bounds: qualifiedBounds(component) };
  }

  const [rawStart, rawEnd] = raw.values;
  const endpoint = (value: RawEndpoint) => {
    if (value === null) return { kind: 'unknown' as const };
    if (value === Infinity) return { kind: 'open' as const };
    const component = toComponent(value as RawDate | RawSeason);
    checkYear(component);
    checkDay(component);
    // `stated`: what the text says, for the order check; `bounds`: with the qualifier's margin.
    return { kind: 'known' as const, component, stated: componentBounds(component), bounds: qualifiedBounds(component) };
  };
  const start = endpoint(rawStart);
  const end = endpoint(rawEnd);
  if (start.kind !== 'known' && end.kind !== 'known') throw new EdtfError('needs at least one known end of the interval');
  if (start.kind === 'known' && end.kind === 'known' && start.stated.dateStart > end.stated.dateEnd) {
    throw new EdtfError(`ends (${end.stated.dateEnd}) before it begins (${start.stated.dateStart})`);
  }
  return {
    shape: {
      kind: 'interval',
      start: start.kind === 'known' ? start.component : start.kind,
      end: end.kind === 'known' ? end.component : end.kind,
    },
    bounds: {
      dateStart: start.kind === 'known' ? start.bounds.dateStart : '-infinity',
      dateEnd: end.kind === 'known' ? end.bounds.dateEnd : 'infinity',
    },
  };
}

/**
 * Parses an EDTF (ISO 8601-2, levels 0 and 1) date into the earliest and latest day it
 * allows and the way a reader sees it. Throws EdtfError with a reason a user can act on.
 * A qualified date (`?`, `~`, `%`) allows one unit of its precision either side
 * (qualifiedBounds); in an interval each end widens on its own side.
 */
export function parseEdtf(input: string): ParsedEdtf {
  const { shape, bounds } = readEdtf(input);
  return { date: input, ...bounds, displayDate: formatEdtfDisplay(shape) };
}

/** The parts of an EDTF date (components with their precision and qualifiers), for exports. */
export function parseEdtfShape(input: string): EdtfShape {
  return readEdtf(input).shape;
}
