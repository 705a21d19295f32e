import {
  Timeline,
  TimelineConnector,
  TimelineContent,
  TimelineDot,
  TimelineItem,
  timelineOppositeContentClasses,
  TimelineOppositeContent,
  TimelineSeparator,
} from '@mui/lab';
import { Box, Typography } from '@mui/material';
import { NO_STANCE_COLOR } from '../common/color';
import type { TimelineEntry } from '../types';
import type { EntryGroup } from './groupEntries';
import { TimelineEntryCard } from './TimelineEntryCard';

const EntryDot = ({ entry }: { entry: TimelineEntry }) => {
  const color = entry.stance?.color ?? NO_STANCE_COLOR;
  // A planned entry is a hollow, dashed dot: it has not happened (yet).
  return entry.status === 'planned' ? (
    <TimelineDot variant="outlined" sx={{ borderColor: color, borderStyle: 'dashed', bgcolor: 'background.paper' }} />
  ) : (
    <TimelineDot sx={{ bgcolor: color, boxShadow: 'none' }} />
  );
};

/** One column: month headings, and the entries of each month along a line, dots in stance colours. */
export const VerticalTimeline = ({ groups }: { groups: EntryGroup[] }) => (
  <Box>
    {groups.map((group) => (
      <Box component="section" key={group.key} aria-label={group.label} data-testid="timeline-period">
        <Typography
          variant="h6"
          component="h2"
          sx={{ mt: 2, mb: 0.5, position: 'sticky', top: 48, zIndex: 1, bgcolor: 'background.default', py: 0.5 }}
        >
          {group.label}
        </Typography>
        {group.note && (
          <Typography variant="body2" color="text.secondary" data-testid="timeline-period-note">
            {group.note}
          </Typography>
        )}
        <Timeline
          sx={{
            m: 0,
            p: 0,
            [`& .${timelineOppositeContentClasses.root}`]: { flex: '0 0 8.5em', pl: 0 },
          }}
        >
          {group.entries.map((entry, index) => (
            <TimelineItem key={entry.id}>
              <TimelineOppositeContent sx={{ pt: 2 }}>
                <Typography
                  variant="body2"
                  sx={{ fontVariantNumeric: 'tabular-nums', fontStyle: entry.status === 'planned' ? 'italic' : undefined }}
                >
                  {entry.displayDate}
                </Typography>
              </TimelineOppositeContent>
              <TimelineSeparator>
                <EntryDot entry={entry} />
                {index < group.entries.length - 1 && <TimelineConnector />}
              </TimelineSeparator>
              <TimelineContent sx={{ pb: 1.5 }}>
                <TimelineEntryCard entry={entry} />
              </TimelineContent>
            </TimelineItem>
          ))}
        </Timeline>
      </Box>
    ))}
  </Box>
);
