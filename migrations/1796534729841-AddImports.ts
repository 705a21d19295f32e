import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports: the imports table (one row per committed or failed import, with its counts), its
 * report rows, and revisions tagged with the import that wrote them.
 */
export class AddImports1796534729841 implements MigrationInterface {
  name = 'AddImports1796534729841';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."import_format" AS ENUM('csv', 'xlsx', 'ndjson', 'json')`);
    await queryRunner.query(`CREATE TYPE "public"."import_status" AS ENUM('running', 'finished', 'failed', 'undone')`);
    await queryRunner.query(
      `CREATE TABLE "imports" ("id" SERIAL NOT NULL, "user_id" integer NOT NULL, "file_name" character varying(300) NOT NULL, "format" "public"."import_format" NOT NULL, "options" jsonb NOT NULL, "status" "public"."import_status" NOT NULL, "error" text, "total_rows" integer NOT NULL, "created" integer NOT NULL, "updated" integer NOT NULL, "unchanged" integer NOT NULL, "failed" integer NOT NULL, "references" jsonb NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, "undone_at" TIMESTAMP WITH TIME ZONE, "undone_by_id" integer, CONSTRAINT "pk_imports" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_imports_user_id" ON "imports"  ("user_id") `);
    await queryRunner.query(`CREATE TYPE "public"."import_row_outcome" AS ENUM('created', 'updated', 'unchanged', 'failed')`);
    await queryRunner.query(
      `CREATE TABLE "import_rows" ("import_id" integer NOT NULL, "row" integer NOT NULL, "outcome" "public"."import_row_outcome" NOT NULL, "statement_id" integer, "key" character varying(200), "errors" jsonb, "changed_fields" text array NOT NULL DEFAULT '{}', CONSTRAINT "pk_import_rows" PRIMARY KEY ("import_id", "row"))`,
    );
    await queryRunner.query(`ALTER TABLE "revisions" ADD "import_id" integer`);
    // An import's entry in the activity feed is a revision of resource imports (the value is only added here, not used).
    await queryRunner.query(`ALTER TYPE "public"."revision_resource" ADD VALUE 'imports'`);
    await queryRunner.query(`CREATE INDEX "idx_revisions_feed_id" ON "revisions"  ("id") WHERE import_id IS NULL`);
    await queryRunner.query(`CREATE INDEX "idx_revisions_import_id" ON "revisions"  ("import_id") WHERE import_id IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "revisions" ADD CONSTRAINT "fk_revisions_import_id" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "imports" ADD CONSTRAINT "fk_imports_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "imports" ADD CONSTRAINT "fk_imports_undone_by_id" FOREIGN KEY ("undone_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_rows" ADD CONSTRAINT "fk_import_rows_import_id" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_rows" DROP CONSTRAINT "fk_import_rows_import_id"`);
    await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "fk_imports_undone_by_id"`);
    await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "fk_imports_user_id"`);
    await queryRunner.query(`ALTER TABLE "revisions" DROP CONSTRAINT "fk_revisions_import_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_revisions_resource_record_id_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_revisions_import_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_revisions_feed_id"`);
    // The imports' entries in the activity feed go with the imports (the rows they wrote keep their revisions).
    await queryRunner.query(`DELETE FROM "revisions" WHERE "resource" = 'imports'`);
    await queryRunner.query(`CREATE TYPE "public"."revision_resource_old" AS ENUM('statements', 'actors', 'sources', 'topics', 'stances')`);
    await queryRunner.query(
      `ALTER TABLE "revisions" ALTER COLUMN "resource" TYPE "public"."revision_resource_old" USING "resource"::"text"::"public"."revision_resource_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."revision_resource"`);
    await queryRunner.query(`ALTER TYPE "public"."revision_resource_old" RENAME TO "revision_resource"`);
    await queryRunner.query(`CREATE INDEX "idx_revisions_resource_record_id_id" ON "revisions" ("resource", "record_id", "id")`);
    await queryRunner.query(`ALTER TABLE "revisions" DROP COLUMN "import_id"`);
    await queryRunner.query(`DROP TABLE "import_rows"`);
    await queryRunner.query(`DROP TYPE "public"."import_row_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."idx_imports_user_id"`);
    await queryRunner.query(`DROP TABLE "imports"`);
    await queryRunner.query(`DROP TYPE "public"."import_status"`);
    await queryRunner.query(`DROP TYPE "public"."import_format"`);
  }
}
