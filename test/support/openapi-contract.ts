import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/*
 * The OpenAPI document is the API's contract, and every response a test provokes is held to
 * it: its status must be one the operation lists, its content type one the response lists,
 * and a JSON body must match the schema exactly — nullable only where the document says so,
 * no property it does not list, formats (date-time, date) checked. A response that breaks the
 * contract fails the test that caused it (contract-setup.ts), naming the operation and the
 * first problems.
 */

type Json = Record<string, unknown>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Json> };
}

interface Operation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  /** Path parameters: a route with fewer of them is more specific (/statements/export before /statements/{id}). */
  params: number;
  operation: Operation;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** JSON bodies are checked against their schema; NDJSON, CSV and Markdown for their type only. */
const isJson = (mediaType: string) => /^application\/(?:[\w.-]+\+)?json$/i.test(mediaType);

/** OpenAPI 3.0 schema objects as JSON Schema for Ajv: `nullable` as a null alternative; objects closed unless they say otherwise. */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const {
    nullable,
    example: _example,
    examples: _examples,
    xml: _xml,
    externalDocs: _docs,
    deprecated: _deprecated,
    ...rest
  } = schema as Json;
  const converted: Json = {};
  for (const [key, value] of Object.entries(rest)) {
    converted[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as Json).map(([name, s]) => [name, toJsonSchema(s)]))
        : toJsonSchema(value);
  }
  if (converted.type === 'object' && converted.properties && converted.additionalProperties === undefined)
    converted.additionalProperties = false;
  if (converted.$ref) converted.$ref = String(converted.$ref).replace('#/components/schemas/', 'components#/$defs/');
  if (nullable !== true) return converted;
  if (Array.isArray(converted.enum)) converted.enum = [...converted.enum, null];
  return { anyOf: [converted, { type: 'null' }] };
}

export class OpenApiContract {
  private readonly routes: Route[];
  private readonly ajv: Ajv;
  private readonly validators = new Map<object, ValidateFunction>();
  private readonly errorSchema?: Json;

