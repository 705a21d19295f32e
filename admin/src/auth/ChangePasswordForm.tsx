import { Alert, Button, CircularProgress } from '@mui/material';
import { useState } from 'react';
import { BooleanInput, Form, HttpError, maxLength, minLength, PasswordInput, required, useDataProvider, type Validator } from 'react-admin';
import type { ChronicleDataProvider } from '../dataProvider';
import { forgetCurrentUser } from './session';

/** docs/ACCOUNTS.md: at least 10 and at most 256 characters. */
const PASSWORD_RULES = [required(), minLength(10, 'At least 10 characters'), maxLength(256, 'At most 256 characters')];

const sameAsNew: Validator = (value, values) => (value && value !== values.newPassword ? 'Not the same as the new password' : undefined);
const differentFromCurrent: Validator = (value, values) =>
  value && value === values.currentPassword ? 'Choose a password different from the current one' : undefined;

/**
 * POST /api/auth/password. The server signs out the account's other sessions (this one stays)
 * and revokes its personal API tokens, unless the user keeps them (`offerToKeepTokens`: the
 * account page; a first sign-in with a one-time password has none).
 * The server's reason for a refusal (a wrong current password) shows on its field.
 */
export const ChangePasswordForm = ({
  onChanged,
  currentLabel = 'Current password',
  offerToKeepTokens = false,
}: {
  onChanged: () => void;
  currentLabel?: string;
  offerToKeepTokens?: boolean;
}) => {
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // A new form after a change: the passwords typed do not stay on the page.
  const [generation, setGeneration] = useState(0);

  const submit = async (values: Record<string, unknown>) => {
    setPending(true);
    setError(null);
    try {
      await dataProvider.changePassword(String(values.currentPassword), String(values.newPassword), values.keepPersonalTokens === true);
      forgetCurrentUser();
      setGeneration((current) => current + 1);
      onChanged();
      return undefined;
    } catch (refusal) {
      const fieldErrors = refusal instanceof HttpError ? (refusal.body?.errors as Record<string, string> | undefined) : undefined;
      if (!fieldErrors) setError(refusal instanceof Error ? refusal.message : 'The password was not changed.');
      return fieldErrors;
    } finally {
      setPending(false);
    }
  };

  return (
    <Form key={generation} onSubmit={submit} noValidate>
      {error && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {error}
        </Alert>
      )}
      <PasswordInput source="currentPassword" label={currentLabel} autoComplete="current-password" validate={required()} fullWidth />
      <PasswordInput
        source="newPassword"
        label="New password"
        autoComplete="new-password"
        validate={[...PASSWORD_RULES, differentFromCurrent]}
        helperText="10 to 256 characters; a passphrase of several words is easiest to remember"
        fullWidth
      />
      <PasswordInput
        source="confirmPassword"
        label="New password again"
        autoComplete="new-password"
        validate={[required(), sameAsNew]}
        fullWidth
      />
      {offerToKeepTokens && (
        <BooleanInput
          source="keepPersonalTokens"
          label="Keep my personal API tokens working"
          defaultValue={false}
          helperText="Off: changing the password revokes them too, in case the old password was used to make one"
        />
      )}
      <Button variant="contained" type="submit" disabled={pending} sx={{ mt: 1 }}>
        {pending ? <CircularProgress size={19} thickness={3} /> : 'Change password'}
      </Button>
    </Form>
  );
};
