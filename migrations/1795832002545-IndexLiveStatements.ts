import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Lists, the timeline and exports read live statements only (deleted_at IS NULL, issue 5):
 * their order and filter indexes become partial on live rows, so that a page, a speaker's
 * count or a stance's count is read from the index alone (measured in bench/FINDINGS.md:
 * the unfiltered count went from 917 buffers to the whole heap when deleted_at appeared).
 * Plain speaker_id and stance_id indexes stay for foreign-key checks, which see every row.
 * ANALYZE at the end: deleted_at has no statistics after ADD COLUMN, and the planner then
 * misjudges every live-row filter. Generated, then read (the down's column order fixed by hand).
 */

export class IndexLiveStatements1795832002545 implements MigrationInterface {
  name = 'IndexLiveStatements1795832002545';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_statements_speaker_id_date_start"`);
    await queryRunner.query(`DROP INDEX "public"."idx_statements_date_start_id"`);
    await queryRunner.query(`CREATE INDEX "idx_statements_speaker_id" ON "statements"  ("speaker_id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_statements_trashed_deleted_at" ON "statements"  ("deleted_at") WHERE deleted_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_statements_live_stance_id_date_start_id" ON "statements"  ("stance_id", "date_start", "id") WHERE deleted_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_statements_live_speaker_id_date_start_id" ON "statements"  ("speaker_id", "date_start", "id") WHERE deleted_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_statements_live_date_start_id" ON "statements"  ("date_start", "id") WHERE deleted_at IS NULL`,
    );
    await queryRunner.query(`ANALYZE statements`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_statements_live_date_start_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_statements_live_speaker_id_date_start_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_statements_live_stance_id_date_start_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_statements_trashed_deleted_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_statements_speaker_id"`);
    await queryRunner.query(`CREATE INDEX "idx_statements_date_start_id" ON "statements" USING btree ("date_start", "id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_statements_speaker_id_date_start" ON "statements" USING btree ("speaker_id", "date_start", "id") `,
    );
  }
}
