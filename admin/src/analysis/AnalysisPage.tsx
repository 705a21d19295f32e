import { Box, Tab, Tabs } from '@mui/material';
import { ListContextProvider, Title } from 'react-admin';
import { AnalysisSavedQueries } from '../saved-queries/SavedQueriesPanel';
import { StatementFilterBar, StatementFilterSidebar } from '../statements/StatementFilterSidebar';
import { useTimelineListContext } from '../timeline/useTimelineUrlState';
import type { AnalysisView } from './analysisState';
import { NetworkPanel } from './NetworkPanel';
import { StanceChartPanel } from './StanceChartPanel';
import { useAnalysisUrlState } from './useAnalysisUrlState';

/**
 * Reading the filtered statements in aggregate: how each speaker's stance moved over time, and
 * who is linked to whom. The statement list's filters are in the sidebar; they, the tab and
 * each view's settings are in the URL, and can be saved there as a query.
 */
export const AnalysisPage = () => {
  const { filters, settings, setFilters, setSettings, update } = useAnalysisUrlState();
  // The statement list's filter sidebar works unchanged on a list context made of the URL's filters.
  const listContext = useTimelineListContext(filters, setFilters, 0, 'asc');
  return (
    <ListContextProvider value={listContext}>
      <Title title="Analysis" />
      <Box sx={{ display: 'flex', mt: 2 }}>
        <StatementFilterSidebar savedQueries={<AnalysisSavedQueries />} />
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <StatementFilterBar savedQueries={<AnalysisSavedQueries />} />
          <Tabs
            value={settings.view}
            onChange={(_, view: AnalysisView) => setSettings({ view })}
            aria-label="Analysis"
            sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
          >
            <Tab value="chart" label="Stance over time" />
            <Tab value="network" label="Network" />
          </Tabs>
          {settings.view === 'chart' ? (
            <StanceChartPanel filters={filters} settings={settings} setSettings={setSettings} />
          ) : (
            <NetworkPanel filters={filters} settings={settings} setSettings={setSettings} update={update} />
          )}
        </Box>
      </Box>
    </ListContextProvider>
  );
};

export default AnalysisPage;
