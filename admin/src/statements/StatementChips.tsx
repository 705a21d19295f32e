import VerifiedIcon from '@mui/icons-material/Verified';
import { Box, Chip } from '@mui/material';
import { Fragment } from 'react';
import { useRecordContext } from 'react-admin';
import type { ReviewStatus, Statement, StatementStatus, StatementType } from '../types';
import { DateCertainty } from './DateCertainty';

/** "meeting", and "planned" or "cancelled" when it did not (yet) take place. */
export const TypeStatusChips = ({ type, status }: { type: StatementType; status: StatementStatus }) => (
  <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap' }}>
    <Chip size="small" variant="outlined" label={type} />
    {status === 'planned' && <Chip size="small" label="planned" color="info" variant="outlined" sx={{ borderStyle: 'dashed' }} />}
    {status === 'cancelled' && <Chip size="small" label="cancelled" color="warning" variant="outlined" />}
  </Box>
);

export const ReviewChip = ({ reviewStatus }: { reviewStatus: ReviewStatus }) =>
  reviewStatus === 'verified' ? (
    <Chip size="small" color="success" variant="outlined" icon={<VerifiedIcon />} label="verified" />
  ) : (
    <Chip size="small" variant="outlined" label="draft" />
  );

/** Compact, for table cells: "meeting", "meeting · planned" (planned and cancelled stand out). */
export const TypeStatusField = () => {
  const record = useRecordContext<Statement>();
  if (!record) return null;
  return (
    <Box component="span">
      {record.type}
      {record.status !== 'occurred' && (
        <Box component="span" sx={{ color: record.status === 'planned' ? 'info.main' : 'warning.main', fontStyle: 'italic' }}>
          {' · '}
          {record.status}
        </Box>
      )}
    </Box>
  );
};

export const ReviewField = () => {
  const record = useRecordContext<Statement>();
  return record ? <ReviewChip reviewStatus={record.reviewStatus} /> : null;
};

/**
 * The display date, with the EDTF value it was derived from on hover; planned dates in italics;
 * approximate, uncertain and open dates marked (DateCertainty). Each end of a range stays on one
 * line, the range may break between them ("c. September 2018 –" / "January 2019").
 */
export const DisplayDateField = () => {
  const record = useRecordContext<Statement>();
  if (!record) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.25 }}>
      <Box
        component="span"
        title={`EDTF: ${record.date}`}
        sx={{ fontStyle: record.status === 'planned' ? 'italic' : undefined, fontVariantNumeric: 'tabular-nums' }}
      >
        {record.displayDate.split(' – ').map((part, index) => (
          <Fragment key={index}>
            {index > 0 && ' – '}
            <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
              {part}
            </Box>
          </Fragment>
        ))}
      </Box>
      <DateCertainty date={record.date} />
    </Box>
  );
};
