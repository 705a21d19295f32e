import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import * as http from 'node:http';
import type { Client } from 'pg';
import { EXPORT_FORMAT_NAMES } from '../server/src/exports/export-formats';
import { procStatus } from './export-measure';
import { cpuMs } from './processes';
import { SNAPSHOT_TITLE_PREFIX } from './scenarios';

/*
 * The snapshot scenario (issue 18): a query of about 100,000 statements frozen through
 * POST /api/snapshots (timed, repeated), each of the snapshot's files downloaded beside the
 * live export of the same query (same samples, whole bodies, hashes checked), and what the
 * snapshot takes stored. Everything it makes is removed by SQL (removeBenchSnapshots).
 */

/** A small query, frozen and exported before the measured ones so that their code paths are warm (the export benchmark's warm-up). */
export const WARM_UP_QUERY = 'date_lte=1995-01-31';

/** The query frozen: the statement list's query string, and how many live statements it matches (counted by SQL). */
export interface SnapshotQueryChoice {
  query: string;
  /** In words, for the report. */
  description: string;
  expected: number;
}

/**
 * Everything when the database holds at most `wanted` live statements; else everything up to
 * a day (`date_lte`, which matches entries whose range starts on or before it), the day whose
 * count comes nearest to `wanted`.
 */
export async function chooseSnapshotQuery(db: Client, wanted: number): Promise<SnapshotQueryChoice> {
  const [{ live }] = (await db.query('SELECT count(*)::int AS live FROM statements WHERE deleted_at IS NULL')).rows as { live: number }[];
  if (live <= wanted) return { query: '', description: 'everything', expected: live };
  const [day] = (
    await db.query(
      `WITH per AS (SELECT date_start AS d, count(*) AS n FROM statements WHERE deleted_at IS NULL GROUP BY date_start),
            cum AS (SELECT d, (sum(n) OVER (ORDER BY d))::int AS c FROM per)
       SELECT to_char(d, 'YYYY-MM-DD') AS day, c FROM cum WHERE isfinite(d) ORDER BY abs(c - $1), d LIMIT 1`,
      [wanted],
    )
  ).rows as { day: string; c: number }[];
  return { query: `date_lte=${day.day}`, description: `dated up to ${day.day}`, expected: day.c };
}

/** A snapshot as POST /api/snapshots answers it (the fields read here). */
export interface SnapshotRecordView {
  id: number;
  count: number;
  sha256: string;
  bytes: number;
  storedBytes: number;
  files: { format: string; sha256: string; bytes: number }[];
}

/** One freeze: POST /api/snapshots until its 201 (the server answers once it committed). */
export interface FreezeMeasurement {
  id: number;
  count: number;
  /** SHA-256 of the canonical NDJSON, as the record gives it. */
  sha256: string;
  /** The canonical NDJSON's size. */
  bytes: number;
  /** What all its files take stored (gzip), as the record gives it. */
  storedBytes: number;
  files: SnapshotRecordView['files'];
  totalMs: number;
  /** User + system CPU time of the server process during the freeze. */
  cpuMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  rssGrowthMb: number;
  /** Growth of pg_total_relation_size('snapshot_chunks') (heap, TOAST, index) over the freeze. */
  chunksRelationGrowthBytes: number;
}

const chunksRelationSize = async (db: Client) =>
  Number((await db.query(`SELECT pg_total_relation_size('snapshot_chunks')::float8 AS size`)).rows[0].size);

