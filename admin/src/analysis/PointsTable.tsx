import { Box, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import type { AnalysisStance, StanceInterval, StancePoint } from '../types';
import type { Interval } from './analysisState';
import type { ChartLine } from './chartLines';
import { intervalLabel } from './intervals';
import { stanceBreakdown } from './pointText';
import { formatScore } from './stanceScale';

const IntervalLink = ({ to, children }: { to: string | null; children: string }) =>
  to ? (
    <Link component={RouterLink} to={to}>
      {children}
    </Link>
  ) : (
    <>{children}</>
  );

/** The chart's numbers as a table (for reading exact values, and for screen readers): every interval with entries. */
export const PointsTable = ({
  lines,
  intervals,
  interval,
  stances,
  linkTo,
}: {
  lines: ChartLine[];
  intervals: StanceInterval[];
  interval: Interval;
  stances: AnalysisStance[];
  linkTo: (line: ChartLine, interval: StanceInterval) => string | null;
}) => {
  const rows = lines.flatMap((line) =>
    line.group.points
      .map((point, i): [StancePoint, StanceInterval] => [point, intervals[i]])
      .filter(([point]) => point.statements > 0)
      .map(([point, each]) => ({ line, point, each })),
  );
  if (!rows.length) return null;
  return (
    <Box component="section" aria-label="Points" sx={{ mt: 2, overflowX: 'auto' }}>
      <Typography variant="subtitle1" component="h3">
        Points
      </Typography>
      <Table size="small" aria-label="Mean stance per speaker and interval">
        <TableHead>
          <TableRow>
            <TableCell>Speaker</TableCell>
            <TableCell>When</TableCell>
            <TableCell align="right">Statements</TableCell>
            <TableCell align="right">With a stance</TableCell>
            <TableCell align="right">Mean</TableCell>
            <TableCell align="right">Median</TableCell>
            <TableCell>Stances</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ line, point, each }) => (
            <TableRow
              key={`${line.group.key}:${each.key}`}
              data-testid="analysis-point-row"
              data-group={line.group.key}
              data-interval={each.key}
            >
              <TableCell sx={{ color: line.color, fontWeight: 600 }}>{line.name}</TableCell>
              <TableCell>
                <IntervalLink to={linkTo(line, each)}>{intervalLabel(interval, each)}</IntervalLink>
              </TableCell>
              <TableCell align="right">{point.statements}</TableCell>
              <TableCell align="right">{point.withStance}</TableCell>
              <TableCell align="right">{point.meanScore === null ? '—' : formatScore(point.meanScore)}</TableCell>
              <TableCell align="right">{point.medianScore === null ? '—' : formatScore(point.medianScore)}</TableCell>
              <TableCell>{stanceBreakdown(point, stances) || '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
