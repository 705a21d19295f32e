import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Accounts and provenance (issue 5): users and their hashed bearer tokens; on every curated
 * table a version (optimistic concurrency), who created and last changed the row, and a
 * trash marker (deleted_at / deleted_by_id); and the append-only revisions table. Adding
 * columns with constant defaults does not rewrite the tables (PostgreSQL ≥ 11), so this runs
 * in seconds at a million statements. Generated, then read.
 */

export class AddAccountsRevisionsAndTrash1795827637099 implements MigrationInterface {
  name = 'AddAccountsRevisionsAndTrash1795827637099';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('viewer', 'editor', 'admin')`);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" SERIAL NOT NULL, "email" character varying(320) NOT NULL, "display_name" character varying(200) NOT NULL, "role" "public"."user_role" NOT NULL DEFAULT 'viewer', "active" boolean NOT NULL DEFAULT true, "password_hash" character varying(200) NOT NULL, "must_change_password" boolean NOT NULL DEFAULT false, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_users" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users"  ("email") `);
    await queryRunner.query(`CREATE TYPE "public"."auth_token_kind" AS ENUM('session', 'personal', 'export')`);
    await queryRunner.query(`CREATE TYPE "public"."auth_token_scope" AS ENUM('read', 'read-write')`);
    await queryRunner.query(
      `CREATE TABLE "auth_tokens" ("id" SERIAL NOT NULL, "user_id" integer NOT NULL, "kind" "public"."auth_token_kind" NOT NULL, "scope" "public"."auth_token_scope" NOT NULL DEFAULT 'read-write', "name" character varying(100), "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_auth_tokens" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_auth_tokens_user_id" ON "auth_tokens"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_auth_tokens_token_hash" ON "auth_tokens"  ("token_hash") `);
    await queryRunner.query(`CREATE TYPE "public"."revision_resource" AS ENUM('statements', 'actors', 'sources', 'topics', 'stances')`);
    await queryRunner.query(`CREATE TYPE "public"."revision_action" AS ENUM('create', 'update', 'delete', 'restore', 'revert', 'purge')`);
    await queryRunner.query(
      `CREATE TABLE "revisions" ("id" SERIAL NOT NULL, "resource" "public"."revision_resource" NOT NULL, "record_id" integer NOT NULL, "version" integer NOT NULL, "action" "public"."revision_action" NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" integer, "label" character varying(300) NOT NULL, "changed_fields" text array NOT NULL DEFAULT '{}', "before" jsonb, "after" jsonb, "reverted_from_id" integer, CONSTRAINT "pk_revisions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_revisions_at" ON "revisions"  ("at") `);
    await queryRunner.query(`CREATE INDEX "idx_revisions_user_id_id" ON "revisions"  ("user_id", "id") `);
    await queryRunner.query(`CREATE INDEX "idx_revisions_resource_record_id_id" ON "revisions"  ("resource", "record_id", "id") `);
    await queryRunner.query(`ALTER TABLE "actors" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "actors" ADD "created_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "actors" ADD "updated_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "actors" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "actors" ADD "deleted_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "sources" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "sources" ADD "created_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "sources" ADD "updated_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "sources" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "sources" ADD "deleted_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "stances" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "stances" ADD "created_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "stances" ADD "updated_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "stances" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "stances" ADD "deleted_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "topics" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "topics" ADD "created_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "topics" ADD "updated_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "topics" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "topics" ADD "deleted_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "statements" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "statements" ADD "created_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "statements" ADD "updated_by_id" integer`);
    await queryRunner.query(`ALTER TABLE "statements" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "statements" ADD "deleted_by_id" integer`);
    await queryRunner.query(
      `ALTER TABLE "actors" ADD CONSTRAINT "fk_actors_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "actors" ADD CONSTRAINT "fk_actors_updated_by_id" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "actors" ADD CONSTRAINT "fk_actors_deleted_by_id" FOREIGN KEY ("deleted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_tokens" ADD CONSTRAINT "fk_auth_tokens_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "revisions" ADD CONSTRAINT "fk_revisions_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "revisions" ADD CONSTRAINT "fk_revisions_reverted_from_id" FOREIGN KEY ("reverted_from_id") REFERENCES "revisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sources" ADD CONSTRAINT "fk_sources_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sources" ADD CONSTRAINT "fk_sources_updated_by_id" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sources" ADD CONSTRAINT "fk_sources_deleted_by_id" FOREIGN KEY ("deleted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stances" ADD CONSTRAINT "fk_stances_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stances" ADD CONSTRAINT "fk_stances_updated_by_id" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stances" ADD CONSTRAINT "fk_stances_deleted_by_id" FOREIGN KEY ("deleted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "topics" ADD CONSTRAINT "fk_topics_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "topics" ADD CONSTRAINT "fk_topics_updated_by_id" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "topics" ADD CONSTRAINT "fk_topics_deleted_by_id" FOREIGN KEY ("deleted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "fk_statements_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "fk_statements_updated_by_id" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "fk_statements_deleted_by_id" FOREIGN KEY ("deleted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "statements" DROP CONSTRAINT "fk_statements_deleted_by_id"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP CONSTRAINT "fk_statements_updated_by_id"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP CONSTRAINT "fk_statements_created_by_id"`);
    await queryRunner.query(`ALTER TABLE "topics" DROP CONSTRAINT "fk_topics_deleted_by_id"`);
    await queryRunner.query(`ALTER TABLE "topics" DROP CONSTRAINT "fk_topics_updated_by_id"`);
    await queryRunner.query(`ALTER TABLE "topics" DROP CONSTRAINT "fk_topics_created_by_id"`);
    await queryRunner.query(`ALTER TABLE "stances" DROP CONSTRAINT "fk_stances_deleted_by_id"`);
    await queryRunner.query(`ALTER TABLE "stances" DROP CONSTRAINT "fk_stances_updated_by_id"`);
    await queryRunner.query(`ALTER TABLE "stances" DROP CONSTRAINT "fk_stances_created_by_id"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP CONSTRAINT "fk_sources_deleted_by_id"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP CONSTRAINT "fk_sources_updated_by_id"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP CONSTRAINT "fk_sources_created_by_id"`);
    await queryRunner.query(`ALTER TABLE "revisions" DROP CONSTRAINT "fk_revisions_reverted_from_id"`);
    await queryRunner.query(`ALTER TABLE "revisions" DROP CONSTRAINT "fk_revisions_user_id"`);
    await queryRunner.query(`ALTER TABLE "auth_tokens" DROP CONSTRAINT "fk_auth_tokens_user_id"`);
    await queryRunner.query(`ALTER TABLE "actors" DROP CONSTRAINT "fk_actors_deleted_by_id"`);
    await queryRunner.query(`ALTER TABLE "actors" DROP CONSTRAINT "fk_actors_updated_by_id"`);
    await queryRunner.query(`ALTER TABLE "actors" DROP CONSTRAINT "fk_actors_created_by_id"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "deleted_by_id"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "deleted_at"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "updated_by_id"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "created_by_id"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "topics" DROP COLUMN "deleted_by_id"`);
    await queryRunner.query(`ALTER TABLE "topics" DROP COLUMN "deleted_at"`);
    await queryRunner.query(`ALTER TABLE "topics" DROP COLUMN "updated_by_id"`);
    await queryRunner.query(`ALTER TABLE "topics" DROP COLUMN "created_by_id"`);
    await queryRunner.query(`ALTER TABLE "topics" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "stances" DROP COLUMN "deleted_by_id"`);
    await queryRunner.query(`ALTER TABLE "stances" DROP COLUMN "deleted_at"`);
    await queryRunner.query(`ALTER TABLE "stances" DROP COLUMN "updated_by_id"`);
    await queryRunner.query(`ALTER TABLE "stances" DROP COLUMN "created_by_id"`);
    await queryRunner.query(`ALTER TABLE "stances" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "deleted_by_id"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "deleted_at"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "updated_by_id"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "created_by_id"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "actors" DROP COLUMN "deleted_by_id"`);
    await queryRunner.query(`ALTER TABLE "actors" DROP COLUMN "deleted_at"`);
    await queryRunner.query(`ALTER TABLE "actors" DROP COLUMN "updated_by_id"`);
    await queryRunner.query(`ALTER TABLE "actors" DROP COLUMN "created_by_id"`);
    await queryRunner.query(`ALTER TABLE "actors" DROP COLUMN "version"`);
    await queryRunner.query(`DROP INDEX "public"."idx_revisions_resource_record_id_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_revisions_user_id_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_revisions_at"`);
    await queryRunner.query(`DROP TABLE "revisions"`);
    await queryRunner.query(`DROP TYPE "public"."revision_action"`);
    await queryRunner.query(`DROP TYPE "public"."revision_resource"`);
    await queryRunner.query(`DROP INDEX "public"."uq_auth_tokens_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."idx_auth_tokens_user_id"`);
    await queryRunner.query(`DROP TABLE "auth_tokens"`);
    await queryRunner.query(`DROP TYPE "public"."auth_token_scope"`);
    await queryRunner.query(`DROP TYPE "public"."auth_token_kind"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
  }
}
