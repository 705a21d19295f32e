import { DataSource, MigrationExecutor } from 'typeorm';

export interface MigrationOutcome {
  /** The schema did not exist before: this run created it. */
  createdSchema: boolean;
  applied: string[];
}

/**
 * Key of the session advisory lock that serialises migrations: replicas started together
 * (docs/SCALING.md) take turns, and the later ones find nothing left to apply. ('chro' in ASCII.)
 */
export const MIGRATION_LOCK_KEY = 0x6368726f;

/**
 * Applies pending migrations, each in its own transaction, one process at a time, on the
 * session that holds the lock. That session has no statement timeout: the API's 30 s
 * would cancel a migration that rewrites or indexes a large table (adding the stored
 * search vector takes minutes at 1,000,000 statements).
 */
export async function migrate(dataSource: DataSource): Promise<MigrationOutcome> {
  const session = dataSource.createQueryRunner();
  await session.connect();
  try {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await session.query('SET statement_timeout = 0');
    const [{ exists }] = await session.query(`SELECT to_regclass('migrations') IS NOT NULL AS exists`);
    const executor = new MigrationExecutor(dataSource, session);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return { createdSchema: !exists, applied: applied.map((m) => m.name) };
  } finally {
    // The connection goes back to the pool: its timeout returns to the connection's own.
    await session.query('RESET statement_timeout').catch(() => undefined);
    await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await session.release();
  }
}
