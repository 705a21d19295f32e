import { Interval } from '../analysis-params';

/** Months per interval: the series steps by this many from the first start. */
const MONTHS: Record<Interval, number> = { month: 1, quarter: 3, year: 12 };

/** One interval of the series: its key (`2019-01`, `2019-Q1`, `2019`) and its first and last day. */
export interface IntervalSpan {
  key: string;
  start: string;
  end: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The interval starting in `year`, `month` (1–12, the first month of the interval). */
function span(interval: Interval, year: number, month: number): IntervalSpan {
  const last = month + MONTHS[interval] - 1;
  // Day 0 of the next month is the last day of this one (UTC, no time zone can shift it).
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const y = pad(year, 4);
  const key = interval === 'month' ? `${y}-${pad(month)}` : interval === 'quarter' ? `${y}-Q${(month + 2) / 3}` : y;
  return { key, start: `${y}-${pad(month)}-01`, end: `${y}-${pad(last)}-${pad(lastDay)}` };
}

/**
 * Every interval from the one starting on `first` to the one starting on `last` (both
 * `YYYY-MM-DD`, as date_trunc gives them), none skipped: a chart must show an empty
 * month as empty, not join its neighbours as if they were adjacent.
 */
export function intervalSeries(interval: Interval, first: string, last: string): IntervalSpan[] {
  const index = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  const spans: IntervalSpan[] = [];
  for (let i = index(first); i <= index(last); i += MONTHS[interval]) spans.push(span(interval, Math.floor(i / 12), (i % 12) + 1));
  return spans;
}

/** The key of the interval starting on `start` (`YYYY-MM-DD`). */
export const intervalKey = (interval: Interval, start: string) => span(interval, Number(start.slice(0, 4)), Number(start.slice(5, 7))).key;
