import { Button, CardContent, Typography } from '@mui/material';
import { AuthLayout, useAuthenticated, useGetIdentity, useLogout, useNotify, useRedirect } from 'react-admin';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * Where a session on a one-time password (a new account, or after an admin's reset) lands and
 * stays: the server allows it nothing else until the account has a password of its own.
 */
export const ChangePasswordPage = () => {
  useAuthenticated();
  const { identity, refetch } = useGetIdentity();
  const redirect = useRedirect();
  const notify = useNotify();
  const logout = useLogout();
  const mustChange = Boolean(identity?.mustChangePassword);
  return (
    <AuthLayout>
      <CardContent sx={{ width: 380 }}>
        <Typography variant="h6" component="h1" gutterBottom>
          {mustChange ? 'Choose your own password' : 'Change your password'}
        </Typography>
        {mustChange && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {identity?.fullName ? `${identity.fullName}, you` : 'You'} signed in with a one-time password. Choose a password of your own to
            continue.
          </Typography>
        )}
        <ChangePasswordForm
          currentLabel={mustChange ? 'One-time password' : 'Current password'}
          // The identity is fetched again first: redirected while it still says mustChangePassword,
          // the session would land back here. react-query's refetch resolves (with the error in
          // its result) rather than rejects, so nothing is lost by not awaiting it.
          onChanged={() =>
            void refetch().then(() => {
              notify('Your password has been changed.', { type: 'success' });
              redirect('/');
            })
          }
        />
        <Button size="small" sx={{ mt: 2 }} onClick={() => void logout()}>
          Sign out instead
        </Button>
      </CardContent>
    </AuthLayout>
  );
};

export default ChangePasswordPage;
