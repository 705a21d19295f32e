import { Alert, Button, CardContent, CircularProgress, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, Login, PasswordInput, required, TextInput, useLogin } from 'react-admin';

/**
 * Email and password (POST /api/auth/login). A refusal is said in the card itself, next to the
 * fields, rather than in a toast that disappears: "Wrong email or password", a deactivated
 * account, or how long to wait after too many attempts.
 */
const LoginForm = () => {
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    setPending(true);
    setError(null);
    try {
      await login({ email: String(values.email ?? '').trim(), password: String(values.password ?? '') });
    } catch (refusal) {
      setError(refusal instanceof Error ? refusal.message : 'Signing in failed.');
      setPending(false);
    }
  };

  return (
    <Form onSubmit={submit} noValidate>
      <CardContent sx={{ width: 320, pb: 2 }}>
        <Typography variant="h6" component="h1" align="center" sx={{ mb: 1 }}>
          Sign in to Chronicle
        </Typography>
        {error && (
          <Alert severity="error" sx={{ mb: 1 }} data-testid="login-error">
            {error}
          </Alert>
        )}
        <TextInput source="email" label="Email" type="email" autoComplete="username" autoFocus validate={required()} helperText={false} />
        <PasswordInput source="password" label="Password" autoComplete="current-password" validate={required()} helperText={false} />
        <Button variant="contained" type="submit" fullWidth disabled={pending} sx={{ mt: 2 }}>
          {pending ? <CircularProgress size={19} thickness={3} /> : 'Sign in'}
        </Button>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 2 }}>
          No account yet? Ask an admin to invite you. On a new installation, the first admin's one-time password is printed on the server's
          console.
        </Typography>
      </CardContent>
    </Form>
  );
};

export const LoginPage = () => (
  <Login>
    <LoginForm />
  </Login>
);
