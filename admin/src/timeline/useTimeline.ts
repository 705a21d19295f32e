import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchUtils } from 'react-admin';
import { API_URL } from '../dataProvider';
import { statementFilterParams, type StatementFilterValues } from '../statements/statementFilters';
import type { TimelinePage } from '../types';
import type { TimelineOrder } from './useTimelineUrlState';

/** Entries per request; a dispute's month or two fits in one. */
export const TIMELINE_PAGE_SIZE = 200;

async function fetchTimelinePage(filters: StatementFilterValues, order: TimelineOrder, cursor: string | null, signal: AbortSignal) {
  const params = statementFilterParams(filters);
  params.set('limit', String(TIMELINE_PAGE_SIZE));
  params.set('order', order);
  if (cursor) params.set('cursor', cursor);
  const { json } = await fetchUtils.fetchJson(`${API_URL}/timeline?${params}`, { signal });
  return json as TimelinePage;
}

/** GET /api/timeline for the filters, page after page by cursor. */
export function useTimeline(filters: StatementFilterValues, order: TimelineOrder) {
  const query = useInfiniteQuery({
    queryKey: ['timeline', statementFilterParams(filters).toString(), order],
    queryFn: ({ pageParam, signal }) => fetchTimelinePage(filters, order, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = query.data?.pages.flatMap((page) => page.entries) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  return { ...query, entries, total };
}
