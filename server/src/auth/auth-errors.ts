import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { ApiErrorBody, FieldErrors, RetryLaterException } from '../kernel/errors/api-errors';

export function unauthorized(message: string): UnauthorizedException {
  return new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message } satisfies ApiErrorBody);
}

export function forbidden(message: string, errors?: FieldErrors): ForbiddenException {
  return new ForbiddenException({ statusCode: 403, error: 'Forbidden', message, errors } satisfies ApiErrorBody);
}

/** 429 after too many failed sign-ins; Retry-After says when to try again. */
export class TooManyAttempts extends RetryLaterException {
  constructor(retryAfterSeconds: number) {
    super(
      { statusCode: 429, error: 'Too Many Requests', message: `Too many failed sign-in attempts; try again in ${retryAfterSeconds} s.` },
      retryAfterSeconds,
    );
  }
}
