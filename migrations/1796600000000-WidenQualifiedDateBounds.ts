import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Written by hand (no schema change): existing rows get the bounds and display the server now
 * derives (server/src/statements/edtf/):
 *
 * - A date qualified uncertain (`?`), approximate (`~`) or both (`%`) allows one unit of its
 *   precision either side: `2019-01-14~` Jan. 13–15, `2019-01?` Dec. 2018 – Feb. 2019, `2019~`
 *   2018–2020, within years 1 to 9999; in an interval each qualified end on its own side.
 *   At EDTF level 1 only a whole date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, can carry a
 *   qualifier (not a season, nor a date with X digits), which is all this has to read.
 * - A date known only by its latest day (`../2019-01`, `/2019-01`) reads "by January 2019",
 *   no longer "until January 2019" (or "… (start unknown)").
 *
 * Computed in SQL from the stored text, set-based (a generated database holds hundreds of
 * thousands of qualified dates), and without the server's parser, so that this migration
 * keeps doing what it did when the parser changes. The revisions keep what was stored then.
 */

const QUALIFIED = String.raw`'^\d{4}(-\d{2}(-\d{2})?)?[?~%]$'`;

/** The parts of a qualified component `c` (SQL text): year, month (1 without), day (1 without), and its length (5, 8 or 11). */
const year = (c: string) => `substr(${c}, 1, 4)::int`;
const month = (c: string) => `CASE WHEN length(${c}) >= 8 THEN substr(${c}, 6, 2)::int ELSE 1 END`;
const day = (c: string) => `CASE WHEN length(${c}) = 11 THEN substr(${c}, 9, 2)::int ELSE 1 END`;
const first = (c: string) => `make_date(${year(c)}, ${month(c)}, ${day(c)})`;

/** The first day the component states, and that day one unit earlier (not before year 1). */
const statedStart = first;
const widenedStart = (c: string) =>
  `GREATEST((${first(c)} - CASE length(${c}) WHEN 5 THEN interval '1 year' WHEN 8 THEN interval '1 month' ELSE interval '1 day' END)::date, DATE '0001-01-01')`;

/** The last day the component states, and that day one unit later (not after 9999). */
const lastDay = (c: string, units: number) =>
  `CASE length(${c})
     WHEN 5 THEN make_date(${year(c)} + ${units}, 12, 31)
     WHEN 8 THEN (${first(c)} + interval '${units + 1} month' - interval '1 day')::date
     ELSE ${first(c)} + ${units} END`;
const statedEnd = (c: string) => lastDay(c, 0);
const widenedEnd = (c: string) => `LEAST(${lastDay(c, 1)}, DATE '9999-12-31')`;

/** The start and the end component of the date: the date itself when it is not an interval. */
const START = `split_part(date, '/', 1)`;
const END = `CASE WHEN strpos(date, '/') > 0 THEN split_part(date, '/', 2) ELSE date END`;

const setBounds = (start: (c: string) => string, end: (c: string) => string) =>
  `UPDATE statements SET
     date_start = CASE WHEN ${START} ~ ${QUALIFIED} THEN ${start(START)} ELSE date_start END,
     date_end = CASE WHEN ${END} ~ ${QUALIFIED} THEN ${end(END)} ELSE date_end END
   WHERE date ~ '[?~%]'`;

const OPEN_START = String.raw`'^(\.\.)?/'`;

export class WidenQualifiedDateBounds1796600000000 implements MigrationInterface {
  name = 'WidenQualifiedDateBounds1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(setBounds(widenedStart, widenedEnd));
    await queryRunner.query(
      String.raw`UPDATE statements SET display_date = 'by ' || regexp_replace(substr(display_date, 7), ' \(start unknown\)$', '')
       WHERE date ~ ${OPEN_START} AND display_date LIKE 'until %'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(setBounds(statedStart, statedEnd));
    await queryRunner.query(
      `UPDATE statements SET display_date = 'until ' || substr(display_date, 4) || CASE WHEN date LIKE '/%' THEN ' (start unknown)' ELSE '' END
       WHERE date ~ ${OPEN_START} AND display_date LIKE 'by %'`,
    );
  }
}
