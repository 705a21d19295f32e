import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef } from 'react';
import { AppBar as RaAppBar, Logout, UserMenu, useGetIdentity, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';
import { PageTitle } from './PageTitle';

const ROLE_NAMES: Record<string, string> = { viewer: 'Viewer', editor: 'Editor', admin: 'Admin' };

/** "Account": own password and personal API tokens. */
const AccountMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const userMenu = useUserMenu();
  const { identity } = useGetIdentity();
  return (
    <MenuItem ref={ref} component={Link} to="/account" onClick={() => userMenu?.onClose()} {...props}>
      <ListItemIcon>
        <ManageAccountsIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText
        primary="Account"
        secondary={identity ? `${identity.email ?? ''} · ${ROLE_NAMES[identity.role] ?? identity.role}` : undefined}
      />
    </MenuItem>
  );
});
AccountMenuItem.displayName = 'AccountMenuItem';

/**
 * react-admin's app bar; its user menu (the signed-in name) leads to the account page and signs
 * out. The menu's button is named after the name it shows (react-admin calls it "Profile"), so
 * that what is read out matches what is seen.
 */
export const AppBar = () => {
  const { identity } = useGetIdentity();
  return (
    <RaAppBar
      userMenu={
        <UserMenu label={identity?.fullName ? `${identity.fullName}: account` : 'Account'}>
          <AccountMenuItem />
          <Logout />
        </UserMenu>
      }
    >
      <PageTitle />
    </RaAppBar>
  );
};
