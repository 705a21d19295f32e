import type { TimelineEntry } from '../types';

export interface EntryGroup {
  key: string;
  /** "January 2019", or the entry's own date for one that spans longer ("2019", "autumn 2018"). */
  label: string;
  entries: TimelineEntry[];
}

const MONTH = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const isDay = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);

/**
 * The period an entry is filed under. Entries within one month go under that month. An entry
 * known only to a season, a year or a range is filed under its own display date at its start,
 * rather than pretending it happened in its first month.
 */
function periodOf(entry: TimelineEntry): { key: string; label: string } {
  const { dateStart, dateEnd } = entry;
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
    const { key, label } = periodOf(entry);
    const last = groups.at(-1);
    if (last?.key === key) last.entries.push(entry);
    else groups.push({ key, label, entries: [entry] });
  }
  return groups;
}
