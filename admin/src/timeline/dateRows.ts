import type { TimelineEntry } from '../types';
import type { TimelineOrder } from './useTimelineUrlState';

/** The entries of one date range, in every lane: one row of the lanes layout. */
export interface DateRow {
  key: string;
  dateStart: string;
  dateEnd: string;
  /** The date as the first of its entries reads it ("Jan. 14, 2019", "January 2019"). */
  label: string;
  /** Said under the label when the row is a whole month: its entries give no day. */
  note?: string;
  entries: TimelineEntry[];
}

const isDay = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);

/** A range that is exactly one calendar month (2019-01-01 to 2019-01-31): an entry dated "January 2019". */
function isWholeMonth(dateStart: string, dateEnd: string): boolean {
  if (!isDay(dateStart) || !isDay(dateEnd) || !dateStart.endsWith('-01') || dateStart.slice(0, 7) !== dateEnd.slice(0, 7)) return false;
  const [year, month] = dateStart.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Number(dateEnd.slice(8)) === lastDay;
}

/** '-infinity' sorts before every day, 'infinity' after; ISO days sort as text. */
const rank = (date: string) => (date === '-infinity' ? '0' : date === 'infinity' ? '9' : `5${date}`);

/**
 * The shared date rows of the lanes layout, so that lanes line up by date: entries with the same
 * range (earliest day, latest day) form one row across all lanes, and a lane with no entry in that
 * range leaves its cell empty. Kono's Jan. 14 entries sit opposite Lavrov's Jan. 14 entries.
 *
 * The rule for the order of rows, oldest first: by earliest day; of two ranges starting the same
 * day, the longer first (it encloses the other), so an entry known only as "January 2019" has a
 * row of its own above the entries of Jan. 1, 2019, and is never opposite a day. Newest first is
 * the exact reverse. Within a row, entries keep the API's order (date, then id).
 */
export function dateRows(entries: TimelineEntry[], order: TimelineOrder): DateRow[] {
  const rows = new Map<string, DateRow>();
  for (const entry of entries) {
    const key = `${entry.dateStart}/${entry.dateEnd}`;
    const row = rows.get(key);
    if (row) row.entries.push(entry);
    else
      rows.set(key, {
        key,
        dateStart: entry.dateStart,
        dateEnd: entry.dateEnd,
        label: entry.displayDate,
        note: isWholeMonth(entry.dateStart, entry.dateEnd) ? 'no day given' : undefined,
        entries: [entry],
      });
  }
  const ascending = (a: DateRow, b: DateRow) =>
    rank(a.dateStart).localeCompare(rank(b.dateStart)) || rank(b.dateEnd).localeCompare(rank(a.dateEnd));
  return [...rows.values()].sort(order === 'asc' ? ascending : (a, b) => ascending(b, a));
}
