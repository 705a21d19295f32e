import {
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { formatInstant } from '../common/formatInstant';
import { FieldChange } from '../history/FieldChange';
import { FieldValue, useFieldLabel } from '../history/FieldValue';
import { visibleChangedFields } from '../history/fields';
import { compareVersions, type FieldSide } from './mergeOnTop';
import type { EditConflict } from './editConflictContext';

type Values = Record<string, unknown>;

const SIDE_LABELS: Record<FieldSide, { label: string; color: 'info' | 'secondary' | 'warning' }> = {
  theirs: { label: 'changed by them', color: 'info' },
  yours: { label: 'changed by you', color: 'secondary' },
  both: { label: 'changed by both', color: 'warning' },
};

/**
 * Their version next to yours, for each field that differs, each side's change shown against
 * the version you started from. Where both changed a field, keeping yours replaces theirs.
 */
export const ConflictReviewDialog = ({
  open,
  resource,
  conflict,
  base,
  yours,
  actions,
  onClose,
}: {
  open: boolean;
  resource: string;
  conflict: EditConflict;
  base: Values;
  yours: Values;
  actions: ReactNode;
  onClose: () => void;
}) => {
  const label = useFieldLabel(resource);
  const theirs = conflict.current as Values;
  // The form still holds the derived reading of the date it was opened with.
  const yoursShown = yours.date === base.date ? yours : { ...yours, displayDate: undefined };
  const differences = compareVersions(base, theirs, yoursShown);
  const shown = new Set(
    visibleChangedFields(
      resource,
      differences.map((difference) => difference.field),
    ),
  );
  const author = conflict.current.updatedBy?.name ?? 'someone else';
  const cell = (field: string, changed: boolean, after: Values) =>
    changed ? (
      <FieldChange resource={resource} field={field} before={base} after={after} />
    ) : (
      <FieldValue resource={resource} field={field} value={after[field]} />
    );
  return (
    <Dialog open={open} onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="conflict-review-title">
      <DialogTitle id="conflict-review-title">Their version and yours</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {author} saved version {conflict.current.version} at {formatInstant(conflict.current.updatedAt)}. Each side's changes are shown
          against version {String(base.version)}, the one you opened.
        </Typography>
        <Table size="small" aria-label="Differences">
          <TableHead>
            <TableRow>
              <TableCell>Field</TableCell>
              <TableCell>Their version ({author})</TableCell>
              <TableCell>Yours (not saved)</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {differences
              .filter(({ field }) => shown.has(field))
              .map(({ field, side }) => (
                <TableRow key={field} data-testid="conflict-difference" data-field={field} data-side={side} sx={{ verticalAlign: 'top' }}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {label(field)}
                    <br />
                    <Chip
                      size="small"
                      variant="outlined"
                      color={SIDE_LABELS[side].color}
                      label={SIDE_LABELS[side].label}
                      sx={{ mt: 0.5 }}
                    />
                  </TableCell>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{cell(field, side !== 'yours', theirs)}</TableCell>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{cell(field, side !== 'theirs', yoursShown)}</TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
        {differences.length === 0 && <Typography sx={{ mt: 1 }}>Their version and yours hold the same values.</Typography>}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button onClick={onClose}>Close</Button>
        {actions}
      </DialogActions>
    </Dialog>
  );
};
