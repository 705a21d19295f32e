import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Snapshots: frozen queries of statements (snapshots), their files (snapshot_files: hash and
 * sizes per format) and the files' gzip chunks (snapshot_chunks). No foreign key leads from
 * them to statements or their references: a snapshot must outlive any purge. (Generated; the
 * enum shared by two tables was created twice, once removed by hand. Numbered after
 * WidenQualifiedDateBounds, which was numbered by hand, so that it runs after it.)
 */
export class AddSnapshots1796700000000 implements MigrationInterface {
  name = 'AddSnapshots1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "snapshots" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "title" character varying(300) NOT NULL, "note" text, "query" text NOT NULL, "query_words" text NOT NULL, "columns" text array NOT NULL, "count" integer NOT NULL, "sha256" character(64) NOT NULL, "bytes" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by_id" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by_id" integer NOT NULL, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by_id" integer, CONSTRAINT "pk_snapshots" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."snapshot_format" AS ENUM('ndjson', 'csv', 'json', 'markdown', 'timelinejs')`);
    await queryRunner.query(
      `CREATE TABLE "snapshot_files" ("snapshot_id" integer NOT NULL, "format" "public"."snapshot_format" NOT NULL, "sha256" character(64) NOT NULL, "bytes" bigint NOT NULL, "stored_bytes" bigint NOT NULL, CONSTRAINT "pk_snapshot_files" PRIMARY KEY ("snapshot_id", "format"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "snapshot_chunks" ("snapshot_id" integer NOT NULL, "format" "public"."snapshot_format" NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "pk_snapshot_chunks" PRIMARY KEY ("snapshot_id", "format", "seq"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "snapshots" ADD CONSTRAINT "fk_snapshots_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "snapshots" ADD CONSTRAINT "fk_snapshots_updated_by_id" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "snapshots" ADD CONSTRAINT "fk_snapshots_deleted_by_id" FOREIGN KEY ("deleted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "snapshot_files" ADD CONSTRAINT "fk_snapshot_files_snapshot_id" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "snapshot_chunks" ADD CONSTRAINT "fk_snapshot_chunks_snapshot_id_format" FOREIGN KEY ("snapshot_id", "format") REFERENCES "snapshot_files"("snapshot_id","format") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "snapshot_chunks" DROP CONSTRAINT "fk_snapshot_chunks_snapshot_id_format"`);
    await queryRunner.query(`ALTER TABLE "snapshot_files" DROP CONSTRAINT "fk_snapshot_files_snapshot_id"`);
    await queryRunner.query(`ALTER TABLE "snapshots" DROP CONSTRAINT "fk_snapshots_deleted_by_id"`);
    await queryRunner.query(`ALTER TABLE "snapshots" DROP CONSTRAINT "fk_snapshots_updated_by_id"`);
    await queryRunner.query(`ALTER TABLE "snapshots" DROP CONSTRAINT "fk_snapshots_created_by_id"`);
    await queryRunner.query(`DROP TABLE "snapshot_chunks"`);
    await queryRunner.query(`DROP TABLE "snapshot_files"`);
    await queryRunner.query(`DROP TYPE "public"."snapshot_format"`);
    await queryRunner.query(`DROP TABLE "snapshots"`);
  }
}
