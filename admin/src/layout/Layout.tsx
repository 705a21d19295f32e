import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { Layout as RaLayout, useGetIdentity, useLogout } from 'react-admin';
import { Navigate } from 'react-router-dom';
import { CHANGE_PASSWORD_PATH } from '../auth/authProvider';
import { onSessionExpired } from '../auth/session';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

/** A request outside the data provider was answered 401: sign out, and come back here after signing in again. */
const SignOutWhenSessionExpires = () => {
  const logout = useLogout();
  useEffect(() => onSessionExpired(() => void logout({}, undefined, true)), [logout]);
  return null;
};

/**
 * Every page but the login and the password change is drawn inside this layout. A session on a
 * one-time password sees none of them: the server would refuse all their requests anyway.
 * react-admin's layout draws the page's one `<main>` landmark: pages draw none of their own.
 */
export const Layout = ({ children }: { children: ReactNode }) => {
  const { identity, isPending } = useGetIdentity();
  if (isPending) return null;
  if (identity?.mustChangePassword) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return (
    <RaLayout
      menu={Menu}
      appBar={AppBar}
      sx={{
        // react-admin lets the layout grow to its widest content (min-width: fit-content).
        // The page content may be narrower than a wide table: the table scrolls, not the whole page
        // (its own wrapper, so that a list's bulk actions toolbar sliding over the list's toolbar is not clipped).
        minWidth: 0,
        '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content, & .RaList-main': { minWidth: 0 },
        '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
      }}
    >
      <SignOutWhenSessionExpires />
      {children}
    </RaLayout>
  );
};
