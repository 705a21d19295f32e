import { Box, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { FieldChange } from '../history/FieldChange';
import type { SnapshotChanged as Changed, SnapshotDiffEntry, SnapshotRemoved as Removed } from '../types';

/** Where a statement of the comparison can be opened: its page, the trash (admins) for a trashed one; nowhere once purged. */
function linkOf(kind: 'added' | 'removed' | 'changed', entry: SnapshotDiffEntry, seesTrash: boolean): string | null {
  if (kind !== 'removed') return `/statements/${entry.id}/show`;
  const { reason } = entry as Removed;
  if (reason === 'purged') return null;
  if (reason === 'trashed') return seesTrash ? '/trash' : null;
  return `/statements/${entry.id}/show`;
}

const EntryTitle = ({ entry, to }: { entry: SnapshotDiffEntry; to: string | null }) => {
  const text = (
    <>
      <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums', color: 'text.secondary' }}>
        {entry.date}
      </Box>{' '}
      {entry.headline || `Statement ${entry.id}`}
    </>
  );
  return to ? (
    <MuiLink component={Link} to={to}>
      {text}
    </MuiLink>
  ) : (
    <span>{text}</span>
  );
};

/** Lists of records (source_details) compared and shown member by member, each as its JSON. */
const comparable = (value: unknown) =>
  Array.isArray(value)
    ? value.map((member: unknown) => (typeof member === 'object' && member !== null ? JSON.stringify(member) : member))
    : value;

/** The field changes of a changed statement: export column names, old value struck through → new one. */
const FieldChanges = ({ entry }: { entry: Changed }) => (
  <Box component="ul" sx={{ m: 0, mt: 0.25, pl: 2.5, fontSize: '0.875rem' }}>
    {entry.fields.map((change) => (
      <li key={change.field} data-field={change.field}>
        <Box component="span" sx={{ fontFamily: 'monospace', mr: 1 }}>
          {change.field}
        </Box>
        <FieldChange
          resource="snapshot-diff"
          field={change.field}
          before={{ [change.field]: comparable(change.before) }}
          after={{ [change.field]: comparable(change.after) }}
        />
      </li>
    ))}
  </Box>
);

/** One list of the comparison (added, removed with why, changed with what), each statement linked where it can be opened. */
export const DiffEntries = ({
  kind,
  title,
  entries,
  seesTrash = false,
}: {
  kind: 'added' | 'removed' | 'changed';
  title: string;
  entries: SnapshotDiffEntry[];
  seesTrash?: boolean;
}) => {
  if (entries.length === 0) return null;
  return (
    <Box component="section" aria-label={title} sx={{ mt: 2 }}>
      <Typography variant="subtitle2" component="h3">
        {title} ({entries.length})
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid={`diff-${kind}`}>
        {entries.map((entry) => (
          <Box component="li" key={entry.id} data-statement-id={entry.id} sx={{ py: 0.25 }}>
            <EntryTitle entry={entry} to={linkOf(kind, entry, seesTrash)} />
            {kind === 'removed' && (
              <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.875rem' }}>
                {' — '}
                {(entry as Removed).reason}
              </Box>
            )}
            {kind === 'changed' && <FieldChanges entry={entry as Changed} />}
          </Box>
        ))}
      </Box>
    </Box>
  );
};
