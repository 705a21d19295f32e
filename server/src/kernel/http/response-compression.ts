import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/** Smaller answers are sent as they are: the headers would outweigh the saving. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Compresses JSON answers (lists, records, the OpenAPI document) and the admin panel's
 * assets with brotli (quality 4) or gzip, whichever the client prefers. Exports are sent as
 * they are: they are the long transfers whose CPU the 2-core budget is measured against
 * (bench/README.md), a client that wants them smaller can ask for a gzip download itself,
 * and their streaming and back-pressure stay exactly what the export tests prove.
 */
export function responseCompression(): RequestHandler {
  const compress = compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    filter: (request: Request, response: Response) => {
      const disposition = response.getHeader('Content-Disposition');
      if (typeof disposition === 'string' && disposition.startsWith('attachment')) return false;
      return compression.filter(request, response);
    },
  });
  // A client that accepts no encoding (scripts, the benchmark) skips the wrapping entirely.
  return (request, response, next) => (request.headers['accept-encoding'] ? compress(request, response, next) : next());
}
