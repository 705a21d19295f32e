import type { AccountUser } from '../types';

/**
 * The signed-in session: the bearer token the server issued at login, kept in localStorage so
 * that a reload or a second tab stays signed in. Only the token is stored; who it belongs to is
 * asked from GET /api/auth/me (a role can change while the token lives).
 */
const STORAGE_KEY = 'chronicle.session';

interface StoredSession {
  token: string;
  /** ISO instant; absent when unknown. */
  expiresAt?: string;
}

function readStored(): StoredSession | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as StoredSession | null;
    return parsed && typeof parsed.token === 'string' && parsed.token ? parsed : null;
  } catch {
    return null;
  }
}

/** The token to send, or null when signed out or past its expiry. */
export function sessionToken(): string | null {
  const stored = readStored();
  if (!stored) return null;
  if (stored.expiresAt && Date.parse(stored.expiresAt) <= Date.now()) return null;
  return stored.token;
}

let cachedUser: { token: string; user: Promise<AccountUser> } | null = null;

export function saveSession(token: string, expiresAt: string | undefined, user: AccountUser): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ token, expiresAt } satisfies StoredSession));
  cachedUser = { token, user: Promise.resolve(user) };
}

export function clearSession(): void {
  localStorage.removeItem(STORAGE_KEY);
  cachedUser = null;
}

/**
 * The account of the current token, asked once per token and page load. `load` does the
 * request (injected to keep this module free of HTTP code).
 */
export function currentUser(load: () => Promise<AccountUser>): Promise<AccountUser> {
  const token = sessionToken();
  if (!token) return Promise.reject(new Error('Not signed in'));
  if (cachedUser?.token !== token) {
    const user = load();
    cachedUser = { token, user };
    // A failed lookup is not remembered: the next call asks again.
    user.catch(() => {
      if (cachedUser?.user === user) cachedUser = null;
    });
  }
  return cachedUser.user;
}

/** After the account changed (password set, name or role changed elsewhere): ask again next time. */
export function forgetCurrentUser(): void {
  cachedUser = null;
}

type Listener = () => void;
const expiryListeners = new Set<Listener>();

/**
 * A request outside react-admin's data provider (the timeline, the date preview, the export
 * ticket) was answered 401: the token is no longer valid. The layout listens and signs out.
 */
export function reportSessionExpired(): void {
  for (const listener of expiryListeners) listener();
}

export function onSessionExpired(listener: Listener): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}
