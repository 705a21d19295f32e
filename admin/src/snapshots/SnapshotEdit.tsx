import { Typography } from '@mui/material';
import { Edit, HttpError, Labeled, required, SaveButton, SimpleForm, TextInput, Toolbar, useNotify, useRecordContext } from 'react-admin';
import { RecordPageCard, useRecordLoadOptions } from '../common/RecordPage';
import type { Snapshot } from '../types';
import { DeleteSnapshotButton } from './DeleteSnapshotButton';
import { ShortHash } from './ShortHash';

/** What the form cannot change, for reference: the frozen query and its fingerprint. */
const FrozenFacts = () => {
  const snapshot = useRecordContext<Snapshot>();
  if (!snapshot) return null;
  return (
    <>
      <Labeled label="Query">
        <Typography>{snapshot.queryWords}</Typography>
      </Labeled>
      <Labeled label="Frozen">
        <Typography>
          {snapshot.count.toLocaleString('en')} {snapshot.count === 1 ? 'statement' : 'statements'}, SHA-256{' '}
          <ShortHash sha256={snapshot.sha256} />
        </Typography>
      </Labeled>
    </>
  );
};

/**
 * The change sent (PUT /api/snapshots/:id): the title and note, and the version they were based
 * on, so that a colleague's change meanwhile is refused (409) rather than overwritten. The rest
 * of the record is left out: the server would accept it only unchanged, and `url` follows the
 * address the API is reached at.
 */
const editableFields = (data: Snapshot) => ({ title: data.title, note: data.note || null, version: data.version });

/**
 * A snapshot's title and note, the only things that change: its query, statements, files and
 * hash are frozen. Deleting is for admins (the button asks).
 */
export const SnapshotEdit = () => {
  const notify = useNotify();
  const loadOptions = useRecordLoadOptions();
  // As react-admin does (field errors on their fields, anything else notified), with a 409 in words.
  const onError = (error: unknown) => {
    if (error instanceof HttpError && error.status === 409) {
      return notify('Not saved: someone changed this snapshot since you opened it. Reload the page to see their title and note.', {
        type: 'error',
      });
    }
    const fieldErrors = error instanceof HttpError ? (error.body?.errors as Record<string, string> | undefined) : undefined;
    if (fieldErrors && Object.keys(fieldErrors).length > 0) return;
    notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
  };
  return (
    <Edit<Snapshot>
      mutationMode="pessimistic"
      redirect="show"
      transform={editableFields}
      mutationOptions={{ onError }}
      component={RecordPageCard}
      queryOptions={loadOptions}
    >
      <SimpleForm
        sx={{ maxWidth: 720 }}
        warnWhenUnsavedChanges
        toolbar={
          <Toolbar sx={{ justifyContent: 'space-between' }}>
            <SaveButton />
            <DeleteSnapshotButton />
          </Toolbar>
        }
      >
        <FrozenFacts />
        <TextInput source="title" label="Title" validate={required()} helperText="How it is cited" />
        <TextInput source="note" label="Note" multiline minRows={2} helperText="What it is for (the paper, the chapter…)" />
      </SimpleForm>
    </Edit>
  );
};

export default SnapshotEdit;
