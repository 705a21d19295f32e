import ListIcon from '@mui/icons-material/ViewList';
import { Alert, Box, Button, CircularProgress, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useMemo } from 'react';
import { ListContextProvider, Title } from 'react-admin';
import { Link } from 'react-router-dom';
import { isServerUnreachable } from '../common/serverUnreachable';
import { ExportMenu } from '../export/ExportMenu';
import type { ExportSort } from '../export/exportUrl';
import { TimelineSavedQueries } from '../saved-queries/SavedQueriesPanel';
import { SaveSnapshotButton } from '../snapshots/SaveSnapshotButton';
import { StatementFilterBar, StatementFilterSidebar } from '../statements/StatementFilterSidebar';
import { statementListPath } from '../statements/statementListAddress';
import { groupEntries } from './groupEntries';
import { LanesTimeline } from './LanesTimeline';
import { useTimeline } from './useTimeline';
import { useTimelineListContext, useTimelineUrlState, type TimelineOrder, type TimelineView } from './useTimelineUrlState';
import { VerticalTimeline } from './VerticalTimeline';

/**
 * The filtered entries read as a timeline, month by month; in lanes mode each chosen speaker
 * gets a column. Filters, view and order are in the URL.
 */
export const TimelinePage = () => {
  const { filters, view, order, setFilters, setView, setOrder } = useTimelineUrlState();
  const timeline = useTimeline(filters, order);
  const listContext = useTimelineListContext(filters, setFilters, timeline.total, order);
  const groups = useMemo(() => groupEntries(timeline.entries), [timeline.entries]);
  const sort: ExportSort = { field: 'date', order: order === 'asc' ? 'ASC' : 'DESC' };
  const listUrl = statementListPath(filters, sort);

  return (
    <ListContextProvider value={listContext}>
      <Title title="Timeline" />
      <Box sx={{ display: 'flex', mt: 2 }}>
        <StatementFilterSidebar savedQueries={<TimelineSavedQueries />} />
        <Box sx={{ flex: 1, minWidth: 0 }} aria-busy={timeline.isFetching}>
          <StatementFilterBar savedQueries={<TimelineSavedQueries />} />
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
            <Typography variant="body2" color="text.secondary" sx={{ mr: 'auto' }} data-testid="timeline-count">
              {timeline.isPending ? 'Loading…' : `${timeline.total} ${timeline.total === 1 ? 'entry' : 'entries'}`}
            </Typography>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={view}
              onChange={(_, next: TimelineView | null) => next && setView(next)}
              aria-label="Layout"
            >
              <ToggleButton value="single">One column</ToggleButton>
              <ToggleButton value="lanes">Lanes by speaker</ToggleButton>
            </ToggleButtonGroup>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={order}
              onChange={(_, next: TimelineOrder | null) => next && setOrder(next)}
              aria-label="Order"
            >
              <ToggleButton value="asc">Oldest first</ToggleButton>
              <ToggleButton value="desc">Newest first</ToggleButton>
            </ToggleButtonGroup>
            <Button size="small" component={Link} to={listUrl} startIcon={<ListIcon />}>
              List
            </Button>
            <ExportMenu filter={filters} sort={sort} />
            <SaveSnapshotButton filter={filters} sort={sort} />
          </Box>

          {timeline.error && (
            <Alert
              severity={isServerUnreachable(timeline.error) ? 'warning' : 'error'}
              data-testid="timeline-load-error"
              action={
                <Button color="inherit" size="small" onClick={() => void timeline.refetch()} disabled={timeline.isFetching}>
                  Retry
                </Button>
              }
            >
              The timeline could not be loaded: {timeline.error.message}
            </Alert>
          )}
          {!timeline.isPending && !timeline.error && timeline.entries.length === 0 && (
            <Alert severity="info">No entries match these filters.</Alert>
          )}
          {/* The previous result, dimmed, while the one for new filters is on its way. */}
          <Box
            data-testid="timeline-results"
            aria-busy={timeline.isPlaceholderData}
            sx={{ opacity: timeline.isPlaceholderData ? 0.45 : 1, transition: 'opacity 150ms' }}
          >
            {view === 'lanes' ? (
              <LanesTimeline groups={groups} speakerIds={filters.speakerId ?? []} order={order} />
            ) : (
              <VerticalTimeline groups={groups} />
            )}
          </Box>
          <Box sx={{ display: 'flex', justifyContent: 'center', my: 2 }}>
            {timeline.isFetching && <CircularProgress size={24} />}
            {timeline.hasNextPage && !timeline.isFetching && (
              <Button variant="outlined" onClick={() => void timeline.fetchNextPage()}>
                Load more ({timeline.entries.length} of {timeline.total} shown)
              </Button>
            )}
          </Box>
        </Box>
      </Box>
    </ListContextProvider>
  );
};

export default TimelinePage;
