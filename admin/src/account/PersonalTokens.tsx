import { Alert, Box, Button, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Confirm, HttpError, useDataProvider, useNotify } from 'react-admin';
import { OneTimeSecretDialog } from '../common/OneTimeSecretDialog';
import { formatInstant } from '../common/formatInstant';
import type { ChronicleDataProvider } from '../dataProvider';
import type { PersonalToken, TokenScope } from '../types';

const TOKENS_KEY = ['auth', 'tokens'];

const SCOPES: Array<{ id: TokenScope; name: string }> = [
  { id: 'read', name: 'read — what a viewer may do' },
  { id: 'read-write', name: 'read-write — what your role may do' },
];

const errorText = (error: unknown) => (error instanceof HttpError ? error.message : String(error));

/** Name, scope and lifetime of a new token; the server answers with the token, shown once. */
const NewTokenForm = ({ onCreated }: { onCreated: (token: PersonalToken & { token: string }) => void }) => {
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [days, setDays] = useState('90');
  const create = useMutation({
    mutationFn: () =>
      dataProvider
        .createPersonalToken({ name: name.trim(), scope, ...(days ? { expiresInDays: Number(days) } : {}) })
        .then((answer) => answer.data),
    onSuccess: (token) => {
      setName('');
      onCreated(token);
    },
  });
  const fieldErrors = create.error instanceof HttpError ? (create.error.body?.errors as Record<string, string> | undefined) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) create.mutate();
  };
  return (
    <Box
      component="form"
      onSubmit={submit}
      aria-label="New personal token"
      sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start', mt: 2 }}
    >
      <TextField
        size="small"
        label="Token name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        required
        error={Boolean(fieldErrors?.name)}
        helperText={fieldErrors?.name ?? 'What it is for, e.g. "R scripts on my laptop"'}
        sx={{ flex: '1 1 16em' }}
      />
      <TextField
        select
        size="small"
        label="Scope"
        value={scope}
        onChange={(event) => setScope(event.target.value as TokenScope)}
        sx={{ flex: '0 1 18em' }}
      >
        {SCOPES.map((choice) => (
          <MenuItem key={choice.id} value={choice.id}>
            {choice.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        type="number"
        label="Expires after (days)"
        value={days}
        onChange={(event) => setDays(event.target.value)}
        error={Boolean(fieldErrors?.expiresInDays)}
        helperText={fieldErrors?.expiresInDays ?? 'Empty: 90 days; at most 365'}
        slotProps={{ htmlInput: { min: 1, max: 365 } }}
        sx={{ flex: '0 1 11em' }}
      />
      <Button type="submit" variant="contained" disabled={!name.trim() || create.isPending} sx={{ mt: 0.25 }}>
        Create token
      </Button>
      {create.error && !fieldErrors && (
        <Alert severity="error" sx={{ width: '100%' }}>
          The token was not created: {errorText(create.error)}
        </Alert>
      )}
    </Box>
  );
};

/**
 * Personal API tokens (GET/POST/DELETE /api/auth/tokens), for scripts that read or write without
 * a password: `curl -H "Authorization: Bearer chr_…"`. A new one is shown once; revoking is immediate.
 */
export const PersonalTokens = () => {
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [created, setCreated] = useState<(PersonalToken & { token: string }) | null>(null);
  const [revoking, setRevoking] = useState<PersonalToken | null>(null);
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: () => dataProvider.getPersonalTokens().then((answer) => answer.data) });
  const revoke = useMutation({
    mutationFn: (token: PersonalToken) => dataProvider.revokePersonalToken(token.id),
    onSuccess: (_answer, token) => notify(`Token “${token.name}” revoked`, { type: 'info' }),
    onError: (error) => notify(`The token was not revoked: ${errorText(error)}`, { type: 'error' }),
    onSettled: () => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });

  return (
    <Box component="section" aria-label="Personal API tokens">
      <Typography variant="h6" component="h2">
        Personal API tokens
      </Typography>
      <Typography variant="body2" color="text.secondary">
        For scripts and tools: send <code>Authorization: Bearer &lt;token&gt;</code> with each request to <code>/api</code>.
      </Typography>
      {tokens.error && <Alert severity="error">The tokens could not be loaded: {errorText(tokens.error)}</Alert>}
      {tokens.data && tokens.data.length === 0 && (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          You have no personal tokens.
        </Typography>
      )}
      {tokens.data && tokens.data.length > 0 && (
        <Table size="small" sx={{ mt: 1 }} aria-label="Your personal tokens">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Scope</TableCell>
              <TableCell>Created</TableCell>
              <TableCell>Expires</TableCell>
              <TableCell>Last used</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {tokens.data.map((token) => (
              <TableRow key={token.id} data-testid="personal-token">
                <TableCell>{token.name}</TableCell>
                <TableCell>{token.scope}</TableCell>
                <TableCell>{formatInstant(token.createdAt)}</TableCell>
                <TableCell>{token.expiresAt ? formatInstant(token.expiresAt) : 'never'}</TableCell>
                <TableCell>{token.lastUsedAt ? formatInstant(token.lastUsedAt) : 'not yet'}</TableCell>
                <TableCell align="right">
                  <Button size="small" color="error" onClick={() => setRevoking(token)}>
                    Revoke
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <NewTokenForm
        onCreated={(token) => {
          setCreated(token);
          void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
        }}
      />
      <OneTimeSecretDialog
        title={`Token “${created?.name ?? ''}” created`}
        label="Personal API token"
        secret={created?.token ?? null}
        onClose={() => setCreated(null)}
      >
        <Typography variant="body2">
          Scope <strong>{created?.scope}</strong>,{' '}
          {created?.expiresAt ? `valid until ${formatInstant(created.expiresAt)}` : 'valid until revoked'}. Store it where your scripts can
          read it, such as an environment variable.
        </Typography>
      </OneTimeSecretDialog>
      <Confirm
        isOpen={revoking !== null}
        title={`Revoke the token “${revoking?.name ?? ''}”?`}
        content="Scripts using it will be refused from now on."
        confirm="Revoke"
        loading={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      />
    </Box>
  );
};
