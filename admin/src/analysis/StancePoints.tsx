import { getValueToPositionMapper, useXScale, useYScale } from '@mui/x-charts';
import type { KeyboardEvent } from 'react';
import type { AnalysisStance, StanceInterval } from '../types';
import type { Interval } from './analysisState';
import type { ChartLine } from './chartLines';
import { intervalLabel } from './intervals';
import { describePoint } from './pointText';
import { nearestStance, stanceColor, formatScore } from './stanceScale';

/**
 * The points of the lines, drawn by the page rather than the chart library: each is a link to
 * its statements (click, Enter or Space; a point of the speakers without a country has none), filled with the colour of the stance its mean is
 * nearest, ringed when the speaker's mean shifted by 1 or more since the previous point.
 */
export const StancePoints = ({
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
  const x = getValueToPositionMapper(useXScale<'band'>());
  const y = useYScale<'linear'>();
  const onKey = (event: KeyboardEvent, link: string) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onOpen(link);
  };
  return (
    <g data-testid="analysis-points">
      {lines.flatMap((line) =>
        line.group.points.map((point, i) => {
          if (point.meanScore === null) return null;
          const cx = x(intervals[i].key);
          const cy = y(point.meanScore);
          const link = linkFor(line, intervals[i]);
          const label = describePoint(line.name, intervalLabel(interval, intervals[i]), point, stances);
          return (
            <g
              key={`${line.group.key}:${point.interval}`}
              role={link ? 'link' : 'img'}
              tabIndex={link ? 0 : undefined}
              aria-label={link ? `${label}. Open these statements.` : label}
              data-testid="analysis-point"
              data-group={line.group.key}
              data-speaker-id={line.group.speakerId ?? undefined}
              data-interval={point.interval}
              data-mean={point.meanScore}
              data-statements={point.statements}
              data-shift={point.shift ? point.shift.delta : undefined}
              onClick={link ? () => onOpen(link) : undefined}
              onKeyDown={link ? (event) => onKey(event, link) : undefined}
              style={{ cursor: link ? 'pointer' : 'default', outline: 'none' }}
            >
              <title>{label}</title>
              {point.shift && (
                <>
                  <circle cx={cx} cy={cy} r={12} fill="none" stroke={line.color} strokeWidth={2} strokeDasharray="3 2" />
                  <text x={cx} y={cy - 17} textAnchor="middle" fontSize={12} fontWeight={700} fill={line.color}>
                    {formatScore(point.shift.delta)}
                  </text>
                </>
              )}
              <circle
                cx={cx}
                cy={cy}
                r={7}
                fill={stanceColor(nearestStance(stances, point.meanScore))}
                stroke={line.color}
                strokeWidth={3}
              />
            </g>
          );
        }),
      )}
    </g>
  );
};
