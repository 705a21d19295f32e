import { Button, Typography } from '@mui/material';
import { BooleanInput, Edit, HttpError, Labeled, required, SimpleForm, TextInput, useNotify, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { RecordPageCard, useRecordLoadOptions } from '../common/RecordPage';
import type { SavedQuery } from '../types';
import { savedQueryPath } from './savedQueryUrls';

/** What the form does not change: the query itself (save a new one from the page to change it). */
const QueryFacts = () => {
  const savedQuery = useRecordContext<SavedQuery>();
  if (!savedQuery) return null;
  return (
    <Labeled label="Query">
      <Typography component="div">
        <code>{savedQuery.query || '(every statement)'}</code>{' '}
        <Button size="small" component={Link} to={savedQueryPath(savedQuery)}>
          Open
        </Button>
      </Typography>
    </Labeled>
  );
};

/** The change sent: name and sharing, and the version they are based on (409 if it moved on meanwhile). */
const editableFields = (data: SavedQuery) => ({ name: data.name, shared: data.shared, version: data.version });

/** Renaming one's own saved query, and sharing it with the team or not. */
export const SavedQueryEdit = () => {
  const notify = useNotify();
  const loadOptions = useRecordLoadOptions();
  const onError = (error: unknown) => {
    if (error instanceof HttpError && error.status === 409) {
      return notify('Not saved: this saved query changed since you opened it (in another window?). Reload the page.', { type: 'error' });
    }
    const fieldErrors = error instanceof HttpError ? (error.body?.errors as Record<string, string> | undefined) : undefined;
    if (fieldErrors && Object.keys(fieldErrors).length > 0) return;
    notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
  };
  return (
    <Edit<SavedQuery>
      mutationMode="pessimistic"
      redirect="list"
      transform={editableFields}
      mutationOptions={{ onError }}
      component={RecordPageCard}
      queryOptions={loadOptions}
    >
      <SimpleForm sx={{ maxWidth: 720 }} warnWhenUnsavedChanges>
        <QueryFacts />
        <TextInput source="name" label="Name" validate={required()} />
        <BooleanInput
          source="shared"
          label="Share with the team"
          helperText="Everyone signed in sees it and can apply it; only you change it."
        />
      </SimpleForm>
    </Edit>
  );
};

export default SavedQueryEdit;
