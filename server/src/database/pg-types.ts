import { types } from 'pg';

const DATE_OID = 1082;

/**
 * node-postgres turns SQL `date` into a JS Date at local midnight, which shifts the day
 * in any time zone west of UTC once serialised. Keep dates as the `YYYY-MM-DD` text
 * PostgreSQL sends (also `infinity` / `-infinity` for open EDTF intervals).
 */
export function installPgTypeParsers(): void {
  types.setTypeParser(DATE_OID, (value: string) => value);
}
