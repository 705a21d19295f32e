import { statementFilterParams, statementFiltersFromParams } from './statementFilters';

/*
 * The statement list's address is readable, with the API's own filter names, as the timeline's
 * is: /statements?speakerId=4&stanceId=2&q=islands&sort=date&order=DESC. react-admin keeps a
 * list's state in the address as `filter` (JSON), `sort`, `order`, `page`, `perPage` and
 * `displayedFilters` (JSON); these functions translate between the two, and ReadableListAddress
 * puts them between the list and the router.
 */

/** The list parameters besides the filters, under react-admin's names (already readable). */
const LIST_KEYS = ['sort', 'order', 'page', 'perPage'] as const;

/** What the address leaves out when it is the list's default: the first page, the default page size. */
export interface ListDefaults {
  perPage: number;
}

const paramsOf = (search: string) => new URLSearchParams(search.replace(/^\?/, ''));

/** An address in react-admin's own form (`filter=` JSON): an old link, or what react-admin writes. */
export const isReactAdminSearch = (search: string): boolean => paramsOf(search).has('filter');

/** react-admin's `?filter={"speakerId":[4]}&sort=date&order=ASC&page=1&perPage=25` → `?speakerId=4&sort=date&order=ASC`. */
export function toReadableSearch(search: string, defaults: ListDefaults): string {
  const params = paramsOf(search);
  let filter: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(params.get('filter') ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) filter = parsed as Record<string, unknown>;
  } catch {
    // An address mangled by hand reads as no filter, as react-admin reads it.
  }
  const readable = statementFilterParams(filter);
  for (const key of LIST_KEYS) {
    const value = params.get(key);
    if (value === null || value === '') continue;
    if (key === 'page' && value === '1') continue;
    if (key === 'perPage' && value === String(defaults.perPage)) continue;
    readable.set(key, value);
  }
  // Never empty: an address without parameters would make react-admin show the list as last left.
  return `?${readable.toString() || 'page=1'}`;
}

/**
 * A readable address → react-admin's form, for the list to read. An empty address stays empty:
 * react-admin then shows the list as last left (its stored parameters) and writes them back.
 */
export function toReactAdminSearch(search: string): string {
  if (isReactAdminSearch(search)) return search;
  const params = paramsOf(search);
  if (![...params.keys()].length) return search;
  const translated = new URLSearchParams({ filter: JSON.stringify(statementFiltersFromParams(params)) });
  for (const key of LIST_KEYS) {
    const value = params.get(key);
    if (value) translated.set(key, value);
  }
  return `?${translated}`;
}

/** The statement list showing these filters, in this order: for links from other pages. */
export function statementListPath(filter: Record<string, unknown>, sort?: { field: string; order: 'ASC' | 'DESC' }): string {
  const params = statementFilterParams(filter);
  if (sort) {
    params.set('sort', sort.field);
    params.set('order', sort.order);
  }
  const search = params.toString();
  return search ? `/statements?${search}` : '/statements';
}