/** Freezes `query` as a snapshot titled `title`, timing it; resets the server's peak RSS before. Throws unless 201. */
export async function timeFreeze(
  db: Client,
  base: string,
  headers: Record<string, string>,
  pid: number,
  title: string,
  query: string,
): Promise<FreezeMeasurement> {
  const chunksBefore = await chunksRelationSize(db);
  const rssBeforeMb = await procStatus(pid, 'VmRSS');
  await writeFile(`/proc/${pid}/clear_refs`, '5');
  const cpuBefore = await cpuMs(pid);
  const started = performance.now();
  const response = await fetch(`${base}/api/snapshots`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ title, note: null, query }),
  });
  const text = await response.text();
  const totalMs = performance.now() - started;
  const cpu = (await cpuMs(pid)) - cpuBefore;
  const peakRssMb = await procStatus(pid, 'VmHWM');
  if (response.status !== 201)
    throw new Error(`POST /api/snapshots {query: ${JSON.stringify(query)}} answered ${response.status}: ${text.slice(0, 2000)}`);
  const record = JSON.parse(text) as SnapshotRecordView;
  return {
    id: record.id,
    count: record.count,
    sha256: record.sha256,
    bytes: record.bytes,
    storedBytes: record.storedBytes,
    files: record.files,
    totalMs,
    cpuMs: cpu,
    rssBeforeMb,
    peakRssMb,
    rssGrowthMb: peakRssMb - rssBeforeMb,
    chunksRelationGrowthBytes: (await chunksRelationSize(db)) - chunksBefore,
  };
}

/** One stored file of a snapshot, from snapshot_files and snapshot_chunks: its size served and stored, and its chunks. */
export interface StoredFile {
  format: string;
  bytes: number;
  storedBytes: number;
  chunks: number;
}

/** The files a snapshot holds, whatever they are, from the database (the record does not give each file's stored size). */
export async function storedFiles(db: Client, id: number): Promise<StoredFile[]> {
  const { rows } = await db.query(
    `SELECT f.format::text AS format, f.bytes::float8 AS bytes, f.stored_bytes::float8 AS "storedBytes",
            (SELECT count(*)::int FROM snapshot_chunks c WHERE c.snapshot_id = f.snapshot_id AND c.format = f.format) AS chunks
     FROM snapshot_files f WHERE f.snapshot_id = $1 ORDER BY f.format LIKE 'network-%', f.format`,
    [id],
  );
  return rows as StoredFile[];
}

/** Where a frozen file downloads, and the live request that answers the same content now (none for a file the scenario does not know). */
export interface FileRoutes {
  snapshot: string;
  live: string;
}

/**
 * The routes of a frozen file, by its name: a statement format (`csv`) downloads from
 * `/api/snapshots/{id}/export?format=`, against the live `/api/statements/export` of the same
 * query; a network file (`network-<kind>.<format>`, `network-<kind>-<table>.csv`) from
 * `/api/snapshots/{id}/network`, against the live `/api/analysis/network` of the query's
 * filters (a network has no order: _sort and _order are left out), whole as the frozen one.
 * Undefined for a name of neither kind.
 */
export function fileRoutes(base: string, id: number, name: string, query: string): FileRoutes | undefined {
  const and = (params: string) => (params ? `&${params}` : '');
  if ((EXPORT_FORMAT_NAMES as string[]).includes(name)) {
    return {
      snapshot: `${base}/api/snapshots/${id}/export?format=${name}`,
      live: `${base}/api/statements/export?format=${name}${and(query)}`,
    };
  }
  const table = /^network-(.+)-(nodes|edges)\.csv$/.exec(name);
  const whole = /^network-(.+)\.(json|graphml|gexf)$/.exec(name);
  if (!table && !whole) return undefined;
  const params = table ? `kind=${table[1]}&format=csv&table=${table[2]}` : `kind=${whole![1]}&format=${whole![2]}`;
  const filters = new URLSearchParams(query);
  filters.delete('_sort');
  filters.delete('_order');
  return {
    snapshot: `${base}/api/snapshots/${id}/network?${params}`,
    live: `${base}/api/analysis/network?${params}${and(filters.toString())}`,
  };
}

