import HistoryIcon from '@mui/icons-material/History';
import KeyIcon from '@mui/icons-material/Key';
import ManageHistoryIcon from '@mui/icons-material/ManageHistory';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import PersonIcon from '@mui/icons-material/Person';
import { Button, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, TopToolbar, useDataProvider, useGetIdentity, useNotify, useRecordContext, useUpdate } from 'react-admin';
import { Link } from 'react-router-dom';
import { OneTimeSecretDialog } from '../common/OneTimeSecretDialog';
import type { ChronicleDataProvider } from '../dataProvider';
import type { AccountUser } from '../types';
import { accountHistoryPath, activityOfUserPath } from './userChoices';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Deactivating signs the account out everywhere (its tokens stop working); reactivating lets it sign in again. */
const ActiveToggle = ({ user }: { user: AccountUser }) => {
  // What the open dialog asks, fixed when it opens: it must not turn into the opposite question
  // while it fades out after the account has changed.
  const [asking, setAsking] = useState<{ open: boolean; deactivate: boolean }>({ open: false, deactivate: true });
  const { identity } = useGetIdentity();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate<AccountUser>();
  const close = () => setAsking((current) => ({ ...current, open: false }));
  const apply = () => {
    const deactivate = asking.deactivate;
    // Without returnPromise the promise never rejects: a failure reaches onError below.
    void update(
      'users',
      { id: user.id, data: { active: !deactivate }, previousData: user },
      {
        mutationMode: 'pessimistic',
        onSuccess: () =>
          notify(deactivate ? `${user.displayName} is deactivated` : `${user.displayName} is active again`, { type: 'info' }),
        // The last active admin cannot be deactivated: the server says so (409).
        onError: (error) => notify(message(error), { type: 'error' }),
        onSettled: close,
      },
    );
  };
  const self = identity?.id === user.id;
  return (
    <>
      <Button
        size="small"
        color={user.active ? 'error' : 'primary'}
        startIcon={user.active ? <PersonOffIcon /> : <PersonIcon />}
        onClick={() => setAsking({ open: true, deactivate: user.active })}
      >
        {user.active ? 'Deactivate' : 'Reactivate'}
      </Button>
      <Confirm
        isOpen={asking.open}
        loading={isPending}
        title={asking.deactivate ? `Deactivate ${user.displayName}?` : `Reactivate ${user.displayName}?`}
        content={
          asking.deactivate
            ? `They are signed out at once and cannot sign in; their API tokens stop working. Their changes stay in the history.${self ? ' This is your own account: you will be signed out.' : ''}`
            : 'They can sign in again with their password. Personal tokens revoked at deactivation stay revoked.'
        }
        confirm={asking.deactivate ? 'Deactivate' : 'Reactivate'}
        confirmColor={asking.deactivate ? 'warning' : 'primary'}
        onConfirm={apply}
        onClose={close}
      />
    </>
  );
};

/** A new one-time password, for a user who forgot theirs; shown once. */
const ResetPassword = ({ user }: { user: AccountUser }) => {
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const reset = useMutation({
    mutationFn: () => dataProvider.resetUserPassword(user.id).then((answer) => answer.data.oneTimePassword),
    onError: (error) => notify(`The password was not reset: ${message(error)}`, { type: 'error' }),
    onSettled: () => setConfirming(false),
  });
  return (
    <>
      <Button size="small" startIcon={<KeyIcon />} onClick={() => setConfirming(true)}>
        Reset password
      </Button>
      <Confirm
        isOpen={confirming}
        loading={reset.isPending}
        title={`Reset the password of ${user.displayName}?`}
        content="Their current password stops working and they are signed out. You get a one-time password to give them."
        confirm="Reset password"
        onConfirm={() => reset.mutate()}
        onClose={() => setConfirming(false)}
      />
      <OneTimeSecretDialog
        title={`New one-time password for ${user.displayName}`}
        label="One-time password"
        secret={reset.data ?? null}
        onClose={() => reset.reset()}
      >
        <Typography variant="body2">
          Give it to {user.displayName} ({user.email}) by a channel you trust. At their next sign-in they choose their own password.
        </Typography>
      </OneTimeSecretDialog>
    </>
  );
};

export const UserAccountActions = () => {
  const user = useRecordContext<AccountUser>();
  if (!user) return <TopToolbar />;
  return (
    <TopToolbar>
      <Button size="small" component={Link} to={activityOfUserPath(user.id)} startIcon={<HistoryIcon />}>
        Their changes
      </Button>
      <Button size="small" component={Link} to={accountHistoryPath(user.id)} startIcon={<ManageHistoryIcon />}>
        Account history
      </Button>
      <ResetPassword user={user} />
      <ActiveToggle user={user} />
    </TopToolbar>
  );
};
