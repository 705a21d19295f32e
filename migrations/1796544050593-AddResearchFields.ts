import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * What a researcher needs to say precisely what a statement is: the quote's kind, the original
 * wording and its language, whom the source credits, the source's own reading (and which
 * source's), whether the date is inferred, and each cited source's role, locator and excerpt.
 * Full text now also searches the original wording.
 */

export class AddResearchFields1796544050593 implements MigrationInterface {
  name = 'AddResearchFields1796544050593';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "statements" ADD "date_inferred" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`CREATE TYPE "public"."quote_kind" AS ENUM('verbatim', 'translation', 'paraphrase')`);
    await queryRunner.query(`ALTER TABLE "statements" ADD "quote_kind" "public"."quote_kind"`);
    await queryRunner.query(`ALTER TABLE "statements" ADD "quote_original" text`);
    await queryRunner.query(`ALTER TABLE "statements" ADD "quote_original_language" character varying(35)`);
    await queryRunner.query(`ALTER TABLE "statements" ADD "attribution" character varying(300)`);
    await queryRunner.query(`ALTER TABLE "statements" ADD "interpretation" text`);
    await queryRunner.query(`ALTER TABLE "statements" ADD "interpretation_source_id" integer`);
    await queryRunner.query(`CREATE TYPE "public"."citation_role" AS ENUM('primary', 'reporting', 'commentary')`);
    await queryRunner.query(`ALTER TABLE "statement_sources" ADD "role" "public"."citation_role"`);
    await queryRunner.query(`ALTER TABLE "statement_sources" ADD "locator" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "statement_sources" ADD "excerpt" character varying(2000)`);
    await queryRunner.query(
      `CREATE INDEX "idx_statements_interpretation_source_id" ON "statements"  ("interpretation_source_id") WHERE interpretation_source_id IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "fk_statements_interpretation_source_id" FOREIGN KEY ("interpretation_source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // --- written by hand: the search document takes the original wording too ---
    await queryRunner.query(`CREATE FUNCTION statement_search_text(headline text, quote text, quote_original text, summary text, speaker_id integer)
      RETURNS text LANGUAGE sql STABLE AS $$
        SELECT concat_ws(' ', headline, quote, quote_original, summary,
          (SELECT concat_ws(' ', a.name, a.native_name, NULLIF(array_to_string(a.aliases, ' '), ''))
             FROM actors a WHERE a.id = speaker_id))
      $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION statements_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_text := statement_search_text(NEW.headline, NEW.quote, NEW.quote_original, NEW.summary, NEW.speaker_id);
        RETURN NEW;
      END
    $$`);
    await queryRunner.query(`DROP TRIGGER statements_search_document ON statements`);
    await queryRunner.query(`CREATE TRIGGER statements_search_document
      BEFORE INSERT OR UPDATE OF headline, quote, quote_original, summary, speaker_id ON statements
      FOR EACH ROW EXECUTE FUNCTION statements_search_document()`);
    await queryRunner.query(`DROP FUNCTION statement_search_text(text, text, text, integer)`);
    // No statement has an original wording yet: every search document is as it was.
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION statement_search_text(headline text, quote text, summary text, speaker_id integer)
      RETURNS text LANGUAGE sql STABLE AS $$
        SELECT concat_ws(' ', headline, quote, summary,
          (SELECT concat_ws(' ', a.name, a.native_name, NULLIF(array_to_string(a.aliases, ' '), ''))
             FROM actors a WHERE a.id = speaker_id))
      $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION statements_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_text := statement_search_text(NEW.headline, NEW.quote, NEW.summary, NEW.speaker_id);
        RETURN NEW;
      END
    $$`);
    await queryRunner.query(`DROP TRIGGER statements_search_document ON statements`);
    await queryRunner.query(`CREATE TRIGGER statements_search_document
      BEFORE INSERT OR UPDATE OF headline, quote, summary, speaker_id ON statements
      FOR EACH ROW EXECUTE FUNCTION statements_search_document()`);
    await queryRunner.query(`DROP FUNCTION statement_search_text(text, text, text, text, integer)`);
    // The original wording goes with its column: documents that held it are rebuilt without it.
    await queryRunner.query(
      `UPDATE statements SET search_text = statement_search_text(headline, quote, summary, speaker_id) WHERE quote_original IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "statements" DROP CONSTRAINT "fk_statements_interpretation_source_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_statements_interpretation_source_id"`);
    await queryRunner.query(`ALTER TABLE "statement_sources" DROP COLUMN "excerpt"`);
    await queryRunner.query(`ALTER TABLE "statement_sources" DROP COLUMN "locator"`);
    await queryRunner.query(`ALTER TABLE "statement_sources" DROP COLUMN "role"`);
    await queryRunner.query(`DROP TYPE "public"."citation_role"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "interpretation_source_id"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "interpretation"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "attribution"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "quote_original_language"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "quote_original"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "quote_kind"`);
    await queryRunner.query(`DROP TYPE "public"."quote_kind"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "date_inferred"`);
  }
}
