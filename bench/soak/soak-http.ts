import * as http from 'node:http';

/** One finished exchange: the status, the body (unless a sink took it) and the time to its last byte. */
export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as text; empty when `sink` took it. */
  body: string;
  bytes: number;
  ms: number;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Receives a successful answer's body chunk by chunk instead of keeping it (exports: memory stays flat). */
  sink?: (chunk: Buffer) => void;
}

/**
 * Far beyond the server's own statement timeout (30 s): the server, not the client, must be
 * the one to give up, and a request still unanswered after this counts as a network error.
 */
const REQUEST_TIMEOUT_MS = 90_000;

/**
 * A keep-alive HTTP/1.1 client on node:http (not fetch): every answer — status, headers,
 * the whole body — is read by the caller, which the write ledger needs, and the number of
 * sockets it may open is fixed, so the server's file descriptors have a known bound.
 */
export class SoakClient {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(
    base: string,
    private readonly headers: Record<string, string>,
    maxSockets: number,
  ) {
    this.url = new URL(base);
    // `timeout` is not only the idle limit of a socket: without it Node's Agent ignores the
    // server's `Keep-Alive: timeout=5` and keeps an idle socket until the server closes it —
    // and a request sent on it just then dies with ECONNRESET (the first 5-minute soak lost
    // two PATCHes so). With it, the Agent drops idle sockets a second before the server would.
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: REQUEST_TIMEOUT_MS });
  }

  request(method: string, path: string, options: RequestOptions = {}): Promise<HttpAnswer> {
    const started = performance.now();
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: this.url.hostname,
          port: this.url.port,
          method,
          path,
          agent: this.agent,
          headers: {
            accept: 'application/json',
            ...this.headers,
            ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
            ...options.headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          let bytes = 0;
          // An error's body is kept whole, for the report.
          const sink = (response.statusCode ?? 0) < 300 ? options.sink : undefined;
          response.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (sink) sink(chunk);
            else chunks.push(chunk);
          });
          // A body cut off before its end (a stream the server destroyed) is an error, not a short answer.
          response.on('error', reject);
          response.on('aborted', () => reject(new Error(`${method} ${path}: the response was cut off after ${bytes} bytes`)));
          response.on('end', () => {
            if (!response.complete) return reject(new Error(`${method} ${path}: the response ended incomplete after ${bytes} bytes`));
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
              bytes,
              ms: performance.now() - started,
            });
          });
        },
      );
      request.setTimeout(REQUEST_TIMEOUT_MS, () =>
        request.destroy(new Error(`${method} ${path}: no answer in ${REQUEST_TIMEOUT_MS / 1000} s`)),
      );
      request.on('error', reject);
      request.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
