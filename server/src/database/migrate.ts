import { DataSource } from 'typeorm';

export interface MigrationOutcome {
  /** The schema did not exist before: this run created it. */
  createdSchema: boolean;
  applied: string[];
}

/** Applies pending migrations, each in its own transaction. */
export async function migrate(dataSource: DataSource): Promise<MigrationOutcome> {
  const [{ exists }] = await dataSource.query(`SELECT to_regclass('migrations') IS NOT NULL AS exists`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return { createdSchema: !exists, applied: applied.map((m) => m.name) };
}
