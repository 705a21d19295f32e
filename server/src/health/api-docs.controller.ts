import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';

/** The OpenAPI document the HTTP setup built for this app (configureHttp hands it over before the app listens). */
@Injectable()
export class PublishedApiDocument {
  document?: OpenAPIObject;
}

/**
 * `GET /api/docs/json`: the OpenAPI document, to whoever may read the collections — anyone
 * signed in, and anonymous readers only with PUBLIC_READ — through the same guard as every
 * route. It lists every route and field, which a private instance need not tell the world.
 * Not in the document itself (it is the document); `npm run openapi` builds it without HTTP.
 */
@ApiExcludeController()
@Access('read')
@Controller('docs')
export class ApiDocsController {
  constructor(private readonly published: PublishedApiDocument) {}

  @Get('json')
  document(): OpenAPIObject | undefined {
    return this.published.document;
  }
}
