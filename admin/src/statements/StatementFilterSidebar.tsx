import type { ReactNode } from 'react';
import { FilterLiveSearch } from 'react-admin';
import { FilterBar } from '../filters/FilterBar';
import { FilterSidebar } from '../filters/FilterSidebar';
import { StatementFilters } from './StatementFilters';
import { useStatementFilterChips } from './useStatementFilterChips';

interface Props {
  /** The page's saved queries, placed among the filters (the statement list's, the timeline's; the analysis has none). */
  savedQueries?: ReactNode;
  /** Lined up with the results of a react-admin list, under its toolbar. */
  belowToolbar?: boolean;
}

/** The statement filters beside the results (the statement list, the timeline, the analysis), on a wide screen. */
export const StatementFilterSidebar = ({ savedQueries, belowToolbar = false }: Props) => (
  <FilterSidebar belowToolbar={belowToolbar}>
    <StatementFilters savedQueries={savedQueries} />
  </FilterSidebar>
);

/** The same filters on a narrow screen: a button, the search box, the active filters as chips. */
export const StatementFilterBar = ({ savedQueries }: Pick<Props, 'savedQueries'>) => {
  const active = useStatementFilterChips();
  return (
    <FilterBar active={active} search={<FilterLiveSearch source="q" placeholder="Search" hiddenLabel />}>
      <StatementFilters savedQueries={savedQueries} search={false} />
    </FilterBar>
  );
};
