import { createHash } from 'node:crypto';
import type { TestApp } from '../../support/test-app';

/** A snapshot's file as served: its bytes, their SHA-256 computed here, and the headers. */
export async function download(t: TestApp, id: number, format: string, expected = 200) {
  return fetchFile(t, `/api/snapshots/${id}/export?format=${format}`, expected);
}

/** A snapshot's frozen network file (`query`: kind, format, table), as served. */
export async function downloadNetwork(t: TestApp, id: number, query: string, expected = 200) {
  return fetchFile(t, `/api/snapshots/${id}/network?${query}`, expected);
}

/** Any file as served, read whole as bytes. */
export async function fetchFile(t: TestApp, url: string, expected = 200) {
  const res = await t
    .http()
    .get(url)
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
export const NETWORK_KINDS = ['actor-topic', 'actor-congruence', 'actor-conflict', 'replies'];
/** Each network file as the query of GET …/network and the name the snapshot's record gives it. */
export const NETWORK_FILES = NETWORK_KINDS.flatMap((kind) => [
  { query: `kind=${kind}&format=json`, name: `network-${kind}.json` },
  { query: `kind=${kind}&format=graphml`, name: `network-${kind}.graphml` },
  { query: `kind=${kind}&format=gexf`, name: `network-${kind}.gexf` },
  { query: `kind=${kind}&format=csv&table=nodes`, name: `network-${kind}-nodes.csv` },
  { query: `kind=${kind}&format=csv&table=edges`, name: `network-${kind}-edges.csv` },
]);

/** Every file of a snapshot (statement formats and networks), by name, as its SHA-256 computed over what was served. */
export async function fileHashes(t: TestApp, id: number): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const format of SNAPSHOT_FORMATS) hashes[format] = (await download(t, id, format)).sha256;
  for (const file of NETWORK_FILES) hashes[file.name] = (await downloadNetwork(t, id, file.query)).sha256;
  return hashes;
}

/** `each` of `items`, one after the other: one account streams at most 2 downloads at once (EXPORTS_PER_USER). */
export async function inTurn<T, R>(items: readonly T[], each: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await each(item));
  return results;
}
