import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import type { AccountUser } from '../types';
import { API_URL, httpClient } from './httpClient';
import { roleCan } from './permissions';
import { clearSession, currentUser, forgetCurrentUser, saveSession, sessionToken } from './session';

/** Where a session with a one-time password is sent, and kept, until it sets its own. */
export const CHANGE_PASSWORD_PATH = '/change-password';

interface LoginAnswer {
  token: string;
  expiresAt?: string;
  user: AccountUser;
}

const fetchMe = async (): Promise<AccountUser> => {
  const { json } = await httpClient(`${API_URL}/auth/me`);
  return (json as { user: AccountUser }).user;
};

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** Login refusals in words a person can act on (a 401 does not say which of the two was wrong, on purpose). */
async function loginRefusal(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  switch (response.status) {
    case 401:
      return new Error('Wrong email or password.');
    case 403:
      return new Error(body?.message || 'This account is deactivated. Ask an admin to reactivate it.');
    case 429: {
      const retryAfter = Number(response.headers.get('Retry-After'));
      return new Error(
        retryAfter > 0
          ? `Too many failed attempts. Try again in ${minutes(retryAfter)} minute${minutes(retryAfter) === 1 ? '' : 's'}.`
          : 'Too many failed attempts. Try again in a few minutes.',
      );
    }
    default:
      return new Error(body?.message || `Signing in failed (${response.status} ${response.statusText}).`);
  }
}

/** A 403 that only says "set your own password first" (docs/ACCOUNTS.md: errors.password). */
export const isPasswordChangeRequired = (error: unknown) =>
  error instanceof HttpError && error.status === 403 && Boolean(error.body?.errors?.password);

export const authProvider: AuthProvider = {
  async login({ email, password }: { email: string; password: string }) {
    // Plain fetch: a refusal's Retry-After header is needed, and no old token must go along.
    const response = await fetch(`${API_URL}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email, password }),
    }).catch(() => null);
    if (!response) throw new Error('The server could not be reached. Try again in a moment.');
    if (!response.ok) throw await loginRefusal(response);
    const answer = (await response.json()) as LoginAnswer;
    saveSession(answer.token, answer.expiresAt, answer.user);
    return answer.user.mustChangePassword ? { redirectTo: CHANGE_PASSWORD_PATH } : undefined;
  },

  async logout() {
    if (sessionToken()) {
      // Revoke the token on the server; signing out locally must not depend on it answering.
      await httpClient(`${API_URL}/auth/logout`, { method: 'POST' }).catch(() => undefined);
    }
    clearSession();
  },

  async checkAuth() {
    if (!sessionToken()) throw { message: false };
  },

  async checkError(error: unknown) {
    const status = (error as { status?: number } | null)?.status;
    if (status === 401) throw new Error('Your session has ended. Please sign in again.');
    // Still on a one-time password (say, reset by an admin meanwhile): to the form that ends it.
    if (isPasswordChangeRequired(error)) throw { logoutUser: false, redirectTo: CHANGE_PASSWORD_PATH, message: false };
    // Any other refusal (403 for a role, 409 …) is the page's to show; the session stays.
  },

  async getIdentity(): Promise<UserIdentity> {
    forgetCurrentUser(); // the identity is asked at start and after account changes: fresh then
    const user = await currentUser(fetchMe);
    return { id: user.id, fullName: user.displayName, email: user.email, role: user.role, mustChangePassword: user.mustChangePassword };
  },

  async getPermissions() {
    return (await currentUser(fetchMe)).role;
  },

  async canAccess({ action, resource }) {
    if (!sessionToken()) return false;
    return roleCan((await currentUser(fetchMe)).role, action, resource);
  },
};
