import { Box, Link, List, ListItem, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import type { StanceInterval } from '../types';
import type { Interval } from './analysisState';
import type { ChartLine } from './chartLines';
import { intervalLabel } from './intervals';
import { formatScore } from './stanceScale';
import { statementsByIdUrl } from './statementLinks';

/**
 * The shifts the chart rings: "Sergey Lavrov: −1.5 from December 2018 to January 2019", with
 * the stance-bearing statements on each side one click away.
 */
export const ShiftList = ({ lines, intervals, interval }: { lines: ChartLine[]; intervals: StanceInterval[]; interval: Interval }) => {
  const byKey = new Map(intervals.map((each) => [each.key, each]));
  const label = (key: string) => {
    const found = byKey.get(key);
    return found ? intervalLabel(interval, found) : key;
  };
  const shifts = lines.flatMap((line) => line.group.points.filter((point) => point.shift).map((point) => ({ line, point })));
  return (
    <Box component="section" aria-label="Shifts" sx={{ mt: 2 }}>
      <Typography variant="subtitle1" component="h3">
        Shifts
      </Typography>
      {shifts.length === 0 ? (
        <Typography variant="body2" color="text.secondary" data-testid="analysis-no-shifts">
          No mean moved by 1 or more between one {interval} with a stance and the next.
        </Typography>
      ) : (
        <List dense disablePadding>
          {shifts.map(({ line, point }) => {
            const shift = point.shift!;
            return (
              <ListItem key={`${line.group.key}:${point.interval}`} disableGutters data-testid="analysis-shift" data-group={line.group.key}>
                <Typography variant="body2">
                  <Box component="span" sx={{ color: line.color, fontWeight: 600 }}>
                    {line.name}
                  </Box>
                  : {formatScore(shift.delta)} from {label(shift.previous)} to {label(point.interval)} (
                  <Link component={RouterLink} to={statementsByIdUrl(shift.before)}>
                    {shift.before.length} before
                  </Link>
                  ,{' '}
                  <Link component={RouterLink} to={statementsByIdUrl(shift.after)}>
                    {shift.after.length} after
                  </Link>
                  )
                </Typography>
              </ListItem>
            );
          })}
        </List>
      )}
    </Box>
  );
};
