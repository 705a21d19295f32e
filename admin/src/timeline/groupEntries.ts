import type { TimelineEntry } from '../types';

export interface EntryGroup {
  key: string;
  /** "January 2019", or the entry's own date for one that spans longer ("2019", "autumn 2018"). */
  label: string;
  /** What the period means, when its label alone does not say (the band of entries known only by a latest day). */
  note?: string;
  entries: TimelineEntry[];
}

/**
 * Entries known only by their latest day (`../2019-01`, "by January 2019") start at minus
 * infinity: they come first (last, newest first), and are grouped in a band of their own
 * rather than filed under their end's month above entries decades older.
 */
export const OPEN_START_BAND = {
  key: 'band:open-start',
  label: 'Dated only by a latest day',
  note: 'Known only to have happened by the date each gives; when, before it, is unknown.',
};

const MONTH = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const isDay = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);

/**
 * The period an entry is filed under. Entries within one month go under that month. An entry
 * known only to a season, a year or a range is filed under its own display date at its start,
 * rather than pretending it happened in its first month.
 */
function periodOf(entry: TimelineEntry): { key: string; label: string; note?: string } {
  const { dateStart, dateEnd } = entry;
  if (dateStart === '-infinity') return OPEN_START_BAND;
  if (isDay(dateStart) && isDay(dateEnd) && dateStart.slice(0, 7) === dateEnd.slice(0, 7)) {
    const month = dateStart.slice(0, 7);
    return { key: `month:${month}`, label: MONTH.format(new Date(`${month}-01T00:00:00Z`)) };
  }
  return { key: `span:${dateStart}:${dateEnd}:${entry.displayDate}`, label: entry.displayDate };
}

/** Consecutive entries of the same period, in the order the API returned them. */
export function groupEntries(entries: TimelineEntry[]): EntryGroup[] {
  const groups: EntryGroup[] = [];
  for (const entry of entries) {
    const period = periodOf(entry);
    const last = groups.at(-1);
    if (last?.key === period.key) last.entries.push(entry);
    else groups.push({ ...period, entries: [entry] });
  }
  return groups;
}
