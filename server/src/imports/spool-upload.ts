import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ImportFileError } from './readers/source-rows';

/** An uploaded file on disk, read as often as the import needs (a count, then the rows), removed by `remove`. */
export interface SpooledFile {
  path: string;
  bytes: number;
  remove(): Promise<void>;
}

/**
 * Writes a request's body to a private temporary file as it arrives, refusing it (413) past
 * `limitBytes`: the body is never held in memory, and a workbook (a zip, read from its end) can
 * be opened at random.
 */
export async function spoolUpload(body: Readable, limitBytes: number, declaredLength?: number): Promise<SpooledFile> {
  const tooLarge = () =>
    new ImportFileError(`The file is larger than the import limit of ${formatBytes(limitBytes)} (IMPORT_BODY_LIMIT).`, {}, 413);
  if (declaredLength !== undefined && declaredLength > limitBytes) {
    body.resume();
    throw tooLarge();
  }
  const directory = await mkdtemp(path.join(tmpdir(), 'chronicle-import-'));
  const file = path.join(directory, 'upload');
  const remove = () => rm(directory, { recursive: true, force: true });
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > limitBytes ? tooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(body, count, createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path: file, bytes, remove };
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
