import type { StanceInterval } from '../types';
import type { Interval } from './analysisState';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Jan 2019", "Q1 2019", "2019": an interval as the chart's axis reads it. */
export function shortIntervalLabel(interval: Interval, { start }: Pick<StanceInterval, 'start'>): string {
  const year = start.slice(0, 4);
  const month = Number(start.slice(5, 7));
  if (interval === 'year') return year;
  if (interval === 'quarter') return `Q${Math.ceil(month / 3)} ${year}`;
  return `${MONTHS[month - 1].slice(0, 3)} ${year}`;
}

/** "January 2019", "Q1 2019", "2019": the same in sentences and tables. */
export function intervalLabel(interval: Interval, { start }: Pick<StanceInterval, 'start'>): string {
  if (interval !== 'month') return shortIntervalLabel(interval, { start });
  return `${MONTHS[Number(start.slice(5, 7)) - 1]} ${start.slice(0, 4)}`;
}

/** What the chooser and the notes call an interval: "months", "quarters", "years". */
export const INTERVAL_PLURAL: Record<Interval, string> = { month: 'months', quarter: 'quarters', year: 'years' };

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first day of a filter date (YYYY, YYYY-MM or YYYY-MM-DD). */
export function firstDayOf(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** The last day of a filter date (YYYY, YYYY-MM or YYYY-MM-DD). */
export function lastDayOf(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) return `${date}-${String(daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)))).padStart(2, '0')}`;
  return date;
}
