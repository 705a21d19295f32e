import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiErrorBody, FieldErrors, RetryLaterException, summarise } from './api-errors';
import { describePostgresError, isDatabaseUnavailable } from './postgres-errors';

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** Errors raised by Express middleware (body-parser's http-errors) carry an HTTP status of their own. */
interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  errno?: number;
  expose?: boolean;
  message?: string;
  /** Set by verifyJsonBody: what is wrong, by field. */
  fieldErrors?: FieldErrors;
}

/**
 * Whether an error comes from reading the request body: body-parser's own (`entity.too.large`,
 * `charset.unsupported`, …) or zlib's, for a Content-Encoding the bytes do not follow (gzip and
 * deflate fail with `Z_…` codes, brotli with `ERR__ERROR_…`).
 */
const isBodyError = (error: HttpishError | undefined) =>
  !!error &&
  (/^(entity|request|stream|encoding|charset)\./.test(error.type ?? '') ||
    (typeof error.errno === 'number' && /^(Z_|ERR__ERROR_)/.test(error.code ?? '')));

function fromHttpException(exception: HttpException): ApiErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string') return { statusCode, error: REASON[statusCode] ?? 'Error', message: response };
  const r = response as Partial<ApiErrorBody> & { message?: unknown };
  const message = Array.isArray(r.message) ? r.message.join('; ') : String(r.message ?? exception.message);
  return {
    statusCode,
    error: r.error ?? REASON[statusCode] ?? 'Error',
    message,
    ...(r.errors ? { errors: r.errors } : {}),
    ...(r.current !== undefined ? { current: r.current } : {}),
  };
}

function fromBodyParser(error: HttpishError): ApiErrorBody | undefined {
  const statusCode = error.status ?? error.statusCode;
  if (!statusCode || statusCode < 400 || statusCode >= 500 || error.expose === false) return undefined;
  if (error.fieldErrors) {
    return { statusCode, error: REASON[statusCode] ?? 'Error', message: summarise(error.fieldErrors), errors: error.fieldErrors };
  }
  const message =
    error.type === 'entity.parse.failed'
      ? `The request body is not valid JSON: ${error.message}`
      : error.type === 'entity.too.large'
        ? 'The request body is too large.'
        : error.errno !== undefined
          ? `The request body cannot be read: it does not follow its Content-Encoding (${error.message})`
          : `The request body cannot be read: ${error.message}`;
  return { statusCode, error: REASON[statusCode] ?? 'Error', message, errors: { body: message } };
}

/**
 * A path parameter that is not valid percent-encoded UTF-8 (`/api/statements/%FF`): the router
 * refuses it before any route runs, saying only the value. The parameter's name is found by
 * matching the raw path against the routes' patterns.
 */
function fromUndecodableParam(error: unknown, request: Request): ApiErrorBody | undefined {
  if (!(error instanceof URIError)) return undefined;
  const raw = /^Failed to decode param '([\s\S]*)'$/.exec(error.message)?.[1];
  if (raw === undefined) return undefined;
  const name = paramNamed(request, raw) ?? 'path';
  const reason = `"${raw}" is not valid percent-encoded UTF-8`;
  return { statusCode: 400, error: 'Bad Request', message: `${name}: ${reason}`, errors: { [name]: reason } };
}

interface RouterLayer {
  route?: { path?: unknown };
}

function paramNamed(request: Request, raw: string): string | undefined {
  const segments = request.path.replace(/\/$/, '').split('/');
  const layers = (request.app as unknown as { router?: { stack?: RouterLayer[] } }).router?.stack ?? [];
  for (const layer of layers) {
    const pattern = layer.route?.path;
    if (typeof pattern !== 'string') continue;
    const parts = pattern.split('/');
    if (parts.length !== segments.length) continue;
    const literalsMatch = parts.every((part, i) => part.startsWith(':') || part.toLowerCase() === segments[i].toLowerCase());
    const param = parts.find((part, i) => part.startsWith(':') && segments[i] === raw);
    if (literalsMatch && param) return param.slice(1);
  }
  return undefined;
}

/**
 * The single place that turns any failure into Chronicle's error body, so that every route,
 * the admin and scripts see one shape: `{ statusCode, error, message, errors? }`.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();

    // Express's adapter wraps body-parser failures (bad JSON, too large) and the router's in an HttpException.
    const cause = exception instanceof HttpException ? exception.cause : undefined;
    const body =
      (isBodyError(cause as HttpishError) ? fromBodyParser(cause as HttpishError) : undefined) ??
      fromUndecodableParam(cause, request) ??
      (exception instanceof HttpException ? fromHttpException(exception) : undefined) ??
      describePostgresError(exception) ??
      fromBodyParser(exception as HttpishError);

    const final: ApiErrorBody = body ?? {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'An unexpected error occurred; it has been logged.',
    };
    // The request's own log line (same reqId) says which request it was, with its URL redacted.
    if (isDatabaseUnavailable(exception)) {
      // Expected while PostgreSQL restarts: one short line per request, not a stack trace each.
      this.logger.warn(`${request.method} → 503, the database is unavailable: ${(exception as Error).message}`);
    } else if (final.statusCode >= 500 && !(exception instanceof RetryLaterException)) {
      // A RetryLaterException is a refusal under load, which its raiser logs (once, not per request).
      const detail = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
      this.logger.error(`${request.method} → ${final.statusCode}: ${detail}`);
    }
    if (response.headersSent) {
      // A stream already started: all that is left is to end it.
      response.destroy();
      return;
    }
    // A streamed export may have set its own headers before it failed.
    response.removeHeader('Content-Disposition');
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    if (final.statusCode === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    if (exception instanceof RetryLaterException) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(final.statusCode).json(final);
  }
}
