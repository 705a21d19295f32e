import { Alert, Box, Typography } from '@mui/material';
import { useGetMany } from 'react-admin';
import { ActorName } from '../common/ActorName';
import type { Actor } from '../types';
import type { EntryGroup } from './groupEntries';
import { TimelineEntryCard } from './TimelineEntryCard';

/**
 * Each chosen speaker in a column, periods in rows: what one side said next to what the other
 * said in the same month.
 */
export const LanesTimeline = ({ groups, speakerIds }: { groups: EntryGroup[]; speakerIds: number[] }) => {
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
        sx={{ display: 'grid', gridTemplateColumns: columns, columnGap: 1.5, rowGap: 1, minWidth: 'min-content' }}
      >
        <Box role="row" sx={{ display: 'contents' }}>
          <Box role="columnheader" />
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
          <Box role="row" key={group.key} sx={{ display: 'contents' }} data-testid="timeline-period">
            <Typography role="rowheader" variant="subtitle2" component="div" sx={{ pt: 1, color: 'text.secondary' }} title={group.note}>
              {group.label}
            </Typography>
            {speakerIds.map((id) => (
              <Box
                role="cell"
                key={id}
                data-testid="timeline-lane"
                data-speaker-id={id}
                sx={{ display: 'flex', flexDirection: 'column', gap: 1, py: 0.5, borderTop: 1, borderColor: 'divider' }}
              >
                {group.entries
                  .filter((entry) => entry.speaker.id === id)
                  .map((entry) => (
                    <TimelineEntryCard key={entry.id} entry={entry} showSpeaker={false} showDate />
                  ))}
              </Box>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
};
