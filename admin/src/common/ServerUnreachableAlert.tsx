import CloudOffIcon from '@mui/icons-material/CloudOff';
import { Alert, AlertTitle, Button } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * "Cannot reach the server", with what it means for what is on screen, and Retry: a click
 * (`onRetry`), or, inside a form, a submit button that sends the form again (`submit`).
 */
export const ServerUnreachableAlert = ({
  children,
  onRetry,
  submit = false,
  retrying = false,
  testId = 'server-unreachable',
}: {
  children: ReactNode;
  onRetry?: () => void;
  submit?: boolean;
  retrying?: boolean;
  testId?: string;
}) => (
  <Alert
    severity="warning"
    icon={<CloudOffIcon />}
    role="alert"
    data-testid={testId}
    sx={{ mb: 2, width: '100%', boxSizing: 'border-box' }}
    action={
      <Button color="inherit" size="small" type={submit ? 'submit' : 'button'} onClick={onRetry} disabled={retrying}>
        Retry
      </Button>
    }
  >
    <AlertTitle>Cannot reach the server</AlertTitle>
    {children}
  </Alert>
);
