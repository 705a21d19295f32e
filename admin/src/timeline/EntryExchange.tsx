import ForumOutlinedIcon from '@mui/icons-material/ForumOutlined';
import ReplyIcon from '@mui/icons-material/Reply';
import { Box, Link as MuiLink, Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import { Link } from 'react-router-dom';
import type { TimelineEntry } from '../types';
import { statementListPath } from '../statements/statementListAddress';

const cardOf = (id: number) => document.querySelector<HTMLElement>(`[data-testid="timeline-entry"][data-entry-id="${id}"]`);

/**
 * Brings the card of a statement on this page into view, focuses it and makes it flash, rather
 * than leaving the timeline; false when its card is not on the page (then the link opens it).
 */
function showCard(id: number): boolean {
  const card = cardOf(id);
  if (!card) return false;
  card.scrollIntoView({ block: 'center', behavior: 'smooth' });
  card.querySelector<HTMLElement>('a')?.focus({ preventScroll: true });
  card.animate([{ boxShadow: '0 0 0 4px rgba(255, 160, 0, 0.9)' }, { boxShadow: '0 0 0 4px rgba(255, 160, 0, 0)' }], {
    duration: 2000,
    easing: 'ease-out',
  });
  return true;
}

/** The list of the replies to a statement (the statement list filtered by respondsToId). */
const repliesUrl = (id: number) => statementListPath({ respondsToId: [id] });

/**
 * Where an entry stands in an exchange: the statement it replies to ("In reply to: speaker,
 * headline", to its card when it is on the page, else to its record), and how many reply to it.
 */
export const EntryExchange = ({ entry }: { entry: TimelineEntry }) => {
  const target = entry.respondsTo;
  if (!target && !entry.replyCount) return null;
  const onReplyTo = (event: MouseEvent) => {
    if (target && showCard(target.id)) event.preventDefault();
  };
  return (
    <Box sx={{ px: 1.25, pb: 1, display: 'flex', flexDirection: 'column', gap: 0.25 }} data-testid="timeline-exchange">
      {target && (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'flex', gap: 0.5, alignItems: 'baseline' }}>
          <ReplyIcon sx={{ fontSize: '1em', alignSelf: 'center' }} aria-hidden />
          <span>
            In reply to:{' '}
            <MuiLink component={Link} to={`/statements/${target.id}/show`} onClick={onReplyTo} data-testid="timeline-in-reply-to">
              {target.speaker.name}, {target.headline}
            </MuiLink>
          </span>
        </Typography>
      )}
      {entry.replyCount > 0 && (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'flex', gap: 0.5, alignItems: 'baseline' }}>
          <ForumOutlinedIcon sx={{ fontSize: '1em', alignSelf: 'center' }} aria-hidden />
          <MuiLink component={Link} to={repliesUrl(entry.id)} data-testid="timeline-replies">
            {entry.replyCount === 1 ? '1 reply' : `${entry.replyCount} replies`}
          </MuiLink>
        </Typography>
      )}
    </Box>
  );
};
