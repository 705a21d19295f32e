import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexRevisionReverts1796539398780 implements MigrationInterface {
  name = 'IndexRevisionReverts1796539398780';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_revisions_reverted_from_id" ON "revisions"  ("reverted_from_id") WHERE reverted_from_id IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_revisions_reverted_from_id"`);
  }
}
