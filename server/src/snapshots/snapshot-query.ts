import { badRequest, FieldErrors } from '../kernel/errors/api-errors';
import { parseQueryString } from '../kernel/http/query-string';
import { ListQuery } from '../records/list-query/filter-definitions';
import { parseSortedFilters } from '../records/list-query/parse-list-query';
import { STATEMENT_FILTERS, STATEMENT_LIST_SPEC, StatementFilters, StatementSort } from '../statements/statement-query';

/** The longest query a snapshot takes: a list's filters and sort fit easily. */
export const MAX_SNAPSHOT_QUERY_LENGTH = 4000;

export interface SnapshotQuery {
  /** As stored and shown: the parameters as given, in their order, percent-encoded. */
  text: string;
  filters: StatementFilters;
  sort: ListQuery<typeof STATEMENT_FILTERS, StatementSort>['sort'];
}

/**
 * Reads a snapshot's `query`: the statement list's query string (filters, `_sort`, `_order`; a
 * leading `?` is fine), with the list's own parser. No paging: a snapshot holds every match.
 * Errors name the parameter inside the query: `query.colour`, `query.date_gte`.
 */
export function parseSnapshotQuery(text: unknown): SnapshotQuery {
  if (typeof text !== 'string') throw badRequest({ query: 'must be the query string of a statement list, e.g. speakerId=4&_sort=date' });
  if (text.length > MAX_SNAPSHOT_QUERY_LENGTH) throw badRequest({ query: `must be at most ${MAX_SNAPSHOT_QUERY_LENGTH} characters` });
  const given = text.startsWith('?') ? text.slice(1) : text;
  try {
    const raw = parseQueryString(given);
    const { filters, sort } = parseSortedFilters(STATEMENT_LIST_SPEC, raw);
    const normalised = new URLSearchParams(
      Object.entries(raw).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v): [string, string] => [key, v])),
    );
    return { text: normalised.toString(), filters, sort };
  } catch (error) {
    const errors = (error as { getResponse?: () => { errors?: FieldErrors } }).getResponse?.().errors;
    if (!errors) throw error;
    const named: FieldErrors = Object.create(null);
    for (const [key, reason] of Object.entries(errors)) {
      named[`query.${key}`] = key === '_start' || key === '_end' ? 'a snapshot holds every matching statement: no paging' : reason;
    }
    throw badRequest(named);
  }
}
