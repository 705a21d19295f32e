import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { CursorReading, CursorStream } from '../database/cursor-stream';
import { checkOut, pgPool } from '../database/pg-pool';
import { isDatabaseUnavailable } from '../kernel/errors/postgres-errors';
import { ExportSlots } from './export-slots';

/**
 * How the export reads its cursor. Measured on 100,000 statements (CSV of everything, idle
 * machine): 200 rows per FETCH with nothing read ahead took 10.4–11.2 s, because PostgreSQL
 * and Node took turns; 1,000 rows with three batches ahead 6.8 s. The first FETCH stays
 * small so that the first byte does not wait for a thousand rows. At most about 4,000 rows
 * are held (a few MB), whatever the size of the export.
 */
const CURSOR_READING: CursorReading = { batchSize: 1_000, firstBatchSize: 100, readAhead: 3 };
/**
 * An export may run long on a big database and pauses while a slow client reads, so its
 * transaction gets limits of its own instead of the API's 30-second statement timeout.
 */
const EXPORT_STATEMENT_TIMEOUT = '30min';
const EXPORT_IDLE_TIMEOUT = '10min';

/** The day of an export, in its file name and its report's "Exported … on". */
export const exportDay = () => new Date().toISOString().slice(0, 10);

/** One export file: the rows' SELECT, how they are written, and what the response says of them. */
export interface ExportFile {
  sql: string;
  params: unknown[];
  serializer: Transform;
  contentType: string;
  /** The Content-Disposition header: the attachment's name (export-file-name.ts). */
  contentDisposition: string;
  /** For the log: "statements as csv". */
  what: string;
}

/**
 * Streams rows from a database cursor through a format's serializer to the client, with
 * back-pressure end to end: memory stays flat whatever the number of rows. A client that goes
 * away, or stops reading for the stall timeout, ends the cursor and gives the connection back
 * at once. Every export of a collection (statements, actors, sources) goes through here.
 */
@Injectable()
export class ExportStreamer {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly dataSource: DataSource,
    private readonly slots: ExportSlots,
  ) {}

  /** In a slot of its own (or 429, export-slots.ts); `prepare` runs once the slot is taken. */
  send(response: Response, prepare: () => Promise<ExportFile>): Promise<void> {
    return this.slots.run(response, async () => this.stream(await prepare(), response));
  }

  private async stream(file: ExportFile, response: Response): Promise<void> {
    const { client, release } = await checkOut(pgPool(this.dataSource));
    let failed: Error | undefined;
    try {
      await client.query('BEGIN READ ONLY');
      await client.query(`SET LOCAL statement_timeout = '${EXPORT_STATEMENT_TIMEOUT}'`);
      await client.query(`SET LOCAL idle_in_transaction_session_timeout = '${EXPORT_IDLE_TIMEOUT}'`);
      const rows = await CursorStream.open(client, file.sql, file.params, CURSOR_READING);

      response.status(200);
      response.setHeader('Content-Type', file.contentType);
      response.setHeader('Content-Disposition', file.contentDisposition);
      response.setHeader('Cache-Control', 'no-store');
      response.setHeader('X-Content-Type-Options', 'nosniff');
      await pipeline(rows, file.serializer, response);
      // The whole file is delivered; a read-only transaction that cannot commit (the database
      // just went away) changes nothing for the client, and the connection is destroyed below.
      await client.query('COMMIT').catch((error: Error) => (failed = error));
    } catch (error) {
      failed = error as Error;
      if (response.destroyed && !response.writableFinished) {
        // The pipeline has cut the transfer: the client sees it broken off, never a short file that looks whole.
        const why = isDatabaseUnavailable(error) ? `cut off, the database went away (${failed.message})` : 'ended by the client';
        this.logger.log(`export of ${file.what} ${why} after ${response.socket?.bytesWritten ?? 0} bytes`);
        return;
      }
      throw error;
    } finally {
      // A connection left mid-cursor or mid-transaction is destroyed rather than reused.
      release(failed);
    }
  }
}
