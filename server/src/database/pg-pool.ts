import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * The node-postgres pool behind TypeORM, for work TypeORM does not offer: a cursor with a
 * chosen batch size, a client released (or destroyed) exactly when a stream ends.
 */
export function pgPool(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}

export interface CheckedOutClient {
  client: PoolClient;
  /** Gives the client back; a client whose connection failed (or `error`) is closed, not reused. */
  release(error?: Error): void;
}

/**
 * A client taken out of the pool for longer work (an export's cursor, a bulk load). While a
 * client is out, the pool does not listen to it, and node-postgres reports a connection that
 * dies — the database restarting, even between two queries while an export waits for a slow
 * reader — as an 'error' event on the client: with no listener, that event ends the process.
 * The listener here keeps the error instead; the query under way (or the next one) fails
 * with it anyway, and the release closes the connection.
 */
export async function checkOut(pool: Pool): Promise<CheckedOutClient> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const keep = (error: Error) => (lost ??= error);
  client.on('error', keep);
  return {
    client,
    release: (error?: Error) => {
      client.removeListener('error', keep);
      client.release(error ?? lost);
    },
  };
}
