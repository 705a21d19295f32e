import { badRequest, FieldErrors } from '../kernel/errors/api-errors';
import { parseQueryString } from '../kernel/http/query-string';
import { parseFilters, parseSortedFilters, RawQuery } from '../records/list-query/parse-list-query';
import { GROUPINGS, INTERVALS, NETWORK_KINDS } from '../analysis/analysis-params';
import { STATEMENT_LIST_SPEC } from '../statements/statement-query';
import type { SavedQueryResource } from './saved-query.entity';

/** The longest query a saved query keeps: a page's filters and sort fit easily (a snapshot's limit too). */
export const SAVED_QUERY_TEXT_MAX = 4000;

/** A page's own parameters besides the filters, each with the values it takes. */
type PageSettings = Record<string, readonly string[] | RegExp>;

/**
 * The timeline's (admin/src/timeline/useTimelineUrlState.ts): its layout and order. The
 * analysis page's (admin/src/analysis/analysisState.ts): its tab, the chart's interval and
 * grouping, the network's kind and the node picked in it (`a4`: actor 4, `t1`: topic 1).
 */
const PAGE_SETTINGS: Record<Exclude<SavedQueryResource, 'statements'>, PageSettings> = {
  timeline: { view: ['single', 'lanes'], order: ['asc', 'desc'] },
  analysis: { view: ['chart', 'network'], interval: INTERVALS, groupBy: GROUPINGS, kind: NETWORK_KINDS, node: /^[at][1-9]\d{0,9}$/ },
};

/** Checks a query as the page it opens reads it: the list's own parser, or the page's filters and settings. */
function checkQuery(resource: SavedQueryResource, raw: RawQuery): void {
  if (resource === 'statements') {
    parseSortedFilters(STATEMENT_LIST_SPEC, raw);
    return;
  }
  const settings = PAGE_SETTINGS[resource];
  parseFilters(STATEMENT_LIST_SPEC, raw, Object.keys(settings));
  const errors: FieldErrors = Object.create(null);
  for (const [key, allowed] of Object.entries(settings)) {
    const value = raw[key];
    if (value === undefined) continue;
    if (allowed instanceof RegExp) {
      if (typeof value !== 'string' || !allowed.test(value))
        errors[key] = 'must be a node of the network: a (actor) or t (topic) and its id';
    } else if (typeof value !== 'string' || !allowed.includes(value)) errors[key] = `must be one of: ${allowed.join(', ')}`;
  }
  if (Object.keys(errors).length) throw badRequest(errors);
}

/** What any query must be, whichever page it opens: text of at most 4,000 characters that PostgreSQL can store. */
export function checkSavedQueryText(text: unknown): string {
  if (typeof text !== 'string') throw badRequest({ query: 'must be the query string of the page, e.g. speakerId=4&_sort=date' });
  if (text.length > SAVED_QUERY_TEXT_MAX) throw badRequest({ query: `must be at most ${SAVED_QUERY_TEXT_MAX} characters` });
  if (text.includes('\u0000') || !text.isWellFormed()) throw badRequest({ query: 'must be valid Unicode text without NUL characters' });
  return text;
}

/**
 * Reads a saved query's `query`: the readable query string of the page it opens
 * (`speakerId=4&topicId=1&_sort=date&_order=ASC`; a leading `?` is fine), checked with the
 * page's own parser, as a snapshot's is (snapshot-query.ts), so that a saved query always opens
 * a page the API answers. Errors name the parameter inside it: `query.colour`, `query.date_gte`.
 * Returns it normalised: the parameters as given, in their order, percent-encoded.
 */
export function readSavedQueryText(resource: SavedQueryResource, text: unknown): string {
  const given = checkSavedQueryText(text).replace(/^\?/, '');
  try {
    const raw = parseQueryString(given);
    checkQuery(resource, raw);
    return new URLSearchParams(
      Object.entries(raw).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v): [string, string] => [key, v])),
    ).toString();
  } catch (error) {
    const errors = (error as { getResponse?: () => { errors?: FieldErrors } }).getResponse?.().errors;
    if (!errors) throw error;
    const named: FieldErrors = Object.create(null);
    for (const [key, reason] of Object.entries(errors)) {
      named[`query.${key}`] = key === '_start' || key === '_end' ? 'a saved query keeps filters and sort, not a page of them' : reason;
    }
    throw badRequest(named);
  }
}
