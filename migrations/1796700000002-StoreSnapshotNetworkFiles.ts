import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A snapshot's files are named rather than enumerated: besides its five statement formats, a
 * snapshot now freezes its discourse networks (network-<kind>.graphml and so on, 20 files), and
 * each new file would otherwise need a change of type. The column keeps its name and values:
 * its type changes in place (USING format::text), so every stored snapshot keeps its files and
 * chunks byte for byte. Written by hand: TypeORM's generated version dropped the column and
 * added it again, which would have deleted every snapshot's files. Snapshots made before this
 * migration have no network files; their other files are untouched.
 */
export class StoreSnapshotNetworkFiles1796700000002 implements MigrationInterface {
  name = 'StoreSnapshotNetworkFiles1796700000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "snapshot_chunks" DROP CONSTRAINT "fk_snapshot_chunks_snapshot_id_format"`);
    await queryRunner.query(`ALTER TABLE "snapshot_files" ALTER COLUMN "format" TYPE character varying(48) USING "format"::text`);
    await queryRunner.query(`ALTER TABLE "snapshot_chunks" ALTER COLUMN "format" TYPE character varying(48) USING "format"::text`);
    await queryRunner.query(
      `ALTER TABLE "snapshot_chunks" ADD CONSTRAINT "fk_snapshot_chunks_snapshot_id_format" FOREIGN KEY ("snapshot_id", "format") REFERENCES "snapshot_files"("snapshot_id","format") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`DROP TYPE "public"."snapshot_format"`);
  }

  /** Back to the enum of the five statement formats: the network files go (their chunks with them). */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "snapshot_chunks" DROP CONSTRAINT "fk_snapshot_chunks_snapshot_id_format"`);
    await queryRunner.query(`DELETE FROM "snapshot_chunks" WHERE "format" LIKE 'network-%'`);
    await queryRunner.query(`DELETE FROM "snapshot_files" WHERE "format" LIKE 'network-%'`);
    await queryRunner.query(`CREATE TYPE "public"."snapshot_format" AS ENUM('ndjson', 'csv', 'json', 'markdown', 'timelinejs')`);
    await queryRunner.query(
      `ALTER TABLE "snapshot_files" ALTER COLUMN "format" TYPE "public"."snapshot_format" USING "format"::"public"."snapshot_format"`,
    );
    await queryRunner.query(
      `ALTER TABLE "snapshot_chunks" ALTER COLUMN "format" TYPE "public"."snapshot_format" USING "format"::"public"."snapshot_format"`,
    );
    await queryRunner.query(
      `ALTER TABLE "snapshot_chunks" ADD CONSTRAINT "fk_snapshot_chunks_snapshot_id_format" FOREIGN KEY ("snapshot_id", "format") REFERENCES "snapshot_files"("snapshot_id","format") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
