import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { statementFilterParams, statementFiltersFromParams, withoutEmptyFilters } from '../statements/statementFilters';
import { appendSettings, settingsFromParams, type AnalysisSettings } from './analysisState';

/**
 * The analysis page's state as its URL's query string (and a saved analysis query) holds it: the
 * filters with the API's names, then the settings that differ from their defaults.
 */
export const analysisQueryText = (filters: Record<string, unknown>, settings: AnalysisSettings): string =>
  appendSettings(statementFilterParams(withoutEmptyFilters(filters)), settings).toString();

/**
 * The page's whole state is in its URL: the statement filters under the API's own names (as on
 * the timeline) and the page's settings, so that an analysis can be bookmarked and shared.
 */
export function useAnalysisUrlState() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const filters = useMemo(() => statementFiltersFromParams(new URLSearchParams(search)), [search]);
  const settings = useMemo(() => settingsFromParams(new URLSearchParams(search)), [search]);

  // As on the timeline: filter inputs write after a debounce with an older callback, so each
  // change starts from the last state written (or navigated to), not from what a render saw.
  const latest = useRef(searchParams);
  const seenSearch = useRef(search);
  if (search !== seenSearch.current) {
    seenSearch.current = search;
    latest.current = searchParams;
  }

  const write = useCallback(
    (next: { filters?: Record<string, unknown>; settings?: Partial<AnalysisSettings> }) => {
      const current = latest.current;
      const filters = next.filters ?? statementFiltersFromParams(current);
      const params = new URLSearchParams(analysisQueryText(filters, { ...settingsFromParams(current), ...next.settings }));
      if (params.toString() === current.toString()) return;
      latest.current = params;
      setSearchParams(params);
    },
    [setSearchParams],
  );

  return {
    filters,
    settings,
    setFilters: useCallback((filters: Record<string, unknown>) => write({ filters }), [write]),
    setSettings: useCallback((settings: Partial<AnalysisSettings>) => write({ settings }), [write]),
    /** New filters and settings in one navigation (a node click: filter by it, forget the selection). */
    update: useCallback((filters: Record<string, unknown>, settings: Partial<AnalysisSettings>) => write({ filters, settings }), [write]),
  };
}
