import EventBusyIcon from '@mui/icons-material/EventBusy';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { Box, Card, CardActionArea, Chip, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { NO_STANCE_COLOR } from '../common/color';
import { DateCertainty } from '../statements/DateCertainty';
import type { TimelineEntry } from '../types';
import { EntryExchange } from './EntryExchange';

const CLAMPED = { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' } as const;

/**
 * The quote: in quotation marks only when it is the speaker's words (verbatim, or the source's
 * translation of them); a paraphrase, or a quote whose kind nobody has said, is labelled instead.
 */
const EntryQuote = ({ entry }: { entry: TimelineEntry }) => {
  const quotation = entry.quoteKind === 'verbatim' || entry.quoteKind === 'translation';
  return (
    <Typography
      component={quotation ? 'q' : 'p'}
      lang={entry.quoteLanguage ?? undefined}
      variant="body2"
      color="text.secondary"
      data-testid="timeline-quote"
      data-quote-kind={entry.quoteKind ?? 'unsaid'}
      sx={{ ...CLAMPED, mt: 0.5 }}
    >
      {!quotation && <em>{entry.quoteKind === 'paraphrase' ? 'Paraphrase: ' : 'Wording (kind not said): '}</em>}
      {entry.quote}
    </Typography>
  );
};

/**
 * One entry: date, speaker, headline, stance colour (the left edge), and what kind of entry it
 * is. A planned entry is drawn dashed and says "planned"; a cancelled one is struck through.
 * The card opens the statement; under it, the exchange it is part of (EntryExchange).
 */
export const TimelineEntryCard = ({
  entry,
  showSpeaker = true,
  showDate = false,
}: {
  entry: TimelineEntry;
  showSpeaker?: boolean;
  showDate?: boolean;
}) => {
  const planned = entry.status === 'planned';
  const cancelled = entry.status === 'cancelled';
  const stanceColor = entry.stance?.color ?? NO_STANCE_COLOR;
  return (
    <Card
      variant="outlined"
      data-testid="timeline-entry"
      data-entry-id={entry.id}
      data-speaker-id={entry.speaker.id}
      data-status={entry.status}
      sx={{
        borderStyle: planned ? 'dashed' : 'solid',
        borderLeftWidth: 5,
        borderLeftColor: stanceColor,
        backgroundColor: planned ? 'action.hover' : undefined,
        opacity: cancelled ? 0.7 : 1,
      }}
    >
      <CardActionArea component={Link} to={`/statements/${entry.id}/show`} sx={{ p: 1.25 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, flexWrap: 'wrap' }}>
          {showDate && (
            <Typography variant="body2" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
              {entry.displayDate}
            </Typography>
          )}
          <DateCertainty date={entry.date} />
          {showSpeaker && (
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {entry.speaker.name}
            </Typography>
          )}
          {entry.type !== 'statement' && <Chip size="small" variant="outlined" label={entry.type} />}
          {planned && (
            <Chip size="small" color="info" icon={<ScheduleIcon />} label="planned" variant="outlined" sx={{ borderStyle: 'dashed' }} />
          )}
          {cancelled && <Chip size="small" color="warning" icon={<EventBusyIcon />} label="cancelled" variant="outlined" />}
        </Box>
        <Typography
          sx={{
            mt: 0.5,
            fontWeight: 500,
            textDecoration: cancelled ? 'line-through' : undefined,
            fontStyle: planned ? 'italic' : undefined,
          }}
        >
          {entry.headline}
        </Typography>
        {entry.quote && <EntryQuote entry={entry} />}
        {entry.attribution && (
          <Typography
            variant="caption"
            color="text.secondary"
            component="p"
            data-testid="timeline-attribution"
            sx={{ fontStyle: 'italic' }}
          >
            {entry.attribution}
          </Typography>
        )}
        {entry.interpretation && (
          <Typography
            variant="caption"
            component="p"
            data-testid="timeline-interpretation"
            sx={{ ...CLAMPED, mt: 0.5, pl: 1, borderLeft: 2, borderColor: 'divider', color: 'text.secondary' }}
          >
            <em>According to {entry.interpretationSource?.publisher ?? entry.interpretationSource?.title ?? 'the source'}:</em>{' '}
            {entry.interpretation}
          </Typography>
        )}
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 0.75, alignItems: 'center' }}>
          {entry.stance && (
            <Typography variant="caption" sx={{ color: 'text.secondary', mr: 0.5 }}>
              {entry.stance.name}
            </Typography>
          )}
          {entry.topics.map((topic) => (
            <Chip key={topic.id} size="small" label={topic.name} sx={{ height: 20, fontSize: '0.7rem' }} />
          ))}
          {(entry.venue || entry.location) && (
            <Typography variant="caption" color="text.secondary">
              {[entry.venue, entry.location].filter(Boolean).join(', ')}
            </Typography>
          )}
        </Box>
      </CardActionArea>
      {/* Links of their own, outside the card's link: a link cannot hold another. */}
      <EntryExchange entry={entry} />
    </Card>
  );
};
