import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddStatementKey1796534137648 implements MigrationInterface {
  name = 'AddStatementKey1796534137648';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "statements" ADD "key" character varying(200)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_statements_live_key" ON "statements"  ("key") WHERE deleted_at IS NULL AND key IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_statements_live_key"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "key"`);
  }
}
