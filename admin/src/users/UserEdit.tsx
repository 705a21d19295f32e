import { Alert, Typography } from '@mui/material';
import {
  DateField,
  Edit,
  Labeled,
  RadioButtonGroupInput,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
} from 'react-admin';
import { RecordPageCard, useRecordLoadOptions } from '../common/RecordPage';
import type { AccountUser } from '../types';
import { oneTimePasswordExpired, oneTimePasswordExpiry } from './oneTimePassword';
import { UserAccountActions } from './UserAccountActions';
import { ROLE_CHOICES, ROLE_HINTS } from './userChoices';

/** The server takes only these in a change (PUT /api/users/:id); the rest of the record is its own. */
const editableFields = (data: Partial<AccountUser>) => ({ displayName: data.displayName, role: data.role });

const AccountFacts = () => {
  const user = useRecordContext<AccountUser>();
  if (!user) return null;
  return (
    <>
      {!user.active && (
        <Alert severity="warning" sx={{ mb: 2, width: '100%' }}>
          This account is deactivated: it cannot sign in.
        </Alert>
      )}
      {user.active && user.mustChangePassword && oneTimePasswordExpired(user) && (
        <Alert severity="warning" sx={{ mb: 2, width: '100%' }}>
          Their one-time password {oneTimePasswordExpiry(user)}: it no longer signs in. Reset the password to give them a new one.
        </Alert>
      )}
      {user.active && user.mustChangePassword && !oneTimePasswordExpired(user) && (
        <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
          Has not yet replaced their one-time password{user.oneTimePasswordExpiresAt ? ` (it ${oneTimePasswordExpiry(user)})` : ''}.
        </Alert>
      )}
      <Labeled label="Email">
        <Typography>{user.email}</Typography>
      </Labeled>
      <Labeled label="Last signed in">
        <DateField source="lastLoginAt" showTime emptyText="never" />
      </Labeled>
    </>
  );
};

/** Name and role; deactivation and password reset are the buttons above. Users are never deleted. */
export const UserEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="list"
    transform={editableFields}
    actions={<UserAccountActions />}
    component={RecordPageCard}
    queryOptions={useRecordLoadOptions()}
  >
    <SimpleForm
      sx={{ maxWidth: 600 }}
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <AccountFacts />
      <TextInput source="displayName" label="Name" validate={required()} helperText="Shown in the history next to their changes" />
      <RadioButtonGroupInput
        source="role"
        choices={ROLE_CHOICES}
        optionText={(choice: { id: string }) => `${choice.id} — ${ROLE_HINTS[choice.id]}`}
        row={false}
        validate={required()}
        helperText="The last active admin cannot be demoted"
      />
    </SimpleForm>
  </Edit>
);

export default UserEdit;
