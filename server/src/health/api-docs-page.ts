import { INestApplication } from '@nestjs/common';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PublishedApiDocument } from './api-docs.controller';

/**
 * The request interceptor of the Swagger UI page: it fetches the document with the admin's
 * session on this origin, so that a signed-in curator reads the documentation without signing
 * in again. Swagger UI runs it in the browser from its source text, so it reads nothing from
 * this module: the storage key is admin/src/auth/session.ts's STORAGE_KEY.
 */
function withAdminSession(request: { loadSpec?: boolean; headers: Record<string, string> }) {
  if (request.loadSpec && !request.headers.Authorization) {
    try {
      const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage;
      const session = JSON.parse(storage.getItem('chronicle.session') ?? 'null') as { token?: unknown } | null;
      if (session && typeof session.token === 'string') request.headers.Authorization = `Bearer ${session.token}`;
    } catch {
      // No session, or not one the admin wrote: the document is asked for without one.
    }
  }
  return request;
}

/**
 * The API documentation at /<prefix>/docs: Swagger UI's page and assets, public (they say
 * nothing about this API), which load the document from /<prefix>/docs/json, guarded like the
 * collections (ApiDocsController). The page embeds no document of its own (Swagger UI's
 * default would put the whole of it in a public script), and serves no YAML copy.
 */
export function serveApiDocs(app: INestApplication, prefix: string, document: OpenAPIObject): void {
  app.get(PublishedApiDocument).document = document;
  const documentUrl = `/${prefix}/docs/json`;
  SwaggerModule.setup(`${prefix}/docs`, app, {} as OpenAPIObject, {
    raw: false,
    swaggerUrl: documentUrl,
    swaggerOptions: { requestInterceptor: withAdminSession },
  });
}
