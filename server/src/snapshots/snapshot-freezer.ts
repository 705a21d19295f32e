import { Injectable } from '@nestjs/common';
import { PassThrough, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { CursorReading, CursorStream } from '../database/cursor-stream';
import { checkOut, pgPool } from '../database/pg-pool';
import { describeFilters, describeSort, loadFilterNames } from '../exports/describe-filters';
import { EXPORT_COLUMN_NAMES, EXPORT_COLUMNS } from '../exports/export-columns';
import { reportColumns, statementRowsQuery } from '../exports/export-query';
import { csvSerializer } from '../exports/formats/csv';
import { jsonSerializer } from '../exports/formats/json';
import { escapeMarkdown, markdownSerializer } from '../exports/formats/markdown';
import { timelineJsSerializer } from '../exports/formats/timelinejs';
import { narrowToPublished } from '../records/collection/published-records';
import { RecordAuthor } from '../records/collection/record-author';
import { filteredStatements, PUBLISHED_STATEMENTS, StatementFilters } from '../statements/statement-query';
import { canonicalJson } from './canonical-json';
import { citeSnapshot } from './snapshot-citation';
import { FrozenFileWriter } from './snapshot-file-store';
import { freezeNetworks } from './snapshot-networks';
import { SnapshotQuery } from './snapshot-query';
import { collectReferences, REFERENCE_ID_COLUMNS, REFERENCED_RECORDS, referencedRecordsSql, ReferencedRecord } from './snapshot-records';
import { SnapshotFormat } from './snapshot.entity';

const CURSOR_READING: CursorReading = { batchSize: 5_000, firstBatchSize: 1_000, readAhead: 3 };
/** A snapshot of a large query runs long; it gets the export's limits instead of the API's 30 seconds. */
const FREEZE_STATEMENT_TIMEOUT = '30min';
/** Report columns are selected under this prefix beside the export's, in the one pass over the statements. */
const REPORT_PREFIX = 'report__';

export interface FreezeRequest {
  title: string;
  note: string | null;
  query: SnapshotQuery;
  author: RecordAuthor;
  /** The instance's public address, for the permanent address of the snapshot. */
  publicUrl: string;
}

/** An object-mode input feeding one format's serializer, whose text goes into its frozen file. */
interface FormatPipe {
  input: PassThrough;
  done: Promise<void>;
}

function formatPipe(serializer: Transform, file: FrozenFileWriter): FormatPipe {
  const input = new PassThrough({ objectMode: true, highWaterMark: 64 });
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const storing = file.write(chunk);
      if (storing) storing.then(() => callback(), callback);
      else callback();
    },
  });
  return { input, done: pipeline(input, serializer, sink) };
}

/** Writes `row` to every pipe, waiting for those that are full (or failing with one that failed). */
async function feed(pipes: FormatPipe[], row: unknown): Promise<void> {
  const full = pipes.filter(({ input }) => !input.write(row));
  await Promise.all(
    full.map(({ input, done }) => Promise.race([new Promise<void>((resolve) => input.once('drain', () => resolve())), done])),
  );
}

/**
 * Makes a snapshot: in one REPEATABLE READ transaction, reads the matching statements once,
 * in the list's order, and writes every format's file from that one pass — the canonical
 * NDJSON (RFC 8785 lines: each statement with its export columns and reference ids, then the
 * actors, topics, stances and sources they name), CSV, JSON, TimelineJS and the Markdown
 * report — then each kind of discourse network of the same statements in every network
 * format; each file hashed, gzipped in chunks and stored. It all commits together or not at all.
 */
@Injectable()
export class SnapshotFreezer {
  constructor(private readonly dataSource: DataSource) {}

