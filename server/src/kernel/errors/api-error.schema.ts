import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';

/** The one error body, as the OpenAPI document describes it (ApiErrorBody in code). */
export class ApiError {
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'headline must not be empty' }) message: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'What is wrong, by field: a body field, a query or path parameter, `version`, or `body`.',
    example: { headline: 'headline must not be empty' },
  })
  errors?: Record<string, string>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'With a 409 for a stale version: the record as it is now. With a 410: when and by whom it was deleted.',
  })
  current?: object;
}

/** What each refusal means, unless a route says more precisely. */
const MEANING: Record<number, string> = {
  400: 'The request is not valid: `errors` names each field or parameter and why.',
  401: 'No valid bearer token.',
  403: "The account's role or the token's scope does not allow this.",
  404: 'There is no such record.',
  409: 'The request conflicts with the records as they are now.',
  410: 'The record was deleted; it will not come back, and its id is not given again.',
  413: 'The body is larger than 1 MB.',
  415: 'The body is not JSON (Content-Type: application/json).',
  428: 'Say which version the change is based on: `version` in the body or If-Match.',
  429: 'Too many requests: Retry-After says when to try again.',
  503: 'The database does not answer (it restarts, or is unreachable); try again shortly.',
};

/** Documents refusals a route can answer, each with the shared error body; `[status, meaning]` says more than the default. */
export function ApiErrorResponses(...refusals: (number | [number, string])[]) {
  return applyDecorators(
    ...refusals.map((refusal) => {
      const [status, description] = typeof refusal === 'number' ? [refusal, MEANING[refusal]] : refusal;
      return ApiResponse({ status, description, type: ApiError });
    }),
  );
}

type Operation = { security?: unknown[]; responses: Record<string, unknown> };

/**
 * The refusals every route shares, added to the document once rather than declared on each:
 * a query string or path that is not valid percent-encoded UTF-8 (400), and a body that is too
 * large or not JSON (413, 415) — bodies are read before routing, so on any route; and where a
 * token is needed, no token (401), not allowed (403), or a database that cannot check it (503).
 */
export function documentSharedRefusals(document: OpenAPIObject): void {
  const refusal = (status: number) => ({
    description: MEANING[status],
    content: { 'application/json': { schema: { $ref: getSchemaPath(ApiError) } } },
  });
  for (const operations of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(operations as Record<string, Operation>)) {
      if (!['get', 'put', 'post', 'patch', 'delete'].includes(method)) continue;
      const needsToken = operation.security?.some((requirement) => Object.keys(requirement as object).length > 0);
      const shared = [400, 413, 415, ...(needsToken ? [401, 403, 503] : [])];
      for (const status of shared) operation.responses[status] ??= refusal(status);
    }
  }
}
