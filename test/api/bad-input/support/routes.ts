import { TestApp } from '../../../support/test-app';

/** The part of an OpenAPI schema the fuzzer reads. */
export interface Schema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  enum?: string[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  method: Method;
  /** As in the OpenAPI document: `/api/statements/{id}`. */
  template: string;
  pathParams: string[];
  /** Query parameters the document lists; a route with none does not read its query string. */
  query: Record<string, Schema>;
  /** The JSON body it takes, resolved; undefined when it takes none. */
  body?: Schema;
  /** Its body is a file (an import's upload), not JSON: raw-bodies leaves it to the imports' own bad-input tests. */
  upload: boolean;
}

export const routeName = (route: Pick<Route, 'method' | 'template'>) => `${route.method} ${route.template}`;

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: { name: string; in: string; schema?: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> } }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

/**
 * The body a revert takes is read by hand (`{ version }` at most), so the document has no
 * schema for it; this is that contract, written out.
 */
const REVERT_BODY: Schema = { type: 'object', properties: { version: { type: 'integer', minimum: 1, nullable: true } }, required: [] };

/** Every route of the running app, from its OpenAPI document: a new route is fuzzed without being listed here. */
export async function routesOf(t: TestApp): Promise<Route[]> {
  const doc = (await t.as('viewer').get('/api/docs/json').expect(200)).body as OpenApiDocument;
  const resolve = (schema: Schema): Schema => (schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema);
  const routes: Route[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = operation.parameters ?? [];
      // A file upload (an import: a binary body of any of several types) takes no JSON body; its own bad-input tests cover it.
      const jsonSchema = operation.requestBody?.content['application/json']?.schema;
      const bodySchema = jsonSchema && jsonSchema.format !== 'binary' ? jsonSchema : undefined;
      routes.push({
        method: method.toUpperCase() as Method,
        template,
        pathParams: [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        query: Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}])),
        upload: jsonSchema?.format === 'binary',
        body: bodySchema ? resolve(bodySchema) : /\/revisions\/\{revisionId\}\/restore$/.test(template) ? REVERT_BODY : undefined,
      });
    }
  }
  return routes;
}

/** The collection a path belongs to (`statements` for `/api/statements/{id}/revisions`), if any. */
export function collectionOf(template: string): string | undefined {
  return /^\/api\/(statements|actors|sources|topics|stances|users|trash|revisions|snapshots|saved-queries)\b/.exec(template)?.[1];
}
