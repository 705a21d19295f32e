import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { HttpError, useCreate, useNotify, useRedirect } from 'react-admin';
import type { Snapshot } from '../types';

type Errors = Partial<Record<string, string>>;

const FIELDS = new Set(['title', 'note']);

/** The server's refusal: field errors by name (title, note, query.<param>), or its message. */
function refusal(error: unknown): Errors {
  const errors = error instanceof HttpError ? (error.body?.errors as Errors | undefined) : undefined;
  if (errors && Object.keys(errors).length > 0) return errors;
  return { '': error instanceof Error ? error.message : String(error) };
}

/**
 * The title (required) and note of a new snapshot of `query`. Saved, the snapshot's page opens;
 * refused, the reason shows under its field, or above them for the query (say, a filter the
 * server no longer takes).
 */
export const SaveSnapshotDialog = ({ query, onClose }: { query: string; onClose: () => void }) => {
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [create, { isPending }] = useCreate<Snapshot>();
  const notify = useNotify();
  const redirect = useRedirect();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setErrors({ title: 'A snapshot needs a title.' });
    setErrors({});
    const data = { title: title.trim(), query, ...(note.trim() ? { note: note.trim() } : {}) };
    void create(
      'snapshots',
      { data },
      {
        onSuccess: (snapshot) => {
          notify(`Saved the snapshot “${snapshot.title}”: ${snapshot.count} ${snapshot.count === 1 ? 'statement' : 'statements'}`, {
            type: 'success',
          });
          redirect('show', 'snapshots', snapshot.id);
        },
        onError: (error) => setErrors(refusal(error)),
      },
    );
  };

  const otherErrors = Object.entries(errors).filter(([field]) => !FIELDS.has(field));
  return (
    <Dialog open onClose={() => !isPending && onClose()} fullWidth maxWidth="sm" aria-labelledby="save-snapshot-title">
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle id="save-snapshot-title">Save as snapshot</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            Freezes the statements matching the current filters, in the order shown, with the actors, topics, stances and sources they refer
            to: its files, citation and hash stay the same, whatever is changed later.
          </DialogContentText>
          {otherErrors.length > 0 && (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="snapshot-query-error">
              {otherErrors.map(([field, message]) => (
                <div key={field}>{field ? `${field}: ${message}` : message}</div>
              ))}
            </Alert>
          )}
          <TextField
            label="Title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            required
            autoFocus
            fullWidth
            margin="dense"
            error={Boolean(errors.title)}
            helperText={errors.title ?? 'How it will be cited, e.g. “Lavrov, January 2019”'}
          />
          <TextField
            label="Note"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            multiline
            minRows={2}
            fullWidth
            margin="dense"
            error={Boolean(errors.note)}
            helperText={errors.note ?? 'Optional: what it is for (the paper, the chapter…)'}
          />
          <Box component="code" sx={{ display: 'block', mt: 1, fontSize: '0.75rem', color: 'text.secondary', wordBreak: 'break-all' }}>
            {query || '(every statement)'}
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={isPending}>
            Save snapshot
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
};
