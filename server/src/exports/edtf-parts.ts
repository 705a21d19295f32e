import { format } from 'date-fns';
import { calendarDay } from '../statements/edtf/edtf-bounds';
import { EdtfComponent, EdtfShape } from '../statements/edtf/edtf.types';
import { parseEdtfShape } from '../statements/edtf/parse-edtf';

const SEASON = { 21: ['spring', 3, 5, 0], 22: ['summer', 6, 8, 0], 23: ['autumn', 9, 11, 0], 24: ['winter', 12, 2, 1] } as const;
const CACHE_LIMIT = 20_000;
const shapes = new Map<string, EdtfShape>();

/** Parsed EDTF shapes, cached: an export of many rows repeats the same few thousand dates. */
export function cachedShape(date: string): EdtfShape {
  let shape = shapes.get(date);
  if (!shape) {
    shape = parseEdtfShape(date);
    if (shapes.size >= CACHE_LIMIT) shapes.clear();
    shapes.set(date, shape);
  }
  return shape;
}

const monthName = (month: number) => format(calendarDay(2000, month, 1), 'MMMM');

/** The component that places an entry on the timeline: its start, else its (only) end. */
function placing(shape: EdtfShape): EdtfComponent {
  if (shape.kind === 'single') return shape.component;
  return typeof shape.start !== 'string' ? shape.start : (shape.end as EdtfComponent);
}

/**
 * The band a report puts entries known only by their latest day (`../2019-01`: "by January
 * 2019") in. They sort first (their start is unknown), and under the heading of their end's month
 * they would stand, undated, above entries decades older.
 */
export const OPEN_START_BAND = 'Dated only by a latest day';

/** The date has no known start (`../2019-01`, `/2019-01`). */
export function isOpenStart(date: string): boolean {
  const shape = cachedShape(date);
  return shape.kind === 'interval' && typeof shape.start === 'string';
}

/** The section a report puts an entry under: "January 2019", "autumn 2018", "2019", "2010s", or OPEN_START_BAND. */
export function periodHeading(date: string): string {
  if (isOpenStart(date)) return OPEN_START_BAND;
  const c = placing(cachedShape(date));
  if (c.kind === 'season') return `${SEASON[c.season as keyof typeof SEASON][0]} ${c.year}`;
  if (c.unspecifiedYearDigits > 0) return `${c.year}s`;
  if (c.month !== undefined && !c.monthUnspecified) return `${monthName(c.month)} ${c.year}`;
  return `${c.year}`;
}

/** A TimelineJS date: as precise as the EDTF value, no more. */
export interface TimelineDate {
  year: number;
  month?: number;
  day?: number;
}

function startOf(c: EdtfComponent): TimelineDate {
  if (c.kind === 'season') return { year: c.year, month: SEASON[c.season as keyof typeof SEASON][1] };
  if (c.unspecifiedYearDigits > 0 || c.month === undefined || c.monthUnspecified) return { year: c.year };
  if (c.day === undefined || c.dayUnspecified) return { year: c.year, month: c.month };
  return { year: c.year, month: c.month, day: c.day };
}

function endOf(c: EdtfComponent): TimelineDate | undefined {
  if (c.kind === 'season') {
    const [, , to, shift] = SEASON[c.season as keyof typeof SEASON];
    return { year: c.year + shift, month: to };
  }
  if (c.unspecifiedYearDigits > 0) return { year: c.year + 10 ** c.unspecifiedYearDigits - 1 };
  return undefined;
}

/** TimelineJS `start_date` and `end_date` for an EDTF value, split by its precision. */
export function timelineDates(date: string): { start_date: TimelineDate; end_date?: TimelineDate } {
  const shape = cachedShape(date);
  if (shape.kind === 'single') {
    const end = endOf(shape.component);
    return end ? { start_date: startOf(shape.component), end_date: end } : { start_date: startOf(shape.component) };
  }
  const { start, end } = shape;
  if (typeof start === 'string') return { start_date: startOf(end as EdtfComponent) };
  if (typeof end === 'string') return { start_date: startOf(start) };
  return { start_date: startOf(start), end_date: endOf(end) ?? startOf(end) };
}
