import { createHash } from 'node:crypto';
import type { TestApp } from '../../support/test-app';

/** A snapshot's file as served: its bytes, their SHA-256 computed here, and the headers. */
export async function download(t: TestApp, id: number, format: string, expected = 200) {
  const res = await t
    .http()
    .get(`/api/snapshots/${id}/export?format=${format}`)
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    })
    .expect(expected);
  const bytes = res.body as Buffer;
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), headers: res.headers, text: bytes.toString('utf8') };
}

export const SNAPSHOT_FORMATS = ['ndjson', 'csv', 'json', 'markdown', 'timelinejs'];

/** Every file of a snapshot, by format, as its SHA-256 computed over what was served. */
export async function fileHashes(t: TestApp, id: number): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const format of SNAPSHOT_FORMATS) hashes[format] = (await download(t, id, format)).sha256;
  return hashes;
}
