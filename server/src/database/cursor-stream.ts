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

  static async open(client: PoolClient, sql: string, params: unknown[], batchSize: number): Promise<CursorStream> {
    const cursor = `chronicle_cursor_${++cursors}`;
    await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, params);
    return new CursorStream(client, cursor, batchSize);
  }

  override _read(): void {
    if (this.fetching) return;
    this.fetching = true;
    this.client.query(`FETCH ${this.batchSize} FROM ${this.cursor}`).then(
      ({ rows }) => {
        this.fetching = false;
        if (this.destroyed) return;
        for (const row of rows) this.push(row);
        if (rows.length < this.batchSize) this.push(null);
      },
      (error: Error) => this.destroy(error),
    );
  }
}
