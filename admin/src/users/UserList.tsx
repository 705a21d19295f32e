import { Chip } from '@mui/material';
import { CreateButton, DataTable, DateField, List, SearchInput, SelectInput, TopToolbar } from 'react-admin';
import type { AccountUser } from '../types';
import { oneTimePasswordExpired, oneTimePasswordExpiry } from './oneTimePassword';
import { ACTIVE_CHOICES, ROLE_CHOICES } from './userChoices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or email" />,
  <SelectInput key="role" source="role" choices={ROLE_CHOICES} alwaysOn />,
  <SelectInput key="active" source="active" label="Status" choices={ACTIVE_CHOICES} alwaysOn />,
];

/** Active, deactivated, or still on a one-time password (and whether that has expired, when it does). */
const AccountStatus = ({ user }: { user: AccountUser }) => {
  if (!user.active) return <Chip size="small" color="default" label="deactivated" />;
  if (oneTimePasswordExpired(user)) {
    return (
      <Chip
        size="small"
        color="warning"
        variant="outlined"
        label="one-time password expired"
        title={`Reset the password to give them a new one (${oneTimePasswordExpiry(user)})`}
      />
    );
  }
  if (user.mustChangePassword) {
    const expiry = oneTimePasswordExpiry(user);
    return (
      <Chip
        size="small"
        color="info"
        variant="outlined"
        label="one-time password"
        title={`Has not chosen a password yet${expiry ? `; ${expiry}` : ''}`}
      />
    );
  }
  return <Chip size="small" color="success" variant="outlined" label="active" />;
};

/** The accounts (admin). Nobody is deleted — the history keeps its authors — only deactivated. */
export const UserList = () => (
  <List
    sort={{ field: 'displayName', order: 'ASC' }}
    perPage={50}
    filters={filters}
    actions={
      <TopToolbar>
        <CreateButton label="Invite" />
      </TopToolbar>
    }
  >
    <DataTable<AccountUser> rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="displayName" label="Name" />
      <DataTable.Col source="email" label="Email" />
      <DataTable.Col source="role" label="Role" render={(user) => <Chip size="small" variant="outlined" label={user.role} />} />
      <DataTable.Col source="active" label="Status" render={(user) => <AccountStatus user={user as AccountUser} />} />
      <DataTable.Col source="lastLoginAt" label="Last signed in">
        <DateField source="lastLoginAt" showTime emptyText="never" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default UserList;
