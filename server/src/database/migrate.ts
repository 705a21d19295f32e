import { DataSource } from 'typeorm';

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

/** Applies pending migrations, each in its own transaction, one process at a time. */
export async function migrate(dataSource: DataSource): Promise<MigrationOutcome> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const [{ exists }] = await dataSource.query(`SELECT to_regclass('migrations') IS NOT NULL AS exists`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return { createdSchema: !exists, applied: applied.map((m) => m.name) };
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
