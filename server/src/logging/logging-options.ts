import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino, { Level, LevelWithSilent } from 'pino';
import type { AuthenticatedRequest } from '../auth/principal';

export const LOG_LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Header a caller (or the proxy in front) may set to follow one request through the logs. */
export const REQUEST_ID_HEADER = 'X-Request-Id';
/** What an incoming request id may look like: a proxy's UUID or trace id, never a log-injection vector. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Query parameters that carry credentials in URLs (the one-use export ticket, which lets a
 * plain browser link download an export). Logged as `[redacted]`.
 */
const SECRET_QUERY_PARAMETERS = ['ticket', 'token', 'access_token', 'password'];

/**
 * Fields that must never be written, wherever a careless `logger.log({ ... })` puts them.
 * Request headers are not serialised at all (see `serializers`), so Authorization and
 * cookies cannot leak through the request log; these paths are the second line of defence.
 */
const REDACTED_PATHS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'secret',
  'authorization',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.secret',
  '*.authorization',
  '*.cookie',
  'req.headers',
  'res.headers',
];

export function redactUrl(url: string | undefined): string | undefined {
  if (!url?.includes('?')) return url;
  const [path, query] = [url.slice(0, url.indexOf('?')), url.slice(url.indexOf('?') + 1)];
  const redacted = query
    .split('&')
    .map((pair) => {
      const name = decodeSafely(pair.split('=')[0]).toLowerCase();
      return SECRET_QUERY_PARAMETERS.includes(name) ? `${pair.split('=')[0]}=[redacted]` : pair;
    })
    .join('&');
  return `${path}?${redacted}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function requestIdFor(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers['x-request-id'];
  const id = typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** The one pino instance of a process: JSON lines on stdout, ISO times, level names. */
export function createRootLogger(level: LevelWithSilent, destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    // Synchronous: the last lines before a crash or a process.exit are the ones that matter.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * nestjs-pino's parameters: one log line per finished request (method, redacted URL, status,
 * time, user id) and a `reqId` on every line logged while a request is handled, through the
 * request-scoped child logger nestjs-pino keeps in AsyncLocalStorage.
 */
export function loggingParams(logger: pino.Logger): Params {
  return {
    pinoHttp: {
      logger,
      genReqId: requestIdFor,
      // Lines logged inside a request carry only its id; the closing line carries the rest.
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'reqId', responseTime: 'ms' },
      // Our serializers read the raw request and response: pino's wrappers would first copy every
      // header and socket detail into an object that is then thrown away, on every request.
      wrapSerializers: false,
      serializers: {
        req: (req: IncomingMessage & { originalUrl?: string }) => ({ method: req.method, url: redactUrl(req.originalUrl ?? req.url) }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
      customLogLevel: (req: IncomingMessage, res: ServerResponse, error?: Error): Level | 'silent' => {
        if (error || res.statusCode >= 500) return 'error';
        if (res.statusCode >= 400) return 'warn';
        // The container's health probe every ten seconds would drown the log.
        return req.url?.startsWith('/api/health') ? 'debug' : 'info';
      },
      // The user id goes on the closing line itself: pino-http's customProps would cost two child
      // loggers per request (about 1 % of a list request's CPU at 1,000,000 statements).
      customSuccessObject: (req: IncomingMessage, _res: ServerResponse, line: Record<string, unknown>) => withUserId(req, line),
      // For a 5xx pino-http invents an Error whose stack is its own internals; the real cause is
      // on the exception filter's line with the same reqId.
      customErrorObject: (req: IncomingMessage, _res: ServerResponse, error: Error, line: Record<string, unknown>) =>
        withUserId(req, /^failed with status code \d+$/.test(error.message) ? { ...line, err: undefined } : line),
      customSuccessMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${redactUrl(req.url)} ${res.statusCode}`,
      customErrorMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${redactUrl(req.url)} ${res.statusCode}`,
    },
  };
}

function withUserId(req: IncomingMessage, line: Record<string, unknown>): Record<string, unknown> {
  const principal = (req as unknown as AuthenticatedRequest).principal;
  return principal ? { ...line, userId: principal.user.id } : line;
}
