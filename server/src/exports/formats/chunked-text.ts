import { Transform, TransformCallback } from 'node:stream';

/** Text gathered up to this size is sent as one chunk: fewer, larger writes to the socket. */
const CHUNK_BYTES = 64 * 1024;

/**
 * An object-in, text-out Transform that gathers its output into chunks of about 64 KB.
 * Row-sized writes would each become a socket write and a Buffer for the collector, which
 * costs time and lets the process's resident memory swell between collections.
 */
export function chunkedTextTransform(handlers: {
  row: (row: Record<string, unknown>) => string;
  end?: () => string;
}): Transform {
  let pending = '';
  return new Transform({
    writableObjectMode: true,
    transform(row: Record<string, unknown>, _encoding: BufferEncoding, done: TransformCallback) {
      pending += handlers.row(row);
      if (pending.length >= CHUNK_BYTES) {
        this.push(pending);
        pending = '';
      }
      done();
    },
    flush(done: TransformCallback) {
      done(null, pending + (handlers.end?.() ?? ''));
    },
  });
}
