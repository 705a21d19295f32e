import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ChronicleDataProvider } from '../dataProvider';
import { statementFilterParams, type StatementFilterValues } from '../statements/statementFilters';
import type { Grouping, Interval } from './analysisState';

/** The stance-over-time series for the filters; the previous answer stays on screen while the next loads. */
export function useStanceOverTime(filters: StatementFilterValues, interval: Interval, groupBy: Grouping) {
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  return useQuery({
    queryKey: ['analysis', 'stance-over-time', statementFilterParams(filters).toString(), interval, groupBy],
    queryFn: ({ signal }) => dataProvider.getStanceOverTime(filters, interval, groupBy, signal).then((answer) => answer.data),
    placeholderData: (previous) => previous,
  });
}
