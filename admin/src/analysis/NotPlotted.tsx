import { Box, Link, List, ListItem, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import type { StanceGroup } from '../types';
import type { Grouping, Interval } from './analysisState';
import { groupName } from './chartLines';
import { INTERVAL_PLURAL } from './intervals';
import { plural } from './pointText';
import { statementsByIdUrl } from './statementLinks';

/**
 * What the chart leaves out, speaker by speaker, rather than plotting it as if it were precise:
 * entries whose date does not fit inside one interval ("2019" in a month view, "by January
 * 2019", a range across two months), each set openable in the list; and entries without a stance.
 */
export const NotPlotted = ({ groups, groupBy, interval }: { groups: StanceGroup[]; groupBy: Grouping; interval: Interval }) => {
  const noted = groups.filter((group) => group.imprecise.count > 0 || group.withoutStance > 0);
  if (!noted.length) return null;
  return (
    <Box component="section" aria-label="Not plotted" sx={{ mt: 2 }}>
      <Typography variant="subtitle1" component="h3">
        Not plotted
      </Typography>
      <List dense disablePadding>
        {noted.map((group) => (
          <ListItem key={group.key} disableGutters data-testid="analysis-not-plotted" data-group={group.key}>
            <Typography variant="body2">
              <strong>{groupName(group, groupBy)}</strong>:{' '}
              {group.imprecise.count > 0 && (
                <Link component={RouterLink} to={statementsByIdUrl(group.imprecise.ids)} data-testid="analysis-imprecise-link">
                  {plural(group.imprecise.count, 'entry', 'entries')} dated too loosely for {INTERVAL_PLURAL[interval]}
                </Link>
              )}
              {group.imprecise.count > 0 && !group.imprecise.complete && (
                <Typography component="span" variant="body2" color="text.secondary">
                  {' '}
                  (the link opens the first {group.imprecise.ids.length})
                </Typography>
              )}
              {group.imprecise.count > 0 && group.withoutStance > 0 && '; '}
              {group.withoutStance > 0 && `${plural(group.withoutStance, 'entry', 'entries')} without a stance`}
            </Typography>
          </ListItem>
        ))}
      </List>
    </Box>
  );
};
