import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a snapshot holds only published (verified) statements, for PUBLIC_READ=verified:
 * decided at freezing from what it holds, and never again (what it holds never changes). The
 * snapshots made before cannot be opened here (their files are gzip chunks); those whose query
 * asked for verified statements only are marked, the others stay unpublished — an admin can
 * make them again with the verified filter.
 */
export class MarkVerifiedOnlySnapshots1796700000007 implements MigrationInterface {
  name = 'MarkVerifiedOnlySnapshots1796700000007';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "snapshots" ADD "verified_only" boolean NOT NULL DEFAULT false`);
    // The query is stored normalised (URLSearchParams): `reviewStatus=verified` appears as such.
    await queryRunner.query(
      `UPDATE "snapshots" SET "verified_only" = true
       WHERE "query" ~ '(^|&)reviewStatus=verified(&|$)' AND "query" !~ '(^|&)reviewStatus=(?!verified(&|$))'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "snapshots" DROP COLUMN "verified_only"`);
  }
}
