import { ConflictException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ApiErrorBody, badRequest, FieldErrors, notFound } from '../kernel/errors/api-errors';
import { checkOut, pgPool } from '../database/pg-pool';
import { CursorStream } from '../database/cursor-stream';
import { RecordAuthor } from '../records/collection/record-author';
import { expectedVersion } from '../records/collection/version';
import { readPage, selectList } from '../records/list-query/collection-reader';
import { ListQuery } from '../records/list-query/filter-definitions';
import { Citation, CitationStyle, citeSnapshot } from './snapshot-citation';
import { readBody, readNote, readTitle } from './snapshot-input';
import { parseSnapshotQuery } from './snapshot-query';
import { SnapshotFreezer } from './snapshot-freezer';
import { NETWORK_MEDIA } from '../analysis/network/network.service';
import { networkFileName, SNAPSHOT_NETWORK_FILES, SnapshotFileName, SnapshotFormat } from './snapshot.entity';
import { SNAPSHOT_COLUMNS, SNAPSHOT_FILTERS, SNAPSHOT_TABLE, SnapshotSort } from './snapshots.table';

export interface SnapshotRecord {
  id: number;
  title: string;
  note: string | null;
  query: string;
  queryWords: string;
  columns: string[];
  count: number;
  sha256: string;
  bytes: number;
  storedBytes: number;
  files: { format: SnapshotFileName; sha256: string; bytes: number }[];
  url: string;
  createdAt: Date;
  createdBy: { id: number; name: string };
  updatedAt: Date;
  updatedBy: { id: number; name: string };
  version: number;
}

/** Fields a PUT may carry as react-admin sends the whole record: accepted when unchanged. */
const READ_ONLY = Object.keys(SNAPSHOT_COLUMNS).filter((key) => !['title', 'note', 'version'].includes(key));
/** `url` depends on the address a request came to when PUBLIC_URL is unset: sent back, it is ignored. */
const EDITABLE = ['title', 'note', 'version', 'url'];

export const SNAPSHOT_MEDIA: Record<SnapshotFormat, { contentType: string; extension: string }> = {
  ndjson: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'ndjson' },
  csv: { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  markdown: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  timelinejs: { contentType: 'application/json; charset=utf-8', extension: 'timeline.json' },
};

/** Each frozen file's media type and download name (after `snapshot-<id>-<hash>`). */
const FILE_MEDIA: Record<SnapshotFileName, { contentType: string; fileName: string }> = Object.fromEntries([
  ...Object.entries(SNAPSHOT_MEDIA).map(([format, { contentType, extension }]) => [format, { contentType, fileName: `.${extension}` }]),
  ...SNAPSHOT_NETWORK_FILES.map((file) => [
    networkFileName(file),
    { contentType: NETWORK_MEDIA[file.format].contentType, fileName: `-${networkFileName(file)}` },
  ]),
]) as Record<SnapshotFileName, { contentType: string; fileName: string }>;

const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(a instanceof Date ? a.toISOString() : a) === JSON.stringify(b instanceof Date ? b.toISOString() : b);

