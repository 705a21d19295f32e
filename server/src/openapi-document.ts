import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { ApiError, documentSharedRefusals } from './kernel/errors/api-error.schema';

/** Where the API is mounted. */
export const API_PREFIX = 'api';

/**
 * The OpenAPI document: the API's contract. Generated from the routes' decorators (the same
 * declarations that validate requests and describe records), with the refusals every route
 * shares added once (documentSharedRefusals). Every response the API tests provoke is checked
 * against it (test/support/openapi-contract.ts); Redocly and Spectral lint it
 * (openapi.e2e-spec.ts); the admin's types are generated from it (admin/src/api/).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Chronicle API')
      .setDescription(
        'Statement-tracking timeline database. Collections speak the ra-data-json-server protocol: ' +
          '`_start`/`_end` (0-based, end exclusive), `_sort`/`_order`, filters as query parameters ' +
          '(repeat a key for "any of"), total in `X-Total-Count`. Unknown filters and sort fields are refused ' +
          'with 400. Errors are `{ statusCode, error, message, errors: { field: reason } }`. With PUBLIC_READ=true, ' +
          'the routes that read collections, the timeline and exports also answer without a token.',
      )
      .setVersion('0.1.0')
      .setLicense('MIT', 'https://opensource.org/license/mit')
      .addServer('/', 'This server')
      .addTag('statements', 'Timeline entries: who said what, when, with what stance, on which topics, from which sources')
      .addTag('timeline', 'The filtered timeline, chronological, names joined in, paged by cursor')
      .addTag('exports', 'The filtered statements as CSV, JSON, NDJSON, Markdown or TimelineJS, streamed')
      .addTag('actors', 'Who speaks')
      .addTag('sources', 'Where we know it from')
      .addTag('topics', 'What it is about')
      .addTag('stances', 'How it was said (−2 rejecting … +2 conciliatory)')
      .addTag('auth', 'Sign in, sign out, own password, personal API tokens, export tickets')
      .addTag('users', 'Accounts (admins)')
      .addTag('history', 'Revisions: every change, who made it, before and after')
      .addTag('trash', 'Deleted records: restore or purge (admins)')
      .addTag('health', 'Is the server up, and can it reach its database')
      .addBearerAuth()
      .build(),
    { extraModels: [ApiError] },
  );
  documentSharedRefusals(document);
  return document;
}

/** The document without a database or a server: Nest's preview mode reads the routes' metadata and instantiates nothing. */
export async function previewOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.forRoot({ databaseUrl: 'postgres://preview.invalid/none' }), {
    preview: true,
    logger: false,
  });
  try {
    app.setGlobalPrefix(API_PREFIX);
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
