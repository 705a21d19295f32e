import { Alert, Box, Typography } from '@mui/material';
import { Fragment } from 'react';
import { useGetMany } from 'react-admin';
import { ActorName } from '../common/ActorName';
import type { Actor } from '../types';
import { dateRows } from './dateRows';
import type { EntryGroup } from './groupEntries';
import { TimelineEntryCard } from './TimelineEntryCard';
import type { TimelineOrder } from './useTimelineUrlState';

/**
 * Each chosen speaker in a column, lined up by date: periods (months) as headings across the
 * lanes, and under each a row per date (dateRows: the entries of one date range, in every lane),
 * so that what one side said sits opposite what the other said the same day. A lane with nothing
 * at that date leaves its cell empty.
 */
export const LanesTimeline = ({ groups, speakerIds, order }: { groups: EntryGroup[]; speakerIds: number[]; order: TimelineOrder }) => {
  const { data: speakers } = useGetMany<Actor>('actors', { ids: speakerIds }, { enabled: speakerIds.length > 0 });
  if (!speakerIds.length) {
    return <Alert severity="info">Choose two or more speakers in the filters to see each of them in a column of their own.</Alert>;
  }
  const byId = new Map((speakers ?? []).map((speaker) => [speaker.id, speaker]));
  const columns = `minmax(6.5em, max-content) repeat(${speakerIds.length}, minmax(14em, 1fr))`;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Box
        role="table"
        aria-label="Timeline in lanes"
        sx={{ display: 'grid', gridTemplateColumns: columns, columnGap: 1.5, minWidth: 'min-content' }}
      >
        <Box role="row" sx={{ display: 'contents' }}>
          <Box role="columnheader" aria-label="Date" />
          {speakerIds.map((id) => {
            const speaker = byId.get(id);
            return (
              <Box
                role="columnheader"
                key={id}
                data-testid="timeline-lane-header"
                data-speaker-id={id}
                sx={{ borderBottom: 2, borderColor: 'primary.main', py: 0.5, fontWeight: 600 }}
              >
                {speaker ? <ActorName actor={speaker} /> : `Actor ${id}`}
              </Box>
            );
          })}
        </Box>
        {groups.map((group) => (
          <Fragment key={group.key}>
            <Box role="row" sx={{ display: 'contents' }} data-testid="timeline-period">
              <Box role="rowheader" aria-colspan={speakerIds.length + 1} sx={{ gridColumn: '1 / -1', mt: 2, mb: 0.5 }}>
                <Typography variant="h6" component="h2">
                  {group.label}
                </Typography>
                {group.note && (
                  <Typography variant="body2" color="text.secondary" data-testid="timeline-period-note">
                    {group.note}
                  </Typography>
                )}
              </Box>
            </Box>
            {dateRows(group.entries, order).map((row) => (
              <Box
                role="row"
                key={row.key}
                sx={{ display: 'contents' }}
                data-testid="timeline-date-row"
                data-date-start={row.dateStart}
                data-date-end={row.dateEnd}
              >
                <Box role="rowheader" sx={{ py: 1, borderTop: 1, borderColor: 'divider' }}>
                  <Typography variant="subtitle2" component="div" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
                    {row.label}
                  </Typography>
                  {row.note && (
                    <Typography variant="caption" component="div" color="text.secondary">
                      {row.note}
                    </Typography>
                  )}
                </Box>
                {speakerIds.map((id) => (
                  <Box
                    role="cell"
                    key={id}
                    data-testid="timeline-lane"
                    data-speaker-id={id}
                    sx={{ display: 'flex', flexDirection: 'column', gap: 1, py: 0.5, borderTop: 1, borderColor: 'divider' }}
                  >
                    {row.entries
                      .filter((entry) => entry.speaker.id === id)
                      .map((entry) => (
                        <TimelineEntryCard key={entry.id} entry={entry} showSpeaker={false} showDate />
                      ))}
                  </Box>
                ))}
              </Box>
            ))}
          </Fragment>
        ))}
      </Box>
    </Box>
  );
};
