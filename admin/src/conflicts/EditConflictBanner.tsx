import { Alert, AlertTitle, Box, Button } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useGetResourceLabel, useNotify, useRecordContext, useResourceContext } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { formatInstant } from '../common/formatInstant';
import { useFieldLabel } from '../history/FieldValue';
import { visibleChangedFields } from '../history/fields';
import { ConflictReviewDialog } from './ConflictReviewDialog';
import { useEditConflict, type EditConflict } from './editConflictContext';
import { compareVersions, theirChangesToTake } from './mergeOnTop';

type Values = Record<string, unknown>;

interface Adopted {
  author: string;
  version: number;
  taken: string[];
  overriding: string[];
}

/**
 * Inside an edit form (nothing on a create page): says so when the record was changed by
 * someone else since the form was opened, and offers the ways out. Nothing typed is dropped
 * unless the user chooses "Discard mine".
 */
export const EditConflictBanner = () => {
  const state = useEditConflict();
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const form = useFormContext();
  const notify = useNotify();
  const label = useFieldLabel(resource);
  const getResourceLabel = useGetResourceLabel();
  const [reviewing, setReviewing] = useState(false);
  const [adopted, setAdopted] = useState<Adopted | null>(null);
  const alert = useRef<HTMLDivElement>(null);
  const conflict = state?.conflict;

  // A refusal where the eye is: the save was clicked at the bottom of the form, the banner is at its top.
  useEffect(() => {
    if (!conflict || !alert.current) return;
    alert.current.scrollIntoView({ block: 'center' });
    alert.current.focus({ preventScroll: true });
  }, [conflict]);

  // The base version: the record as first shown. Reloaded at a newer version while the user has
  // typed something, it is a conflict too (rather than the save silently adopting that version).
  useEffect(() => {
    if (!state || !record) return;
    const base = state.base.current;
    if (!base || base.id !== record.id) {
      state.base.current = record;
      return;
    }
    if (record.version <= base.version) return;
    // Typed: a value that is neither the one opened nor the reloaded one (whether react-admin's
    // reset of the form to the reloaded record has run yet or not).
    const typed = compareVersions(base, record, form.getValues()).some(({ side }) => side !== 'theirs');
    if (typed) state.report({ current: record as EditConflict['current'] });
    else state.base.current = record;
  }, [state, record, form]);

  if (!state || (!state.conflict && !adopted)) return null;
  const base = (state.base.current ?? record ?? {}) as Values;
  const names = (fields: string[]) => visibleChangedFields(resource, fields).map(label).join(', ');

  if (!state.conflict && adopted) {
    return (
      <Alert severity="info" onClose={() => setAdopted(null)} sx={{ mb: 2, width: '100%' }} data-testid="edit-conflict-adopted">
        Your changes are now on top of version {adopted.version} by {adopted.author}.
        {adopted.taken.length > 0 && ` Their changes to ${names(adopted.taken)} are in the form.`}
        {adopted.overriding.length > 0 && ` Where you both changed a field (${names(adopted.overriding)}), yours will replace theirs.`} Save
        to apply.
      </Alert>
    );
  }

  const current = conflict!.current;
  const author = current.updatedBy?.name ?? 'someone else';
  const what = getResourceLabel(resource, 1).toLowerCase();

  const keepMine = () => {
    const yours = form.getValues();
    const take = theirChangesToTake(base, current, yours);
    for (const [field, value] of Object.entries(take)) form.setValue(field, value, { shouldDirty: true });
    form.setValue('version', current.version);
    const overriding = compareVersions(base, current, yours)
      .filter(({ side }) => side === 'both')
      .map(({ field }) => field);
    state.base.current = current;
    setAdopted({ author, version: current.version, taken: Object.keys(take), overriding });
    setReviewing(false);
    state.dismiss();
  };

  const takeTheirs = () => {
    form.reset(current);
    state.base.current = current;
    setAdopted(null);
    setReviewing(false);
    state.dismiss();
    notify(`Loaded version ${current.version} by ${author}; your changes were discarded.`, { type: 'info' });
  };

  const choices = (
    <>
      <Button size="small" variant="contained" onClick={keepMine}>
        Keep editing mine on top of theirs
      </Button>
      <Button size="small" color="warning" onClick={takeTheirs}>
        Discard mine, load theirs
      </Button>
    </>
  );

  return (
    <Alert severity="warning" sx={{ mb: 2, width: '100%' }} data-testid="edit-conflict" role="alert" ref={alert} tabIndex={-1}>
      <AlertTitle>
        This {what} was changed by {author} at {formatInstant(current.updatedAt)} since you opened it
      </AlertTitle>
      Your changes are not saved; they are still in the form. Saving now would overwrite theirs, so first choose:
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
        <Button size="small" variant="outlined" onClick={() => setReviewing(true)}>
          Review their version
        </Button>
        {choices}
      </Box>
      <ConflictReviewDialog
        open={reviewing}
        resource={resource}
        conflict={conflict!}
        base={base}
        yours={form.getValues()}
        actions={choices}
        onClose={() => setReviewing(false)}
      />
    </Alert>
  );
};
