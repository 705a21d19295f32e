import { Typography } from '@mui/material';
import { useState } from 'react';
import { Create, email, RadioButtonGroupInput, required, SimpleForm, TextInput, useRedirect } from 'react-admin';
import { OneTimeSecretDialog } from '../common/OneTimeSecretDialog';
import type { AccountUser } from '../types';
import { ROLE_CHOICES, ROLE_HINTS } from './userChoices';

type Invited = AccountUser & { oneTimePassword: string };

/**
 * Invite: the server creates the account with a one-time password, shown here once, for the
 * admin to pass on. At first sign-in the new user must replace it.
 */
export const UserCreate = () => {
  const [invited, setInvited] = useState<Invited | null>(null);
  const redirect = useRedirect();
  return (
    <>
      <Create title="Invite a user" redirect={false} mutationOptions={{ onSuccess: (user: Invited) => setInvited(user) }}>
        <SimpleForm sx={{ maxWidth: 600 }} defaultValues={{ role: 'editor' }}>
          <TextInput source="email" type="email" validate={[required(), email()]} helperText="They sign in with it" />
          <TextInput source="displayName" label="Name" validate={required()} helperText="Shown in the history next to their changes" />
          <RadioButtonGroupInput
            source="role"
            choices={ROLE_CHOICES}
            optionText={(choice: { id: string }) => `${choice.id} — ${ROLE_HINTS[choice.id]}`}
            row={false}
            validate={required()}
          />
        </SimpleForm>
      </Create>
      <OneTimeSecretDialog
        title={`${invited?.displayName ?? ''} is invited`}
        label="One-time password"
        secret={invited?.oneTimePassword ?? null}
        onClose={() => invited && redirect('edit', 'users', invited.id)}
      >
        <Typography variant="body2">
          Give {invited?.displayName} this one-time password together with their email, <strong>{invited?.email}</strong>, by a channel you
          trust. At their first sign-in they choose their own password.
        </Typography>
      </OneTimeSecretDialog>
    </>
  );
};

export default UserCreate;
