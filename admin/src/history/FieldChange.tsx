import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Box } from '@mui/material';
import { Added, FieldValue, ListDiff, Removed, TextDiff } from './FieldValue';
import { isEmptyValue, isLongText, referenceOf } from './fields';

/** How a statement's date read: "June 2019 (2019-06)". */
const DateValue = ({ record }: { record: Record<string, unknown> | null }) =>
  record && !isEmptyValue(record.date) ? (
    <span>
      {String(record.displayDate ?? record.date)}
      {record.displayDate && record.displayDate !== record.date ? ` (${String(record.date)})` : ''}
    </span>
  ) : (
    <FieldValue resource="statements" field="date" value={null} />
  );

/**
 * One field's change from `before` to `after` (whole records, as the API returned them): long
 * texts word by word, lists by member, anything else as the old value struck through → the new one.
 */
export const FieldChange = ({
  resource,
  field,
  before,
  after,
}: {
  resource: string;
  field: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}) => {
  const old = before?.[field];
  const now = after?.[field];
  if (resource === 'statements' && field === 'date' && !before) return <DateValue record={after} />;
  if (!before) return <FieldValue resource={resource} field={field} value={now} />;
  if (resource === 'statements' && field === 'date') {
    return (
      <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, flexWrap: 'wrap' }}>
        <Removed>
          <DateValue record={before} />
        </Removed>
        <ArrowForwardIcon fontSize="inherit" aria-label="became" />
        <Added>
          <DateValue record={after} />
        </Added>
      </Box>
    );
  }
  if (Array.isArray(old) || Array.isArray(now)) return <ListDiff resource={resource} field={field} before={old} after={now} />;
  if (typeof old === 'string' && typeof now === 'string' && (isLongText(old) || isLongText(now)) && !referenceOf(resource, field)) {
    return <TextDiff before={old} after={now} />;
  }
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, flexWrap: 'wrap' }}>
      {isEmptyValue(old) ? (
        <FieldValue resource={resource} field={field} value={old} />
      ) : (
        <Removed>
          <FieldValue resource={resource} field={field} value={old} />
        </Removed>
      )}
      <ArrowForwardIcon fontSize="inherit" aria-label="became" />
      {isEmptyValue(now) ? (
        <FieldValue resource={resource} field={field} value={now} />
      ) : (
        <Added>
          <FieldValue resource={resource} field={field} value={now} />
        </Added>
      )}
    </Box>
  );
};
