import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { isUtf8 } from 'node:buffer';
import { ApiErrorBody, FieldErrors } from '../errors/api-errors';

/** How deep a body may nest: the API's bodies are at most three levels deep (object → list → value). */
export const MAX_JSON_DEPTH = 64;

/**
 * An unreadable body, thrown inside body-parser: it carries its HTTP status, a `type` the error
 * filter recognises as the body's (`entity.…`), and the field errors to answer with.
 */
export class BodyError extends Error {
  readonly expose = true;
  readonly statusCode: number;
  readonly type = 'entity.verify.failed';

  constructor(
    readonly status: number,
    readonly fieldErrors: FieldErrors,
  ) {
    super(
      Object.entries(fieldErrors)
        .map(([field, reason]) => `${field}: ${reason}`)
        .join('; '),
    );
    this.statusCode = status;
  }
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
/** A `\uD800`–`\uDFFF` escape: the only way a lone surrogate gets into a JSON string that is valid UTF-8. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
const UNPAIRED_SURROGATE = 'must be valid Unicode text: it holds an unpaired surrogate (a \\uD800–\\uDFFF escape without its pair)';

/** A string literal's value, or undefined when it is not one JSON.parse reads. */
function stringLiteral(token: string): string | undefined {
  try {
    return JSON.parse(token) as string;
  } catch {
    return undefined;
  }
}

/**
 * A problem found part-way through is only the body's problem when the whole is JSON; otherwise
 * JSON.parse's own message ("Unexpected end of JSON input") says what is wrong. Parsed only on
 * this error path, so a well-formed body is still read once.
 */
function ifJson(text: string, problem: FieldErrors): FieldErrors | undefined {
  try {
    JSON.parse(text);
    return problem;
  } catch {
    return undefined;
  }
}

/**
 * Walks JSON text once (without building it) for what JSON.parse lets through silently: a key
 * given twice in one object (the last would win), nesting deep enough to overflow the stack
 * of the code that walks the parsed value, and a string holding an unpaired surrogate (`"\ud800"`
 * parses to a string no UTF-8 can carry: it would be stored as U+FFFD, and validators that
 * percent-encode their input throw URIError on it). Returns the first problem as field errors,
 * naming the field by its path (`participantIds.0.a`, `body` for the whole); nothing for text
 * that is no JSON (JSON.parse says why).
 */
export function jsonStructureErrors(text: string): FieldErrors | undefined {
  // One frame per open object or array: its keys so far, the key being read, the index in an array.
  const stack: { keys?: Set<string>; key?: string; index: number }[] = [];
  const path = () => stack.map((frame) => frame.key ?? String(frame.index)).join('.');
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (WHITESPACE.has(c)) continue;
    if (c === 0x22 /* " */) {
      let end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c /* \ */ ? 2 : 1;
      if (end >= text.length) return undefined;
      const token = text.slice(i, end + 1);
      if (expectKey) {
        const key = stringLiteral(token);
        if (key === undefined) return undefined;
        const frame = stack[stack.length - 1];
        frame.key = key;
        // The path of a key is never empty but for the empty key at the top ({"":1,"":2}), which is named as it is.
        if (frame.keys!.has(key)) return ifJson(text, { [path()]: 'is given twice in the same JSON object' });
        frame.keys!.add(key);
        expectKey = false;
        if (!key.isWellFormed()) return ifJson(text, { [path()]: UNPAIRED_SURROGATE });
      } else if (SURROGATE_ESCAPE.test(token) && stringLiteral(token)?.isWellFormed() === false) {
        return ifJson(text, { [stack.length ? path() : 'body']: UNPAIRED_SURROGATE });
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= MAX_JSON_DEPTH) return { [stack[0]?.key ?? 'body']: `is nested more than ${MAX_JSON_DEPTH} levels deep` };
      stack.push(c === 0x7b ? { keys: new Set(), index: 0 } : { index: 0 });
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      const frame = stack[stack.length - 1];
      if (!frame) return undefined;
      if (frame.keys) expectKey = true;
      else frame.index++;
    }
  }
  return undefined;
}

/**
 * body-parser's `verify` hook for JSON bodies, on the raw bytes before they are decoded and
 * parsed: only UTF-8 (RFC 8259; other bytes would be decoded to U+FFFD and stored silently),
 * no key twice, no absurd nesting.
 */
export function verifyJsonBody(_request: Request, _response: Response, buffer: Buffer, encoding: string): void {
  if (encoding.toLowerCase() !== 'utf-8') throw new BodyError(415, { body: 'must be JSON in UTF-8 (Content-Type: application/json)' });
  if (!isUtf8(buffer)) throw new BodyError(400, { body: 'is not valid UTF-8' });
  const problems = jsonStructureErrors(buffer.toString('utf8'));
  if (problems) throw new BodyError(400, problems);
}

/**
 * A request that carries a body must carry JSON: a form or text body would otherwise be
 * parsed by some other reader or silently ignored. Uploads (a route that reads its body as a
 * file, an import) are the exception, and read their body themselves.
 */
export const requireJsonBody = (isUpload: (request: Request) => boolean) => (request: Request, _response: Response, next: NextFunction) => {
  const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (!hasBody || isUpload(request) || request.is('application/json')) return next();
  next(
    new UnsupportedMediaTypeException({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: 'The request body must be JSON: send Content-Type: application/json.',
      errors: { body: `must be sent as application/json, not ${request.headers['content-type'] || 'without a Content-Type'}` },
    } satisfies ApiErrorBody),
  );
};

/** The JSON body parser's `type`: JSON, except on an upload route (whose body is a file, JSON or not). */
export const jsonBodyType =
  (isUpload: (request: Request) => boolean) =>
  (request: Request): boolean =>
    !isUpload(request) && /^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '');
