import { INestApplication } from '@nestjs/common';
import { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { OpenAPIObject } from '@nestjs/swagger';
import { securityHeaders } from './admin-static/security-headers';
import { serveAdmin } from './admin-static/serve-admin';
import { ApiExceptionFilter } from './kernel/errors/api-exception.filter';
import { responseCompression } from './kernel/http/response-compression';
import { answerUnreadableRequestsAsJson } from './kernel/errors/client-errors';
import { ApiValidationPipe } from './kernel/validation/validation.pipe';
import { jsonBodyType, requireJsonBody, verifyJsonBody } from './kernel/validation/json-body';
import { IMPORT_UPLOAD_PATH } from './imports/import-settings';
import type { Request } from 'express';
import { parseQueryString } from './kernel/http/query-string';
import { ADMIN_DIST_DIR } from './config/paths';
import type { TrustProxy } from './config/app-config';
import { API_PREFIX, buildOpenApiDocument } from './openapi-document';
import { serveApiDocs } from './health/api-docs-page';

export const BODY_LIMIT = '1mb';

/** An import's upload: its body is the file, read by the import as a stream up to its own limit (IMPORT_BODY_LIMIT). */
const isUpload = (request: Request) => request.method === 'POST' && request.path === `/${API_PREFIX}/${IMPORT_UPLOAD_PATH}`;

export interface HttpSetupOptions {
  /** Origins allowed to call the API cross-origin; none disables CORS. */
  corsOrigins: string[];
  /** The built admin panel served at `/` (default admin/dist). */
  adminDistDir?: string;
  /** Express's `trust proxy` (TRUST_PROXY, checked by loadConfig): whose X-Forwarded-For to believe for client addresses. */
  trustProxy?: TrustProxy;
}

/**
 * Everything about the HTTP surface that the server and the tests must share: security
 * headers (helmet), compressed JSON, the /api prefix, CORS (only for configured origins, X-Total-Count exposed), JSON-only bodies and their
 * limits, the strict query-string reader, the one validation pipe, the one
 * error filter, the OpenAPI document (returned, for the tests' contract checks; served to readers
 * at /api/docs/json, with Swagger UI at /api/docs), and the built admin panel at `/`.
 */
export function configureHttp(app: INestApplication, options: HttpSetupOptions): OpenAPIObject {
  const express = app as NestExpressApplication;
  // Nest types `verify` as reserved for its `rawBody` option, which Chronicle does not use.
  express.useBodyParser('json', {
    limit: BODY_LIMIT,
    verify: verifyJsonBody,
    type: jsonBodyType(isUpload),
  } as unknown as NestExpressBodyParserOptionsFor<'json'>);
  express.use(requireJsonBody(isUpload));
  express.set('query parser', parseQueryString);
  express.disable('x-powered-by');
  // No ETag computed by hashing every answer (about 1.5 % of a list request's CPU): records
  // carry their version as ETag, set by the controller, and lists are not cached.
  express.set('etag', false);
  answerUnreadableRequestsAsJson(app.getHttpServer());
  if (options.trustProxy) express.set('trust proxy', options.trustProxy);
  express.use(securityHeaders());
  express.use(responseCompression());
  app.setGlobalPrefix(API_PREFIX);
  if (options.corsOrigins.length) {
    app.enableCors({
      origin: options.corsOrigins,
      exposedHeaders: ['X-Total-Count', 'X-Total-Count-Estimated', 'Content-Disposition', 'ETag', 'X-Request-Id'],
    });
  }
  app.useGlobalPipes(new ApiValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  const document = buildOpenApiDocument(app);
  serveApiDocs(app, API_PREFIX, document);
  serveAdmin(app, { distDir: options.adminDistDir ?? ADMIN_DIST_DIR, apiPrefix: API_PREFIX });
  return document;
}
