import { HttpError } from 'react-admin';

/**
 * The status of an HttpError for a request that got no answer at all: fetch() rejected (no
 * network, the server down, a proxy or a firewall refusing the connection).
 */
export const NO_ANSWER = 0;

/** A proxy's "the server behind me does not answer" (502, 504), or the server's "not now" (503). */
const NOT_ANSWERING = new Set([502, 503, 504]);

/**
 * The request did not reach a server able to answer it: the record or the list may well be
 * there, so the page says so and offers to retry, rather than treating it as "not found".
 */
export const isServerUnreachable = (error: unknown): error is HttpError =>
  error instanceof HttpError && (error.status === NO_ANSWER || NOT_ANSWERING.has(error.status));

/**
 * The error a failed request is reported with: a fetch that got no answer becomes an HttpError
 * with status NO_ANSWER, a 502/503/504 says that the server cannot answer, anything else (a
 * real 404, a 400 with field errors, a cancelled request) stays as it was.
 */
export function describeFailure(error: unknown, signal?: AbortSignal | null): unknown {
  if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) return error;
  if (error instanceof HttpError) {
    if (!NOT_ANSWERING.has(error.status)) return error;
    const detail = typeof error.body?.message === 'string' ? `: ${error.body.message}` : '';
    return new HttpError(`Cannot reach the server (${error.status}${detail})`, error.status, error.body);
  }
  return new HttpError('Cannot reach the server: no answer came (is the network down?)', NO_ANSWER, null);
}

/** Why, in a sentence, under "Cannot reach the server". */
export function unreachableDetail(error: HttpError): string {
  if (error.status === NO_ANSWER) return 'No answer came: the network, or the server, is down.';
  const reason = typeof error.body?.message === 'string' ? `: ${error.body.message}` : '';
  return `It answered ${error.status}${reason}.`;
}
