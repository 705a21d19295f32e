import { ForbiddenException, HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';
import { ApiErrorBody, FieldErrors } from '../kernel/errors/api-errors';

export function unauthorized(message: string): UnauthorizedException {
  return new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message } satisfies ApiErrorBody);
}

export function forbidden(message: string, errors?: FieldErrors): ForbiddenException {
  return new ForbiddenException({ statusCode: 403, error: 'Forbidden', message, errors } satisfies ApiErrorBody);
}

export class TooManyAttempts extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        message: `Too many failed sign-in attempts; try again in ${retryAfterSeconds} s.`,
      } satisfies ApiErrorBody,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
