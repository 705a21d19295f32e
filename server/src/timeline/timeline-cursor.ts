import { badRequest } from '../kernel/errors/api-errors';

export type TimelineOrder = 'asc' | 'desc';

/** Where a page of the timeline ended: the last entry's (dateStart, id) and the direction. */
export interface TimelineCursor {
  dateStart: string;
  id: number;
  order: TimelineOrder;
}

const DAY = /^(-?infinity|\d{4}-\d{2}-\d{2})$/;

/** ±infinity or a day that exists (a made-up 2019-02-30 would fail in the database, unnamed). */
function isCursorDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY.test(value)) return false;
  if (value.endsWith('infinity')) return true;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function encodeCursor(cursor: TimelineCursor): string {
  return Buffer.from(JSON.stringify([cursor.dateStart, cursor.id, cursor.order])).toString('base64url');
}

/** Reads a cursor this server issued; anything else is a 400 naming `cursor`. */
export function decodeCursor(text: string, order: TimelineOrder): TimelineCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badRequest({ cursor: 'is not a cursor this server issued (use nextCursor from the previous page)' });
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    !isCursorDay(parsed[0]) ||
    !Number.isInteger(parsed[1]) ||
    parsed[1] < 1 ||
    parsed[1] > 2_147_483_647 ||
    (parsed[2] !== 'asc' && parsed[2] !== 'desc')
  ) {
    throw badRequest({ cursor: 'is not a cursor this server issued (use nextCursor from the previous page)' });
  }
  if (parsed[2] !== order) throw badRequest({ cursor: `was issued for order=${parsed[2]}, not order=${order}` });
  return { dateStart: parsed[0], id: parsed[1], order };
}
