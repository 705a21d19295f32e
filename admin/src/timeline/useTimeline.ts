import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ChronicleDataProvider } from '../dataProvider';
import { statementFilterParams, type StatementFilterValues } from '../statements/statementFilters';
import type { TimelineOrder } from './useTimelineUrlState';

/** Entries per request; a dispute's month or two fits in one. */
export const TIMELINE_PAGE_SIZE = 200;

/**
 * GET /api/timeline for the filters, page after page by cursor. Through the data provider, so
 * that it carries the session's token and a 401 signs out like any other request. When the
 * filters change, the previous result stays (isPlaceholderData) until the new one arrives: the
 * page dims it rather than blanking to "Loading…".
 */
export function useTimeline(filters: StatementFilterValues, order: TimelineOrder) {
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  const query = useInfiniteQuery({
    queryKey: ['timeline', statementFilterParams(filters).toString(), order],
    queryFn: ({ pageParam, signal }) =>
      dataProvider.getTimelinePage(filters, order, pageParam, TIMELINE_PAGE_SIZE, signal).then((answer) => answer.data),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    // As react-admin's lists: a failure is said at once, with Retry, not after three silent attempts.
    retry: false,
  });
  const entries = query.data?.pages.flatMap((page) => page.entries) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  return { ...query, entries, total };
}
