import { Readable } from 'node:stream';
import type { PoolClient } from 'pg';

let cursors = 0;

export interface CursorReading {
  /** Rows per `FETCH` once streaming: large enough to amortise a round trip. */
  batchSize: number;
  /** Rows of the first `FETCH`, which stands between the request and its first byte. */
  firstBatchSize: number;
  /** Batches held ready ahead of the consumer, so PostgreSQL computes while Node serialises. */
  readAhead: number;
}

/**
 * Rows of a query, read through a server-side cursor (`DECLARE … CURSOR` / `FETCH n`) as an
 * object stream with back-pressure: a batch is fetched only while fewer than `readAhead`
 * batches wait for the consumer, so memory stays bounded whatever the number of rows. A
 * declared cursor is planned for its first rows (cursor_tuple_fraction), so an ordered
 * export starts streaming at once instead of after sorting everything.
 * The caller owns the transaction the cursor lives in and the client.
 */
export class CursorStream extends Readable {
  private fetching = false;

  private constructor(
    private readonly client: PoolClient,
    private readonly cursor: string,
    private readonly batchSize: number,
    readAhead: number,
  ) {
    super({ objectMode: true, highWaterMark: batchSize * readAhead });
  }

  /**
   * Declares the cursor and reads its first batch before anyone commits to an answer: a
   * database that fails now fails the request cleanly (a JSON 503), not a transfer already
   * announced as 200 with nothing sent.
   */
  static async open(client: PoolClient, sql: string, params: unknown[], reading: CursorReading): Promise<CursorStream> {
    const cursor = `chronicle_cursor_${++cursors}`;
    await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, params);
    const stream = new CursorStream(client, cursor, reading.batchSize, reading.readAhead);
    await stream.fetchBatch(reading.firstBatchSize);
    return stream;
  }

  override _read(): void {
    if (this.fetching) return;
    this.fetchBatch(this.batchSize).catch((error: Error) => this.destroy(error));
  }

  private async fetchBatch(size: number): Promise<void> {
    this.fetching = true;
    try {
      const { rows } = await this.client.query(`FETCH ${size} FROM ${this.cursor}`);
      if (this.destroyed) return;
      // A _read() called while these are pushed returns at once: one FETCH at a time, so that
      // nothing is pushed after the end. Readable asks again (next tick) while below its mark.
      for (const row of rows) this.push(row);
      if (rows.length < size) this.push(null);
    } finally {
      this.fetching = false;
    }
  }
}
