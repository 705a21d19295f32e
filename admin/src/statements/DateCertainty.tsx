import { Box, Chip } from '@mui/material';

/** What an EDTF date says about how well it is known, beyond its precision. */
export type DateCertaintyKind = 'approximate' | 'uncertain' | 'by' | 'onward';

const MARKERS: Record<DateCertaintyKind, { label: string; explanation: string }> = {
  approximate: {
    label: 'approximate',
    explanation: 'Approximate date (EDTF ~): about then. Date filters allow a day, month or year either side, as precise as the date.',
  },
  uncertain: {
    label: 'uncertain',
    explanation: 'Uncertain date (EDTF ?): possibly then. Date filters allow a day, month or year either side, as precise as the date.',
  },
  by: {
    label: 'by (latest day)',
    explanation: 'Known only to have happened by this date (EDTF ../date): when before it is unknown.',
  },
  onward: {
    label: 'open end',
    explanation: 'Known from this date on (EDTF date/..): its end is open or unknown.',
  },
};

/** The markers an EDTF date (levels 0–1) calls for: qualifiers on either end, and an open start or end. */
export function dateCertainty(date: string | undefined | null): DateCertaintyKind[] {
  if (!date) return [];
  const [start, end] = date.includes('/') ? date.split('/') : [date, date];
  const qualifiers = `${start.slice(-1)}${end.slice(-1)}`;
  const kinds: DateCertaintyKind[] = [];
  if (/[~%]/.test(qualifiers)) kinds.push('approximate');
  if (/[?%]/.test(qualifiers)) kinds.push('uncertain');
  if (date.includes('/') && (start === '' || start === '..')) kinds.push('by');
  if (date.includes('/') && (end === '' || end === '..')) kinds.push('onward');
  return kinds;
}

/**
 * Small outlined markers next to a date that is approximate, uncertain, or known only by its
 * latest (or earliest) day — visible at a glance, not only as "c." or a trailing "?"; each says
 * what it means on hover and to screen readers. Nothing for a plain date.
 */
export const DateCertainty = ({ date }: { date: string | undefined | null }) => {
  const kinds = dateCertainty(date);
  if (!kinds.length) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap', verticalAlign: 'middle' }}>
      {kinds.map((kind) => (
        <Chip
          key={kind}
          size="small"
          variant="outlined"
          color="warning"
          label={MARKERS[kind].label}
          title={MARKERS[kind].explanation}
          role="note"
          aria-label={`${MARKERS[kind].label}: ${MARKERS[kind].explanation}`}
          data-testid="date-certainty"
          data-kind={kind}
          sx={{ height: 20, fontSize: '0.7rem', borderStyle: kind === 'approximate' || kind === 'uncertain' ? 'dashed' : 'solid' }}
        />
      ))}
    </Box>
  );
};