@Injectable()
export class SnapshotsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly freezer: SnapshotFreezer,
  ) {}

  async create(body: unknown, author: RecordAuthor, publicUrl: string): Promise<SnapshotRecord> {
    const given = readBody(body, ['title', 'note', 'query']);
    const errors: FieldErrors = Object.create(null);
    const title = readTitle(given.title, errors);
    const note = readNote(given.note, errors);
    if (Object.keys(errors).length) throw badRequest(errors);
    const query = parseSnapshotQuery(given.query);
    const id = await this.freezer.freeze({ title: title!, note: note ?? null, query, author, publicUrl });
    return this.get(id, publicUrl);
  }

  async list(query: ListQuery<typeof SNAPSHOT_FILTERS, SnapshotSort>, publicUrl: string) {
    const page = await readPage<Omit<SnapshotRecord, 'url'>, typeof SNAPSHOT_FILTERS, SnapshotSort>(this.dataSource, SNAPSHOT_TABLE, query);
    return { ...page, rows: page.rows.map((row) => this.withUrl(row, publicUrl)) };
  }

  /** A live snapshot; 404 when there never was one, 410 when it was deleted. */
  async get(id: number, publicUrl: string): Promise<SnapshotRecord> {
    const [row] = await this.dataSource.query(
      `SELECT ${selectList(SNAPSHOT_COLUMNS)}, n.deleted_at AS "deletedAt",
              (SELECT json_build_object('id', u.id, 'name', u.display_name) FROM users u WHERE u.id = n.deleted_by_id) AS "deletedBy"
       FROM snapshots n WHERE n.id = $1`,
      [id],
    );
    if (!row) throw notFound('Snapshot', id);
    const { deletedAt, deletedBy, ...record } = row;
    if (deletedAt) {
      throw new GoneException({
        statusCode: 410,
        error: 'Gone',
        message: `Snapshot ${id} was deleted on ${(deletedAt as Date).toISOString()} by ${deletedBy?.name ?? 'an account since removed'}`,
        current: { id, deletedAt, deletedBy },
      } satisfies ApiErrorBody);
    }
    return this.withUrl(record, publicUrl);
  }

  /** Title and note only: what a snapshot holds never changes. */
  async update(id: number, body: unknown, ifMatch: string | undefined, author: RecordAuthor, publicUrl: string): Promise<SnapshotRecord> {
    const current = await this.get(id, publicUrl);
    const given = readBody(body, [...EDITABLE, ...READ_ONLY]);
    const errors: FieldErrors = Object.create(null);
    for (const key of READ_ONLY) {
      if (key in given && !sameValue(given[key], current[key as keyof SnapshotRecord])) {
        errors[key] = `${key} cannot be changed: a snapshot is frozen (only title and note can be edited)`;
      }
    }
    if ('version' in given && given.version === null) errors.version = 'version must be a positive integer (or leave it out)';
    const title = 'title' in given ? readTitle(given.title, errors) : current.title;
    const note = 'note' in given ? readNote(given.note, errors) : current.note;
    if (Object.keys(errors).length) throw badRequest(errors);
    const version = expectedVersion(given.version, ifMatch, false);
    const { rows } = await pgPool(this.dataSource).query(
      `UPDATE snapshots SET title = $2, note = $3, version = version + 1, updated_at = now(), updated_by_id = $4
       WHERE id = $1 AND deleted_at IS NULL AND ($5::int IS NULL OR version = $5) RETURNING id`,
      [id, title, note ?? null, author.id, version ?? null],
    );
    if (!rows.length) {
      const now = await this.get(id, publicUrl);
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `Snapshot ${id} was changed since version ${version}`,
        errors: { version: `is ${now.version} now` },
        current: now,
      } satisfies ApiErrorBody);
    }
    return this.get(id, publicUrl);
  }

  /** Admins only: the row stays (who deleted it, when), its files go; the id is never given again. */
  async remove(id: number, author: RecordAuthor, publicUrl: string): Promise<SnapshotRecord> {
    const record = await this.get(id, publicUrl);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE snapshots SET deleted_at = now(), deleted_by_id = $2 WHERE id = $1 AND deleted_at IS NULL', [
        id,
        author.id,
      ]);
      await manager.query('DELETE FROM snapshot_files WHERE snapshot_id = $1', [id]);
    });
    return record;
  }

  async citation(id: number, style: CitationStyle, publicUrl: string): Promise<Citation> {
    const record = await this.get(id, publicUrl);
    return citeSnapshot(
      {
        id,
        title: record.title,
        createdAt: record.createdAt.toISOString(),
        creator: record.createdBy.name,
        count: record.count,
        sha256: record.sha256,
        url: record.url,
        publisher: 'Chronicle',
      },
      style,
    );
  }

  /**
   * Sends a frozen file as stored: its chunks, in order, decompressed, with its length, its
   * hash as ETag and Repr-Digest (RFC 9530), and 304 to a client that has it already.
   */
  async send(id: number, format: SnapshotFileName, ifNoneMatch: string | undefined, response: Response, publicUrl: string): Promise<void> {
    const record = await this.get(id, publicUrl);
    const file = record.files.find((f) => f.format === format);
    if (!file) {
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        message: format.startsWith('network-')
          ? `Snapshot ${id} has no network files: it was made before snapshots froze networks`
          : `Snapshot ${id} has no ${format} file`,
      } satisfies ApiErrorBody);
    }
    const etag = `"${file.sha256}"`;
    const { contentType, fileName } = FILE_MEDIA[format];
    response.setHeader('ETag', etag);
    response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
    response.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
      response.status(304).end();
      return;
    }
    const { client, release } = await checkOut(pgPool(this.dataSource));
    let failed: Error | undefined;
    try {
      await client.query('BEGIN READ ONLY');
      const chunks = await CursorStream.open(
        client,
        'SELECT data FROM snapshot_chunks WHERE snapshot_id = $1 AND format = $2 ORDER BY seq',
        [id, format],
        { batchSize: 4, firstBatchSize: 1, readAhead: 2 },
      );
      response.status(200);
      response.setHeader('Content-Type', contentType);
      response.setHeader('Content-Length', String(file.bytes));
      response.setHeader('Content-Disposition', `attachment; filename="snapshot-${id}-${record.sha256.slice(0, 8)}${fileName}"`);
      const data = Readable.from(
        (async function* () {
          for await (const row of chunks as AsyncIterable<{ data: Buffer }>) yield row.data;
        })(),
      );
      await pipeline(data, createGunzip(), response);
      await client.query('COMMIT').catch((error: Error) => (failed = error));
    } catch (error) {
      failed = error as Error;
      if (response.headersSent) {
        response.destroy();
        return;
      }
      throw error;
    } finally {
      release(failed);
    }
  }

  private withUrl<T extends { id: number }>(row: T, publicUrl: string): T & { url: string } {
    return { ...row, url: `${publicUrl}/api/snapshots/${row.id}` };
  }
}
