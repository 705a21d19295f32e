import { MigrationInterface, QueryRunner } from 'typeorm';

/** A source can say it is itself a translation, and of which language (a paper's English edition of a Japanese article). */
export class AddSourceTranslatedFrom1796545422372 implements MigrationInterface {
  name = 'AddSourceTranslatedFrom1796545422372';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sources" ADD "translated_from" character varying(35)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "translated_from"`);
  }
}
