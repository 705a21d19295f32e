import { statementQueryParams, type ExportSort } from '../export/exportUrl';
import { snapshotStatementsPath } from '../snapshots/snapshotUrls';
import { statementFiltersFromParams, type StatementFilterValues } from '../statements/statementFilters';
import type { SavedQuery } from '../types';

/** The statement list's default order, for a saved query that names none. */
const DEFAULT_SORT: ExportSort = { field: 'date', order: 'ASC' };

/**
 * The statement list's state as a saved query keeps it: the API's own readable query string,
 * `speakerId=4&topicId=1&_sort=date&_order=ASC` (the same the export and a snapshot send).
 */
export const listQueryText = (filter: Record<string, unknown>, sort: ExportSort) => statementQueryParams(filter, sort).toString();

/** A saved statement query as the list's filter values and sort, to apply on the list. */
export function listStateOf(query: string): { filter: StatementFilterValues; sort: ExportSort } {
  const params = new URLSearchParams(query);
  const field = params.get('_sort');
  const sort: ExportSort = field ? { field, order: params.get('_order') === 'DESC' ? 'DESC' : 'ASC' } : DEFAULT_SORT;
  return { filter: statementFiltersFromParams(params), sort };
}

/** The page a saved query opens: the statement list with its filters and sort, or the timeline or analysis with their own. */
export const savedQueryPath = (savedQuery: Pick<SavedQuery, 'resource' | 'query'>) =>
  savedQuery.resource === 'statements' ? snapshotStatementsPath(savedQuery.query) : `/${savedQuery.resource}?${savedQuery.query}`;
