import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A covering index for the analysis: the live statements' date range with the columns a network
 * or a stance series reads (id, speaker, stance, reply), so that PostgreSQL reads them from the
 * index alone instead of the wide statement rows. Measured at 1,000,000 statements (bench): the
 * congruence network of a year went from 2.2 s to 1.25 s, its nodes from 477 ms to 7 ms.
 * Written by hand: TypeORM cannot describe INCLUDE (the entity declares it synchronize: false).
 */
export class IndexStatementsForAnalysis1796700000001 implements MigrationInterface {
  name = 'IndexStatementsForAnalysis1796700000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "idx_statements_live_analysis" ON "statements" ("date_start", "date_end") INCLUDE ("id", "speaker_id", "stance_id", "responds_to_id") WHERE deleted_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_statements_live_analysis"`);
  }
}
