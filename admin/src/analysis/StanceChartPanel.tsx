import { Alert, Box, LinearProgress, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import type { StatementFilterValues } from '../statements/statementFilters';
import type { StanceInterval } from '../types';
import { GROUPINGS, INTERVALS, type AnalysisSettings, type Grouping, type Interval } from './analysisState';
import { chartLines, groupName, MAX_LINES, type ChartLine } from './chartLines';
import { INTERVAL_PLURAL } from './intervals';
import { NotPlotted } from './NotPlotted';
import { PointsTable } from './PointsTable';
import { plural } from './pointText';
import { ShiftList } from './ShiftList';
import { StanceChart } from './StanceChart';
import { pointFilter, statementListUrl } from './statementLinks';
import { useCountrySpeakers } from './useCountrySpeakers';
import { useStanceOverTime } from './useStanceOverTime';

const GROUP_OF: Record<Grouping, string> = { speaker: 'a speaker’s', country: 'a country’s speakers’', none: 'all' };
const INTERVAL_NAMES: Record<Interval, string> = { month: 'Month', quarter: 'Quarter', year: 'Year' };
const GROUPING_NAMES: Record<Grouping, string> = { speaker: 'A line per speaker', country: 'Per country', none: 'One line for all' };

/** Stance over time for the page's filters: the chart, then what it shifts, leaves out, and its numbers. */
export const StanceChartPanel = ({
  filters,
  settings,
  setSettings,
}: {
  filters: StatementFilterValues;
  settings: AnalysisSettings;
  setSettings: (settings: Partial<AnalysisSettings>) => void;
}) => {
  const { interval, groupBy } = settings;
  const query = useStanceOverTime(filters, interval, groupBy);
  const navigate = useNavigate();
  const data = query.data;
  const chosen = useMemo(() => filters.speakerId ?? [], [filters.speakerId]);
  const drawn = useMemo(() => (data ? chartLines(data, groupBy, chosen) : null), [data, groupBy, chosen]);

  const countries = useMemo(
    () => (data?.groupBy === 'country' ? data.groups.flatMap((group) => (group.country ? [group.country] : [])) : []),
    [data],
  );
  const countrySpeakers = useCountrySpeakers(countries, groupBy === 'country');

  const linkTo = useCallback(
    (line: ChartLine, each: StanceInterval) => {
      const filter = pointFilter(filters, groupBy, line.group, each, countrySpeakers);
      return filter && statementListUrl(filter);
    },
    [filters, groupBy, countrySpeakers],
  );
  const open = useCallback((link: string) => void navigate(link), [navigate]);

  return (
    <Box data-testid="analysis-chart-panel" aria-busy={query.isFetching}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={interval}
          onChange={(_, next: Interval | null) => next && setSettings({ interval: next })}
          aria-label="Interval"
        >
          {INTERVALS.map((each) => (
            <ToggleButton key={each} value={each}>
              {INTERVAL_NAMES[each]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={groupBy}
          onChange={(_, next: Grouping | null) => next && setSettings({ groupBy: next })}
          aria-label="Lines"
        >
          {GROUPINGS.map((each) => (
            <ToggleButton key={each} value={each}>
              {GROUPING_NAMES[each]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {data && (
          <Typography variant="body2" color="text.secondary" sx={{ ml: 'auto' }} data-testid="analysis-totals">
            {plural(data.totals.statements, 'statement')}: {data.totals.placed} placed in a {interval}, {data.totals.imprecise} dated too
            loosely for {INTERVAL_PLURAL[interval]}, {data.totals.withoutStance} without a stance
          </Typography>
        )}
      </Box>
      {query.isFetching && <LinearProgress sx={{ mb: 1 }} />}
      {query.error && <Alert severity="error">The chart could not be loaded: {query.error.message}</Alert>}
      {data && drawn && (
        <>
          {groupBy === 'speaker' && chosen.length === 0 && (
            <Alert severity="info" sx={{ mb: 1 }}>
              Choose speakers in the filters to compare them.
            </Alert>
          )}
          {drawn.leftOut.length > 0 && (
            <Alert severity="info" sx={{ mb: 1 }} data-testid="analysis-left-out">
              The {MAX_LINES} with most placed statements are drawn; not drawn:{' '}
              {drawn.leftOut.map((group) => groupName(group, groupBy)).join(', ')}.
            </Alert>
          )}
          {drawn.lines.length === 0 ? (
            <Alert severity="info" data-testid="analysis-chart-empty">
              Nothing to plot: no statement with a stance is dated within one {interval}.
            </Alert>
          ) : (
            <StanceChart
              lines={drawn.lines}
              intervals={data.intervals}
              interval={interval}
              stances={data.stances}
              linkFor={linkTo}
              onOpen={open}
            />
          )}
          <Typography variant="caption" color="text.secondary" component="p">
            Each point is the mean score of {GROUP_OF[groupBy]} statements with a stance in that {interval}, filled with the colour of the
            nearest stance; a gap means none. A dashed ring marks a shift of 1 or more since the line&apos;s previous point. Click a point
            to open its statements.
          </Typography>
          <ShiftList lines={drawn.lines} intervals={data.intervals} interval={interval} />
          <NotPlotted groups={data.groups} groupBy={groupBy} interval={interval} />
          <PointsTable lines={drawn.lines} intervals={data.intervals} interval={interval} stances={data.stances} linkTo={linkTo} />
        </>
      )}
    </Box>
  );
};