  constructor(document: OpenApiDocument) {
    if (document.components?.schemas?.ApiError) this.errorSchema = { $ref: '#/components/schemas/ApiError' };
    this.ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'components', $defs: toJsonSchema(document.components?.schemas ?? {}) });
    this.routes = Object.entries(document.paths)
      .flatMap(([template, operations]) =>
        Object.entries(operations)
          .filter(([method]) => HTTP_METHODS.includes(method))
          .map(([method, operation]) => ({
            method: method.toUpperCase(),
            template,
            pattern: new RegExp(`^${template.replace(/[.+*?^$()[\]\\|]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
            params: (template.match(/\{/g) ?? []).length,
            operation,
          })),
      )
      .sort((a, b) => a.params - b.params);
  }

  /** The operation a request is for, or undefined when the document has none. */
  route(method: string, path: string): Route | undefined {
    const asked = method === 'HEAD' ? 'GET' : method;
    // Express routes without strict routing: /api/ is /api.
    const routed = path.length > 1 ? path.replace(/\/$/, '') : path;
    return this.routes.find((route) => route.method === asked && route.pattern.test(routed));
  }

  /**
   * What is wrong with a response, or undefined when the document describes it. `body` is
   * the decoded body for JSON responses (undefined when it was not kept: empty, or too large).
   */
  check(method: string, path: string, status: number, contentType: string | undefined, body: Buffer | undefined): string | undefined {
    const route = this.route(method, path);
    if (!route) return this.checkUnrouted(method, path, status, body);
    const name = `${route.method} ${route.template}`;
    const response =
      route.operation.responses[String(status)] ?? route.operation.responses[`${String(status)[0]}XX`] ?? route.operation.responses.default;
    if (!response)
      return `${name} answered ${status}, a status the document does not list (it lists ${Object.keys(route.operation.responses).join(', ')})`;
    if (method === 'HEAD' || status === 204 || status === 304) return undefined;
    const mediaType = contentType?.split(';')[0].trim().toLowerCase();
    const content = response.content ?? {};
    if (!mediaType)
      return Object.keys(content).length
        ? `${name} ${status} has no Content-Type; the document says ${Object.keys(content).join(', ')}`
        : undefined;
    const documented = content[mediaType] ?? content['*/*'];
    if (!documented) {
      return `${name} ${status} sent ${mediaType}; the document lists ${Object.keys(content).join(', ') || 'no content'} for it`;
    }
    if (!documented.schema || body === undefined || !isJson(mediaType) || body.length === 0) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch (error) {
      return `${name} ${status} sent ${mediaType} that is not JSON: ${(error as Error).message}`;
    }
    const validate = this.validator(documented.schema);
    if (validate(value)) return undefined;
    const problems = (validate.errors ?? [])
      .slice(0, 5)
      .map(
        (e) =>
          `${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : ''}`,
      );
    return `${name} ${status}: the body does not match the document: ${problems.join('; ')}`;
  }

  /**
   * A path no route has: it can only be refused, 404 (no such route) or 400 (a path that is not
   * valid percent-encoded UTF-8), with the shared error body.
   */
  private checkUnrouted(method: string, path: string, status: number, body: Buffer | undefined): string | undefined {
    if (status !== 404 && status !== 400) return `the document has no operation for ${method} ${path}, yet it answered ${status}`;
    if (!this.errorSchema || body === undefined || body.length === 0) return undefined;
    const validate = this.validator(this.errorSchema);
    return validate(JSON.parse(body.toString('utf8'))) ? undefined : `${method} ${path} ${status}: not the shared error body`;
  }

  private validator(schema: Json): ValidateFunction {
    let validate = this.validators.get(schema);
    if (!validate) this.validators.set(schema, (validate = this.ajv.compile(toJsonSchema(schema) as Json)));
    return validate;
  }
}

export interface ContractViolation {
  request: string;
  problem: string;
}

/** Violations seen since the last take, in this test file's process. */
const violations: ContractViolation[] = [];

export const takeContractViolations = (): ContractViolation[] => violations.splice(0);

/** Bodies kept for checking at most this large (an export of many rows is checked for its status and type only). */
const MAX_CHECKED_BODY = 16 * 1024 * 1024;

function decoded(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.toLowerCase()) {
    case 'gzip':
      return gunzipSync(body);
    case 'br':
      return brotliDecompressSync(body);
    case 'deflate':
      return inflateSync(body);
    default:
      return body;
  }
}

/**
 * Express middleware, installed before any other: keeps each JSON response's bytes as they
 * go out (compressed or not) and checks the response against the contract when it finishes.
 */
export function contractObserver(contractOf: () => OpenApiContract | undefined) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const path = request.path;
    const contract = contractOf();
    if (!contract || !path.startsWith('/api') || path.startsWith('/api/docs') || request.method === 'OPTIONS') return next();
    const chunks: Buffer[] = [];
    let size = 0;
    let keep: boolean | undefined;
    const collect = (chunk: unknown, encoding?: unknown) => {
      keep ??= isJson(
        String(response.getHeader('content-type') ?? '')
          .split(';')[0]
          .trim(),
      );
      if (!keep || chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      size += buffer.length;
      if (size > MAX_CHECKED_BODY) keep = false;
      else chunks.push(buffer);
    };
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => Response;
    response.write = ((...args: unknown[]) => {
      collect(args[0], args[1]);
      return write(...args);
    }) as Response['write'];
    response.end = ((...args: unknown[]) => {
      collect(args[0], args[1]);
      return end(...args);
    }) as Response['end'];
    response.once('finish', () => {
      const contentType = response.getHeader('content-type') as string | undefined;
      let body: Buffer | undefined;
      try {
        body = keep ? decoded(Buffer.concat(chunks), response.getHeader('content-encoding') as string | undefined) : undefined;
      } catch (error) {
        violations.push({
          request: `${request.method} ${request.originalUrl}`,
          problem: `the body cannot be decoded: ${(error as Error).message}`,
        });
        return;
      }
      const problem = contract.check(request.method, path, response.statusCode, contentType, body);
      if (problem) violations.push({ request: `${request.method} ${request.originalUrl.slice(0, 200)}`, problem });
    });
    next();
  };
}