  async freeze(request: FreezeRequest): Promise<number> {
    const { filters, sort } = request.query;
    const filterWords = describeFilters(filters, await loadFilterNames(this.dataSource, filters));
    const words = { filters: filterWords, query: `${filterWords}, sorted by ${describeSort(sort)}` };
    const { client, release } = await checkOut(pgPool(this.dataSource));
    let failed: Error | undefined;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await client.query(`SET LOCAL statement_timeout = '${FREEZE_STATEMENT_TIMEOUT}'`);
      const id = await this.freezeIn(client, request, words);
      await client.query('COMMIT');
      return id;
    } catch (error) {
      failed = error as Error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      release(failed);
    }
  }

  private async freezeIn(client: PoolClient, request: FreezeRequest, words: { filters: string; query: string }): Promise<number> {
    const queryWords = words.query;
    const columns = EXPORT_COLUMN_NAMES;
    const {
      rows: [{ id, createdAt }],
    } = await client.query<{ id: number; createdAt: Date }>(
      `INSERT INTO snapshots (title, note, query, query_words, columns, count, sha256, bytes, created_by_id, updated_at, updated_by_id)
       VALUES ($1, $2, $3, $4, $5, 0, '', 0, $6, now(), $6) RETURNING id, created_at AS "createdAt"`,
      [request.title, request.note, request.query.text, queryWords, columns, request.author.id],
    );
    const files = new Map<SnapshotFormat, FrozenFileWriter>();
    for (const format of ['ndjson', 'csv', 'json', 'markdown', 'timelinejs'] as const)
      files.set(format, await FrozenFileWriter.open(client, id, format));
    const exportedOn = createdAt.toISOString().slice(0, 10);
    const flat = [
      formatPipe(csvSerializer(columns, { bom: false }), files.get('csv')!),
      formatPipe(jsonSerializer(columns), files.get('json')!),
    ];
    const reports = [
      formatPipe(
        markdownSerializer({
          title: request.title,
          exportedOn,
          sortedBy: describeSort(request.query.sort),
          header: false,
          // Anyone may read a snapshot that holds only verified statements (PUBLIC_READ=verified): it names no draft it leaves out.
          replyTargets: 'verified',
        }),
        files.get('markdown')!,
      ),
      formatPipe(timelineJsSerializer({ title: request.title, exportedOn }), files.get('timelinejs')!),
    ];

    const { sql, params } = statementRowsQuery(this.dataSource, request.query, [
      ...columns.map((name): [string, string] => [name, EXPORT_COLUMNS[name].sql]),
      ...Object.entries(REFERENCE_ID_COLUMNS),
      ...reportColumns(request.query).map(([name, column]): [string, string] => [`${REPORT_PREFIX}${name}`, column]),
    ]);
    const references = new Map<ReferencedRecord['record'], Set<number>>();
    const ndjson = files.get('ndjson')!;
    let count = 0;
    const rows = await CursorStream.open(client, sql, params, CURSOR_READING);
    for await (const row of rows as AsyncIterable<Record<string, unknown>>) {
      const line: Record<string, unknown> = { record: 'statement' };
      const report: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) {
        if (key.startsWith(REPORT_PREFIX)) report[key.slice(REPORT_PREFIX.length)] = value;
        else line[key] = value;
      }
      const storing = ndjson.write(`${canonicalJson(line)}\n`);
      if (storing) await storing;
      collectReferences(line, references);
      await feed(flat, row);
      await feed(reports, report);
      count++;
    }
    for (const kind of REFERENCED_RECORDS) {
      const ids = [...(references.get(kind.record) ?? [])];
      if (!ids.length) continue;
      const { rows: records } = await client.query(referencedRecordsSql(kind), [ids]);
      for (const record of records) await ndjson.write(`${canonicalJson({ record: kind.record, ...record })}\n`);
    }
    for (const pipe of [...flat, ...reports]) pipe.input.end();
    await Promise.all([...flat, ...reports].map((pipe) => pipe.done));

    const canonical = await ndjson.finish();
    const cited = {
      id,
      title: request.title,
      createdAt: createdAt.toISOString(),
      creator: await this.creatorName(client, request.author.id),
      count,
      sha256: canonical.sha256,
      url: `${request.publicUrl}/api/snapshots/${id}`,
      publisher: 'Chronicle',
    };
    const markdown = files.get('markdown')!;
    await markdown.write(`\n## How to cite this dataset\n\n${escapeMarkdown(citeSnapshot(cited, 'apa').text.trim())}\n`);
    markdown.prepend(
      `# ${escapeMarkdown(request.title)}\n\n` +
        `*Snapshot ${id} of Chronicle, made on ${exportedOn} by ${escapeMarkdown(cited.creator)}: ${escapeMarkdown(queryWords)}. ` +
        `${count} ${count === 1 ? 'statement' : 'statements'}; SHA-256 of its NDJSON: ${canonical.sha256}. <${cited.url}>*\n`,
    );
    for (const format of ['csv', 'json', 'markdown', 'timelinejs'] as const) await files.get(format)!.finish();
    await freezeNetworks(client, this.dataSource, {
      snapshotId: id,
      query: request.query,
      about: `${words.filters}: snapshot ${id} of Chronicle, “${request.title}” (SHA-256 of its NDJSON ${canonical.sha256})`,
      exportedOn,
    });
    await client.query('UPDATE snapshots SET count = $2, sha256 = $3, bytes = $4, verified_only = $5 WHERE id = $1', [
      id,
      count,
      canonical.sha256,
      canonical.bytes,
      (await this.publishedCount(client, request.query.filters)) === count,
    ]);
    return id;
  }

  /**
   * How many of the statements frozen are published (verified), in the freeze's own
   * transaction: all of them makes the snapshot one that anonymous readers of a server with
   * PUBLIC_READ=verified may read.
   */
  private async publishedCount(client: PoolClient, filters: StatementFilters): Promise<number> {
    const [sql, params] = filteredStatements(this.dataSource, narrowToPublished(filters, PUBLISHED_STATEMENTS))
      .select('count(*)::int', 'count')
      .getQueryAndParameters();
    const { rows } = await client.query<{ count: number }>(sql, params);
    return rows[0].count;
  }

  private async creatorName(client: PoolClient, userId: number): Promise<string> {
    const { rows } = await client.query<{ name: string }>('SELECT display_name AS name FROM users WHERE id = $1', [userId]);
    return rows[0]?.name ?? `user ${userId}`;
  }
}
