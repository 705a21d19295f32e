import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account changes join the activity feed: revisions of resource `users` (invitations, name,
 * role, deactivation, password resets and changes) and `tokens` (personal API tokens made and
 * revoked). Only the enum gains values; the rows are written by the server from now on.
 */
export class AuditAccountChanges1796700000006 implements MigrationInterface {
  name = 'AuditAccountChanges1796700000006';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Allowed in a transaction block since PostgreSQL 12 (Chronicle needs 13), as long as the
    // transaction does not use the new values: it does not.
    await queryRunner.query(`ALTER TYPE "public"."revision_resource" ADD VALUE 'users'`);
    await queryRunner.query(`ALTER TYPE "public"."revision_resource" ADD VALUE 'tokens'`);
  }

  /** PostgreSQL cannot drop an enum value: the type is made again without them, and the account entries go. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "revisions" WHERE "resource" IN ('users', 'tokens')`);
    await queryRunner.query(
      `CREATE TYPE "public"."revision_resource_old" AS ENUM('statements', 'actors', 'sources', 'topics', 'stances', 'imports')`,
    );
    await queryRunner.query(
      `ALTER TABLE "revisions" ALTER COLUMN "resource" TYPE "public"."revision_resource_old" USING "resource"::"text"::"public"."revision_resource_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."revision_resource"`);
    await queryRunner.query(`ALTER TYPE "public"."revision_resource_old" RENAME TO "revision_resource"`);
  }
}
