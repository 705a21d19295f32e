import { MigrationInterface, QueryRunner } from 'typeorm';

/** A saved query may open the analysis page (its filters, tab and settings). */
export class LetSavedQueriesOpenTheAnalysis1796700000009 implements MigrationInterface {
  name = 'LetSavedQueriesOpenTheAnalysis1796700000009';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."saved_query_resource" ADD VALUE 'analysis'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // PostgreSQL cannot drop an enum value: the type is rebuilt without it. The saved queries of
    // the analysis page open a page the older Chronicle does not have, and go. (The generator
    // forgot the column's default, which cannot be cast to the new type, and those rows.)
    await queryRunner.query(`DELETE FROM "saved_queries" WHERE "resource" = 'analysis'`);
    await queryRunner.query(`ALTER TABLE "saved_queries" ALTER COLUMN "resource" DROP DEFAULT`);
    await queryRunner.query(`CREATE TYPE "public"."saved_query_resource_old" AS ENUM('statements', 'timeline')`);
    await queryRunner.query(
      `ALTER TABLE "saved_queries" ALTER COLUMN "resource" TYPE "public"."saved_query_resource_old" USING "resource"::"text"::"public"."saved_query_resource_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."saved_query_resource"`);
    await queryRunner.query(`ALTER TYPE "public"."saved_query_resource_old" RENAME TO "saved_query_resource"`);
    await queryRunner.query(`ALTER TABLE "saved_queries" ALTER COLUMN "resource" SET DEFAULT 'statements'`);
  }
}
