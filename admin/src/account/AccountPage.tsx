import { Box, Card, CardContent, Divider, Typography } from '@mui/material';
import { Title, useAuthenticated, useGetIdentity, useNotify } from 'react-admin';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { PersonalTokens } from './PersonalTokens';

/** The signed-in account: who it is, its password, its personal API tokens. */
export const AccountPage = () => {
  useAuthenticated();
  const { identity } = useGetIdentity();
  const notify = useNotify();
  return (
    <Card sx={{ mt: 2, maxWidth: 960 }}>
      <Title title="Account" />
      <CardContent>
        <Typography variant="h5" component="h1">
          {identity?.fullName}
        </Typography>
        <Typography color="text.secondary">
          {identity?.email} · {identity?.role}
        </Typography>

        <Divider sx={{ my: 3 }} />
        <Box component="section" aria-label="Change password" sx={{ maxWidth: 420 }}>
          <Typography variant="h6" component="h2">
            Change password
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            Your other sessions (other browsers, other devices) are signed out; this one stays.
          </Typography>
          <ChangePasswordForm offerToKeepTokens onChanged={() => notify('Your password has been changed.', { type: 'success' })} />
        </Box>

        <Divider sx={{ my: 3 }} />
        <PersonalTokens />
      </CardContent>
    </Card>
  );
};

export default AccountPage;
