import { fetchUtils } from 'react-admin';
import { describeFailure } from '../common/serverUnreachable';
import { reportSessionExpired, sessionToken } from './session';

/** Chronicle's API is on the admin's own origin, under /api. */
export const API_URL = '/api';

/**
 * fetchUtils.fetchJson (JSON in and out, an HttpError carrying the body for any non-2xx answer)
 * with the session's bearer token. The data provider and the auth provider go through it. No
 * answer at all (fetch rejects) is an HttpError too, with status NO_ANSWER, so that pages can
 * tell "cannot reach the server" from "not found" (serverUnreachable.ts).
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const token = sessionToken();
  try {
    return await fetchUtils.fetchJson(url, token ? { ...options, user: { authenticated: true, token: `Bearer ${token}` } } : options);
  } catch (error) {
    throw describeFailure(error, options.signal);
  }
}

/**
 * Plain fetch() with the bearer token, for callers that read the response themselves (the EDTF
 * preview judges 400 answers). A 401 means the session ended: the layout then signs out.
 */
export async function authorizedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = sessionToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(url, { ...init, headers });
  if (response.status === 401) reportSessionExpired();
  return response;
}
