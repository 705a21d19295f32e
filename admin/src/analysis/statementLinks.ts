import { statementListPath } from '../statements/statementListAddress';
import { withoutEmptyFilters, type StatementFilterValues } from '../statements/statementFilters';
import type { StanceGroup, StanceInterval } from '../types';
import type { Grouping } from './analysisState';
import { firstDayOf, lastDayOf } from './intervals';

/** The statement list showing `filter` (only the keys the API knows), oldest first. */
export function statementListUrl(filter: Record<string, unknown>): string {
  return statementListPath(withoutEmptyFilters(filter), { field: 'date', order: 'ASC' });
}

/** The statements with these ids. */
export const statementsByIdUrl = (ids: number[]) => statementListUrl({ id: ids });

/** The speakers of each country among the groups (GET /api/actors?country=…), to open a country's points in the list. */
export type CountrySpeakers = Map<string, number[]>;

/**
 * The statements behind one point: the page's filters, the point's speaker (its speakers, for
 * a country), and the interval with date_mode=within — exactly the entries the server placed
 * in it. When the page's own date range cuts the interval, the two are intersected (exact with
 * "Entirely within"; with "Overlapping", an entry reaching over the page's range edge inside
 * this interval is counted on the chart but left out of the list). Null when the list cannot
 * show them: the speakers without a country, or a country whose speakers are not known.
 */
export function pointFilter(
  filters: StatementFilterValues,
  groupBy: Grouping,
  group: Pick<StanceGroup, 'speakerId' | 'country'>,
  interval: StanceInterval,
  countrySpeakers?: CountrySpeakers,
): Record<string, unknown> | null {
  const from = filters.date_gte ? firstDayOf(filters.date_gte) : interval.start;
  const until = filters.date_lte ? lastDayOf(filters.date_lte) : interval.end;
  const next: Record<string, unknown> = {
    ...filters,
    date_gte: from > interval.start ? from : interval.start,
    date_lte: until < interval.end ? until : interval.end,
    date_mode: 'within',
  };
  if (groupBy === 'speaker' && group.speakerId !== null) next.speakerId = [group.speakerId];
  if (groupBy === 'country') {
    const speakers = group.country ? countrySpeakers?.get(group.country) : undefined;
    if (!speakers) return null;
    const chosen = filters.speakerId;
    next.speakerId = chosen ? speakers.filter((id) => chosen.includes(id)) : speakers;
    // No speaker left would read as "any speaker" in the list.
    if (!(next.speakerId as number[]).length) return null;
  }
  return next;
}
