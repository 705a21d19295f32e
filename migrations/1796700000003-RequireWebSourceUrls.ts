import { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns checked, with their constraints: a source's address and its web archive copy. */
const CHECKED = [
  { column: 'url', constraint: 'chk_sources_url' },
  { column: 'archive_url', constraint: 'chk_sources_archive_url' },
];
/** How many offending rows the error lists, and how much of each address. */
const LISTED = 50;
const SHOWN_CHARS = 200;

/**
 * A source's `url` and `archive_url` are web addresses (http or https, any case) or null, in
 * the database too: the API's input check alone let a restore or SQL store `javascript:…`,
 * which a report would publish as a link. A database holding such an address is not changed
 * unasked: the migration names every source that has one and stops (the start fails, nothing
 * is applied), so that whoever put it there corrects or clears it, and starts again.
 */
export class RequireWebSourceUrls1796700000003 implements MigrationInterface {
  name = 'RequireWebSourceUrls1796700000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const offending: { id: number; column: string; value: string }[] = await queryRunner.query(
      CHECKED.map(
        ({ column }) => `SELECT id, '${column}' AS "column", "${column}" AS value FROM "sources" WHERE NOT (${webAddress(column)})`,
      ).join(' UNION ALL ') + ' ORDER BY id, "column"',
    );
    if (offending.length) {
      const listed = offending
        .slice(0, LISTED)
        .map(({ id, column, value }) => `source ${id} ${column} ${JSON.stringify(value.slice(0, SHOWN_CHARS))}`)
        .join('; ');
      const more = offending.length > LISTED ? `; and ${offending.length - LISTED} more` : '';
      const clear = CHECKED.map(({ column }) => ({ column, ids: offending.filter((row) => row.column === column).map((row) => row.id) }))
        .filter(({ ids }) => ids.length)
        .map(({ column, ids }) => `UPDATE sources SET ${column} = NULL WHERE id IN (${ids.join(', ')});`)
        .join(' ');
      throw new Error(
        `Migration RequireWebSourceUrls: ${offending.length} source address(es) are not web addresses (http or https), ` +
          `and reports would publish them as links: ${listed}${more}. No address was changed. ` +
          `Correct or clear them (${clear}), then start again.`,
      );
    }
    for (const { column, constraint } of CHECKED) {
      await queryRunner.query(`ALTER TABLE "sources" ADD CONSTRAINT "${constraint}" CHECK (${webAddress(column)})`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { constraint } of [...CHECKED].reverse()) await queryRunner.query(`ALTER TABLE "sources" DROP CONSTRAINT "${constraint}"`);
  }
}

/** The condition, as the entity declares it (server/src/sources/source.entity.ts). */
function webAddress(column: string): string {
  return `${column} IS NULL OR ${column} ~* '^https?://'`;
}