/** One download, timed from the request to the last byte, its body hashed as it comes (on both sides alike). */
export interface DownloadSample {
  firstByteMs: number;
  totalMs: number;
  bytes: number;
  sha256: string;
  /** Content-Length as sent (a snapshot's file has one; a live export streams without). */
  contentLength?: number;
  etag?: string;
  /** User + system CPU time of the server process during the download. */
  cpuMs: number;
  peakRssMb: number;
  rssGrowthMb: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * GETs `url` and reads the whole body (no Accept-Encoding: the bytes as served; attachments
 * are not compressed anyway), hashing it. The server's peak RSS is reset before. Throws
 * unless 200, so that an error page is never measured.
 */
export async function timeDownload(url: string, headers: Record<string, string>, pid: number): Promise<DownloadSample> {
  const rssBefore = await procStatus(pid, 'VmRSS');
  await writeFile(`/proc/${pid}/clear_refs`, '5');
  const cpuBefore = await cpuMs(pid);
  const measured = await new Promise<Omit<DownloadSample, 'cpuMs' | 'peakRssMb' | 'rssGrowthMb'>>((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, headers }, (response) => {
      const hash = createHash('sha256');
      let firstByteMs = 0;
      let bytes = 0;
      const failed = response.statusCode !== 200;
      const errorText: Buffer[] = [];
      response.on('data', (chunk: Buffer) => {
        if (!bytes) firstByteMs = performance.now() - started;
        bytes += chunk.length;
        if (failed) errorText.push(chunk);
        else hash.update(chunk);
      });
      response.on('end', () => {
        if (failed) {
          reject(new Error(`GET ${url} answered ${response.statusCode}: ${Buffer.concat(errorText).toString('utf8', 0, 2000)}`));
          return;
        }
        const length = response.headers['content-length'];
        resolve({
          firstByteMs,
          totalMs: performance.now() - started,
          bytes,
          sha256: hash.digest('hex'),
          ...(length !== undefined ? { contentLength: Number(length) } : {}),
          ...(response.headers.etag ? { etag: response.headers.etag } : {}),
        });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
  const cpu = (await cpuMs(pid)) - cpuBefore;
  const peakRssMb = await procStatus(pid, 'VmHWM');
  return { ...measured, cpuMs: cpu, peakRssMb, rssGrowthMb: peakRssMb - rssBefore };
}

/** Throws unless a snapshot download is the file its record names: its hash, its size, its Content-Length and ETag. */
export function checkSnapshotFile(sample: DownloadSample, file: { format: string; sha256: string; bytes: number }, id: number): void {
  const problems = [
    sample.sha256 !== file.sha256 && `SHA-256 ${sample.sha256}, the record says ${file.sha256}`,
    sample.bytes !== file.bytes && `${sample.bytes} bytes, the record says ${file.bytes}`,
    sample.contentLength !== sample.bytes && `Content-Length ${sample.contentLength} for ${sample.bytes} bytes`,
    sample.etag !== `"${file.sha256}"` && `ETag ${sample.etag}`,
  ].filter(Boolean);
  if (problems.length) throw new Error(`snapshot ${id}'s ${file.format} file downloaded wrong: ${problems.join('; ')}`);
}

/**
 * Removes every snapshot the scenario made (its title prefix), with their files and chunks (the
 * foreign keys cascade), by SQL, also what an interrupted run left; then rewrites the three
 * tables (VACUUM FULL) so that the next run measures snapshot_chunks' growth from a compact
 * table rather than into freed space. Returns how many snapshots it removed.
 */
export async function removeBenchSnapshots(db: Client, compact: 'always' | 'if-removed' = 'if-removed'): Promise<number> {
  const [{ present }] = (await db.query(`SELECT to_regclass('snapshot_chunks') IS NOT NULL AS present`)).rows as { present: boolean }[];
  if (!present) return 0;
  const { rowCount } = await db.query('DELETE FROM snapshots WHERE title LIKE $1', [`${SNAPSHOT_TITLE_PREFIX}%`]);
  if (rowCount || compact === 'always') await db.query('VACUUM (FULL, ANALYZE) snapshots, snapshot_files, snapshot_chunks');
  return rowCount ?? 0;
}
