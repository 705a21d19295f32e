import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved queries on the server (they lived in one browser's localStorage): a name, the page it
 * opens (the statement list or the timeline) and its readable query string, its owner, and
 * whether the team sees it. An account's saved queries go with it (ON DELETE CASCADE; accounts
 * are deactivated, never deleted, so this only matters to a database cleaned by hand). Written
 * by hand after what `npm run migration:generate` gave for the entity, numbered after
 * MarkVerifiedOnlySnapshots.
 */
export class AddSavedQueries1796700000008 implements MigrationInterface {
  name = 'AddSavedQueries1796700000008';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."saved_query_resource" AS ENUM('statements', 'timeline')`);
    await queryRunner.query(
      `CREATE TABLE "saved_queries" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "name" character varying(200) NOT NULL, "resource" "public"."saved_query_resource" NOT NULL DEFAULT 'statements', "query" text NOT NULL, "shared" boolean NOT NULL DEFAULT false, "owner_id" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "pk_saved_queries" PRIMARY KEY ("id"))`,
    );
    // The list reads an account's own queries (owner_id) and the shared ones (few: a sequential scan).
    await queryRunner.query(`CREATE INDEX "idx_saved_queries_owner_id" ON "saved_queries" ("owner_id")`);
    await queryRunner.query(
      `ALTER TABLE "saved_queries" ADD CONSTRAINT "fk_saved_queries_owner_id" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "saved_queries" DROP CONSTRAINT "fk_saved_queries_owner_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_saved_queries_owner_id"`);
    await queryRunner.query(`DROP TABLE "saved_queries"`);
    await queryRunner.query(`DROP TYPE "public"."saved_query_resource"`);
  }
}
