import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Switch,
  TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useCreate, useNotify, useUpdate } from 'react-admin';
import type { SavedQuery } from '../types';
import { refusal, type FieldErrors } from './savedQueryErrors';

const FIELDS = new Set(['name', 'shared']);

/**
 * Saves the list's current query under a name (`query` given), or renames one of your own
 * (`savedQuery` given), with the choice to share it with the team. Refused, the reason shows
 * under the name, or above it for the query (a filter the server no longer takes).
 */
export const SavedQueryDialog = ({
  resource = 'statements',
  query,
  savedQuery,
  onDone,
  onClose,
}: {
  resource?: SavedQuery['resource'];
  query?: string;
  savedQuery?: SavedQuery;
  onDone: (saved: SavedQuery) => void;
  onClose: () => void;
}) => {
  const [name, setName] = useState(savedQuery?.name ?? '');
  const [shared, setShared] = useState(savedQuery?.shared ?? false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [create, { isPending: creating }] = useCreate<SavedQuery>();
  const [update, { isPending: updating }] = useUpdate<SavedQuery>();
  const notify = useNotify();
  const isPending = creating || updating;
  const renaming = Boolean(savedQuery);

  const succeeded = (saved: SavedQuery) => {
    notify(renaming ? `Saved “${saved.name}”` : `Saved the query “${saved.name}”${saved.shared ? ', shared with the team' : ' for you'}`, {
      type: 'success',
    });
    onDone(saved);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: 'A saved query needs a name.' });
    setErrors({});
    const options = { onSuccess: succeeded, onError: (error: unknown) => setErrors(refusal(error)) };
    if (savedQuery) {
      const data = { name: name.trim(), shared, version: savedQuery.version };
      void update('saved-queries', { id: savedQuery.id, data, previousData: savedQuery }, { ...options, mutationMode: 'pessimistic' });
    } else {
      void create('saved-queries', { data: { name: name.trim(), shared, resource, query: query ?? '' } }, options);
    }
  };

  const otherErrors = Object.entries(errors).filter(([field]) => !FIELDS.has(field));
  const title = renaming ? 'Rename saved query' : 'Save this query';
  return (
    <Dialog open onClose={() => !isPending && onClose()} fullWidth maxWidth="sm" aria-labelledby="saved-query-dialog-title">
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle id="saved-query-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {renaming
              ? 'Its filters and order stay as they are.'
              : 'Keeps the current filters and order under a name, on the server: it is there in every browser you sign in from.'}
          </DialogContentText>
          {otherErrors.length > 0 && (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="saved-query-error">
              {otherErrors.map(([field, message]) => (
                <div key={field}>{field ? `${field}: ${message}` : message}</div>
              ))}
            </Alert>
          )}
          <TextField
            label="Name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            autoFocus
            fullWidth
            margin="dense"
            slotProps={{ htmlInput: { maxLength: 200 } }}
            error={Boolean(errors.name)}
            helperText={errors.name ?? 'e.g. “All Lavrov statements on sovereignty”'}
          />
          <FormControlLabel
            control={<Switch checked={shared} onChange={(event) => setShared(event.target.checked)} />}
            label="Share with the team"
            sx={{ mt: 1 }}
          />
          <DialogContentText variant="caption" component="p">
            Shared, everyone signed in sees it and can apply it; only you can change or delete it.
          </DialogContentText>
          {!renaming && (
            <Box component="code" sx={{ display: 'block', mt: 1, fontSize: '0.75rem', color: 'text.secondary', wordBreak: 'break-all' }}>
              {query || '(every statement)'}
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={isPending}>
            Save
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
};
