import { ConflictException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ApiErrorBody, badRequest, FieldErrors, notFound } from '../kernel/errors/api-errors';
import { checkOut, pgPool } from '../database/pg-pool';
import { ExportSlots } from '../exports/export-slots';
import { CursorStream } from '../database/cursor-stream';
import { AUTHOR_FIELDS, isPublished, narrowToPublished } from '../records/collection/published-records';
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
import { PUBLISHED_SNAPSHOTS, SNAPSHOT_COLUMNS, SNAPSHOT_FILTERS, SNAPSHOT_TABLE, SnapshotSort } from './snapshots.table';

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
  verifiedOnly: boolean;
  createdAt: Date;
  /** Left out for anonymous readers. */
  createdBy?: { id: number; name: string };
  updatedAt: Date;
  updatedBy?: { id: number; name: string };
  version: number;
}

/**
 * Who reads: the team, or an anonymous reader (PUBLIC_READ), who never sees who made or
 * changed a snapshot, and who may see only snapshots of verified statements (PUBLIC_READ=verified).
 */
export interface SnapshotReader {
  anonymous: boolean;
  publishedOnly: boolean;
}
export const TEAM_READER: SnapshotReader = { anonymous: false, publishedOnly: false };

/** The record as `reader` may see it. */
function shownTo<R extends { createdBy?: unknown; updatedBy?: unknown }>(record: R, reader: SnapshotReader): R {
  if (!reader.anonymous) return record;
  const shown = { ...record };
  for (const field of AUTHOR_FIELDS) delete shown[field];
  return shown;
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
    private readonly slots: ExportSlots,
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

  async list(query: ListQuery<typeof SNAPSHOT_FILTERS, SnapshotSort>, publicUrl: string, reader = TEAM_READER) {
    const visible = reader.publishedOnly ? { ...query, filters: narrowToPublished(query.filters, PUBLISHED_SNAPSHOTS) } : query;
    const page = await readPage<Omit<SnapshotRecord, 'url'>, typeof SNAPSHOT_FILTERS, SnapshotSort>(
      this.dataSource,
      SNAPSHOT_TABLE,
      visible,
    );
    return { ...page, rows: page.rows.map((row) => shownTo(this.withUrl(row, publicUrl), reader)) };
  }

  /**
   * A live snapshot; 404 when there never was one (or it is not the reader's to see: an
   * unpublished one reads as absent), 410 when it was deleted.
   */
  async get(id: number, publicUrl: string, reader = TEAM_READER): Promise<SnapshotRecord> {
    const [row] = await this.dataSource.query(
      `SELECT ${selectList(SNAPSHOT_COLUMNS)}, n.deleted_at AS "deletedAt",
              (SELECT json_build_object('id', u.id, 'name', u.display_name) FROM users u WHERE u.id = n.deleted_by_id) AS "deletedBy"
       FROM snapshots n WHERE n.id = $1`,
      [id],
    );
    if (!row || (reader.publishedOnly && !isPublished(row, PUBLISHED_SNAPSHOTS))) throw notFound('Snapshot', id);
    const { deletedAt, deletedBy, ...record } = row;
    if (deletedAt) {
      const on = `Snapshot ${id} was deleted on ${(deletedAt as Date).toISOString()}`;
      throw new GoneException({
        statusCode: 410,
        error: 'Gone',
        ...(reader.anonymous
          ? { message: on, current: { id, deletedAt } }
          : { message: `${on} by ${deletedBy?.name ?? 'an account since removed'}`, current: { id, deletedAt, deletedBy } }),
      } satisfies ApiErrorBody);
    }
    return shownTo(this.withUrl(record, publicUrl), reader);
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

  /**
   * The citation names the snapshot's maker as the dataset's author, for every reader: making a
   * snapshot to cite is making a dataset under one's name (its Markdown file says it too).
   */
  async citation(id: number, style: CitationStyle, publicUrl: string, reader = TEAM_READER): Promise<Citation> {
    const record = await this.get(id, publicUrl, { ...reader, anonymous: false });
    return citeSnapshot(
      {
        id,
        title: record.title,
        createdAt: record.createdAt.toISOString(),
        creator: record.createdBy!.name,
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
  async send(
    id: number,
    format: SnapshotFileName,
    ifNoneMatch: string | undefined,
    response: Response,
    publicUrl: string,
    reader = TEAM_READER,
  ): Promise<void> {
    const record = await this.get(id, publicUrl, reader);
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
    // On the file and its 304 only: a refusal (429, 503) must not be cached for a year as the file.
    const describeFile = () => {
      response.setHeader('ETag', etag);
      response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
      response.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
      response.setHeader('X-Content-Type-Options', 'nosniff');
    };
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
      describeFile();
      response.status(304).end();
      return;
    }
    // Held from the database's first row to the client's last byte: an export (export-slots.ts).
    return this.slots.run(response, async () => {
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
        describeFile();
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
    });
  }

  private withUrl<T extends { id: number }>(row: T, publicUrl: string): T & { url: string } {
    return { ...row, url: `${publicUrl}/api/snapshots/${row.id}` };
  }
}
