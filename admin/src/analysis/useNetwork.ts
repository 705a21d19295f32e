import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ChronicleDataProvider } from '../dataProvider';
import { statementFilterParams, type StatementFilterValues } from '../statements/statementFilters';
import type { NetworkKind } from './analysisState';

/**
 * The most the page draws. Past MAX_LINKS the server sends only the counts (maxLinks); past
 * MAX_NODES the page does not draw what it got. Either way it offers the files instead.
 */
export const MAX_LINKS = 3000;
export const MAX_NODES = 400;

export function useNetwork(filters: StatementFilterValues, kind: NetworkKind) {
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  return useQuery({
    queryKey: ['analysis', 'network', statementFilterParams(filters).toString(), kind],
    queryFn: ({ signal }) => dataProvider.getNetwork(filters, kind, MAX_LINKS, signal).then((answer) => answer.data),
    placeholderData: (previous) => previous,
  });
}
