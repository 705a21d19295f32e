import { Box } from '@mui/material';
import {
  ChartsAxisHighlight,
  ChartsDataProvider,
  ChartsGrid,
  ChartsLegend,
  ChartsSurface,
  ChartsTooltip,
  ChartsWrapper,
  ChartsXAxis,
  ChartsYAxis,
  LinePlot,
} from '@mui/x-charts';
import { useMemo } from 'react';
import type { Interval } from './analysisState';
import type { ChartLine } from './chartLines';
import { shortIntervalLabel } from './intervals';
import { plural } from './pointText';
import { formatScore, stanceBands } from './stanceScale';
import { StanceBands } from './StanceBands';
import { StancePoints } from './StancePoints';
import type { AnalysisStance, StanceInterval } from '../types';

/**
 * Mean stance per interval, a line per speaker. Every interval from the first to the last is on
 * the x axis; an interval without a stance-bearing statement is a gap in the line, not a zero.
 * The y axis is the stance scale: ticks at the stances' scores, bands in their colours.
 */
export const StanceChart = ({
  lines,
  intervals,
  interval,
  stances,
  linkFor,
  onOpen,
}: {
  lines: ChartLine[];
  intervals: StanceInterval[];
  interval: Interval;
  stances: AnalysisStance[];
  linkFor: (line: ChartLine, interval: StanceInterval) => string | null;
  onOpen: (link: string) => void;
}) => {
  const bands = useMemo(() => stanceBands(stances), [stances]);
  const names = useMemo(() => new Map(bands.map((band) => [band.score, band.stances.map((stance) => stance.name).join(' / ')])), [bands]);
  const labels = useMemo(() => new Map(intervals.map((each) => [each.key, shortIntervalLabel(interval, each)])), [intervals, interval]);
  const series = lines.map((line) => ({
    type: 'line' as const,
    id: line.group.key,
    label: line.name,
    color: line.color,
    data: line.values,
    connectNulls: false,
    showMark: false,
    valueFormatter: (value: number | null, { dataIndex }: { dataIndex: number }) => {
      if (value === null) return null;
      const point = line.group.points[dataIndex];
      return `${formatScore(value)} (${plural(point.withStance, 'statement')})`;
    },
  }));
  return (
    <Box data-testid="analysis-chart" sx={{ width: '100%' }}>
      <ChartsDataProvider
        series={series}
        xAxis={[
          {
            id: 'intervals',
            // A band per interval (rather than points at the very edges): the first and last points sit inside the plot.
            scaleType: 'band',
            categoryGapRatio: 0,
            data: intervals.map((each) => each.key),
            valueFormatter: (key: string) => labels.get(key) ?? key,
          },
        ]}
        yAxis={[
          {
            id: 'stance',
            min: bands[0]?.from ?? -2.5,
            max: bands[bands.length - 1]?.to ?? 2.5,
            tickInterval: bands.map((band) => band.score),
            valueFormatter: (score: number) => `${names.get(score) ?? ''} ${formatScore(score)}`,
            width: 130,
          },
        ]}
        height={380}
        margin={{ top: 24, right: 24, bottom: 8, left: 8 }}
        skipAnimation
      >
        <ChartsWrapper legendPosition={{ vertical: 'top', horizontal: 'start' }}>
          <ChartsLegend />
          <ChartsSurface aria-label="Mean stance over time">
            <StanceBands bands={bands} />
            <ChartsGrid vertical />
            <LinePlot />
            <ChartsXAxis />
            <ChartsYAxis />
            <ChartsAxisHighlight x="band" />
            <StancePoints lines={lines} intervals={intervals} interval={interval} stances={stances} linkFor={linkFor} onOpen={onOpen} />
          </ChartsSurface>
          <ChartsTooltip trigger="axis" />
        </ChartsWrapper>
      </ChartsDataProvider>
    </Box>
  );
};
