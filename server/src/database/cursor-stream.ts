import { Readable } from 'node:stream';
import type { PoolClient } from 'pg';

let cursors = 0;

/**
 * Rows of a query, read through a server-side cursor (`DECLARE … CURSOR` / `FETCH n`) as an
 * object stream with back-pressure: the next batch is fetched only when the consumer has
 * room. A declared cursor is planned for its first rows (cursor_tuple_fraction), so an
 * ordered export starts streaming at once instead of after sorting everything.
 * The caller owns the transaction the cursor lives in and the client.
 */
export class CursorStream extends Readable {
  private fetching = false;

  private constructor(
    private readonly client: PoolClient,
    private readonly cursor: string,
    private readonly batchSize: number,
  ) {
    super({ objectMode: true, highWaterMark: batchSize });
  }

  /**
   * Declares the cursor and reads its first batch before anyone commits to an answer: a
   * database that fails now fails the request cleanly (a JSON 503), not a transfer already
   * announced as 200 with nothing sent.
   */
  static async open(client: PoolClient, sql: string, params: unknown[], batchSize: number): Promise<CursorStream> {
    const cursor = `chronicle_cursor_${++cursors}`;
    await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, params);
    const stream = new CursorStream(client, cursor, batchSize);
    await stream.fetchBatch();
    return stream;
  }

  override _read(): void {
    if (this.fetching) return;
    this.fetchBatch().catch((error: Error) => this.destroy(error));
  }

  private async fetchBatch(): Promise<void> {
    this.fetching = true;
    try {
      const { rows } = await this.client.query(`FETCH ${this.batchSize} FROM ${this.cursor}`);
      if (this.destroyed) return;
      for (const row of rows) this.push(row);
      if (rows.length < this.batchSize) this.push(null);
    } finally {
      this.fetching = false;
    }
  }
}
