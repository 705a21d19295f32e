import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Full text reads a stored tsvector instead of an expression index (bench/FINDINGS.md §5):
 * a rare word's first page walks the live date index and checks row after row, and with
 * the index on `to_tsvector('simple', search_text)` every check recomputed the vector
 * (0.9–1.4 s at 1,000,000 statements). `search_vector` is generated from `search_text` by
 * PostgreSQL, so the trigger that keeps `search_text` current keeps it current too, and
 * COPY (generator, restore) never writes it. Adding it rewrites the table.
 * Generated (the column and TypeORM's record of its expression), then the GIN index by hand.
 */
export class StoreSearchVector1795850000000 implements MigrationInterface {
  name = 'StoreSearchVector1795850000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_statements_search_text_tsvector"`);
    await queryRunner.query(
      `ALTER TABLE "statements" ADD "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED`,
    );
    // TypeORM finds the expression by database name; the generated migration had the name of
    // the database it was generated on, so the name is the current one's instead. A database
    // copied from a template or renamed needs `UPDATE typeorm_metadata SET database =
    // current_database()` before `migration:generate` (the test databases do this).
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), $1, $2, $3, $4, $5)`,
      ['public', 'statements', 'GENERATED_COLUMN', 'search_vector', "to_tsvector('simple'::regconfig, search_text)"],
    );
    await queryRunner.query(`CREATE INDEX "idx_statements_search_vector" ON "statements" USING gin ("search_vector")`);
    await queryRunner.query(`ANALYZE statements`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_statements_search_vector"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = current_database() AND "schema" = $3 AND "table" = $4`,
      ['GENERATED_COLUMN', 'search_vector', 'public', 'statements'],
    );
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "search_vector"`);
    await queryRunner.query(
      `CREATE INDEX "idx_statements_search_text_tsvector" ON "statements" USING gin (to_tsvector('simple'::regconfig, "search_text"))`,
    );
  }
}
