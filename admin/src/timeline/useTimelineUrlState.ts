import { useCallback, useMemo, useRef } from 'react';
import type { ListControllerSuccessResult } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import {
  statementFilterParams,
  statementFiltersFromParams,
  withoutEmptyFilters,
  type StatementFilterValues,
} from '../statements/statementFilters';

export type TimelineView = 'single' | 'lanes';
export type TimelineOrder = 'asc' | 'desc';

/**
 * The timeline's state as its URL's query string (and a saved timeline query) holds it: the
 * filters with the API's names, then `view=lanes` and `order=desc` when they are not the default.
 */
export function timelineQueryText(filters: Record<string, unknown>, view: TimelineView, order: TimelineOrder): string {
  const params = statementFilterParams(withoutEmptyFilters(filters));
  if (view === 'lanes') params.set('view', 'lanes');
  if (order === 'desc') params.set('order', 'desc');
  return params.toString();
}

/**
 * The timeline's whole state is in its URL, with the API's own filter names, so that a view can
 * be bookmarked, shared, and read: /timeline?speakerId=4&speakerId=3&view=lanes.
 */
export function useTimelineUrlState() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const filters = useMemo(() => statementFiltersFromParams(new URLSearchParams(search)), [search]);
  const view: TimelineView = searchParams.get('view') === 'lanes' ? 'lanes' : 'single';
  const order: TimelineOrder = searchParams.get('order') === 'desc' ? 'desc' : 'asc';

  // Filter inputs call setFilters after a debounce, with the callback of an earlier render, and
  // the router applies a navigation a little later: each change starts from the last state
  // written (or navigated to, e.g. with the back button), not from what some render saw.
  const latest = useRef(searchParams);
  const seenSearch = useRef(search);
  if (search !== seenSearch.current) {
    seenSearch.current = search;
    latest.current = searchParams;
  }

  const write = useCallback(
    (next: { filters?: Record<string, unknown>; view?: TimelineView; order?: TimelineOrder }) => {
      const current = latest.current;
      const nextView = next.view ?? (current.get('view') === 'lanes' ? 'lanes' : 'single');
      const nextOrder = next.order ?? (current.get('order') === 'desc' ? 'desc' : 'asc');
      const params = new URLSearchParams(timelineQueryText(next.filters ?? statementFiltersFromParams(current), nextView, nextOrder));
      if (params.toString() === current.toString()) return;
      latest.current = params;
      setSearchParams(params);
    },
    [setSearchParams],
  );

  return {
    filters,
    view,
    order,
    setFilters: useCallback((filters: Record<string, unknown>) => write({ filters }), [write]),
    setView: useCallback((view: TimelineView) => write({ view }), [write]),
    setOrder: useCallback((order: TimelineOrder) => write({ order }), [write]),
  };
}

const ignore = () => undefined;

/**
 * A list context around the URL's filters, so that the statement list's filter sidebar
 * (FilterList, FilterLiveForm, FilterLiveSearch) works unchanged on the timeline. Only the
 * filter members are live; the timeline fetches its own entries from /api/timeline.
 */
export function useTimelineListContext(
  filters: StatementFilterValues,
  setFilters: (filters: Record<string, unknown>) => void,
  total: number,
  order: TimelineOrder,
): ListControllerSuccessResult {
  return useMemo(
    () => ({
      resource: 'statements',
      data: [],
      total,
      error: null,
      isPending: false,
      filterValues: filters,
      setFilters: (next: Record<string, unknown>) => setFilters(next),
      displayedFilters: {},
      showFilter: ignore,
      hideFilter: ignore,
      sort: { field: 'date', order: order === 'asc' ? 'ASC' : 'DESC' },
      setSort: ignore,
      page: 1,
      perPage: total,
      setPage: ignore,
      setPerPage: ignore,
      selectedIds: [],
      onSelect: ignore,
      onSelectAll: ignore,
      onToggleItem: ignore,
      onUnselectItems: ignore,
      refetch: ignore,
    }),
    [filters, setFilters, total, order],
  );
}
