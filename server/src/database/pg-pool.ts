import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * The node-postgres pool behind TypeORM, for work TypeORM does not offer: a cursor with a
 * chosen batch size, a client released (or destroyed) exactly when a stream ends.
 */
export function pgPool(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}
