import { BadRequestException, ConflictException, HttpException, NotFoundException } from '@nestjs/common';

/** Field name → what is wrong with it, in words a curator can act on. */
export type FieldErrors = Record<string, string>;

/** The one error body Chronicle sends: `{ statusCode, error, message, errors? }`. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: FieldErrors;
  /** With a 409 on a stale version: the record as it is now. */
  current?: unknown;
}

/** The field errors in one line, for `message`. */
export const summarise = (errors: FieldErrors) =>
  Object.entries(errors)
    .map(([field, reason]) => (reason.startsWith(`${field} `) ? reason : `${field}: ${reason}`))
    .join('; ');

export function badRequest(errors: FieldErrors, message = summarise(errors)): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message, errors } satisfies ApiErrorBody);
}

export function conflict(message: string, errors?: FieldErrors): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message, errors } satisfies ApiErrorBody);
}

export function notFound(resource: string, id: number | string): NotFoundException {
  return new NotFoundException({ statusCode: 404, error: 'Not Found', message: `${resource} ${id} does not exist` });
}

/** A refusal the client may repeat after a while (429, 503): the error filter sends Retry-After with it. */
export class RetryLaterException extends HttpException {
  constructor(
    body: ApiErrorBody,
    readonly retryAfterSeconds: number,
  ) {
    super(body, body.statusCode);
  }
}
