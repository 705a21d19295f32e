import { endOfMonth, format } from 'date-fns';
import { DayBounds, EdtfComponent } from './edtf.types';

/** A local-time Date for a calendar day; setFullYear keeps years below 100 as given. */
export function calendarDay(year: number, month: number, day: number): Date {
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, month - 1, day);
  return date;
}

export const isoDay = (date: Date) => format(date, 'yyyy-MM-dd');

/**
 * Seasons (EDTF 21–24) as northern-hemisphere meteorological seasons, since EDTF leaves
 * their extent open: spring March–May, summer June–August, autumn September–November,
 * winter December of the year to the end of February of the next.
 */
const SEASON_MONTHS: Record<number, { from: number; to: number; yearShift: number }> = {
  21: { from: 3, to: 5, yearShift: 0 },
  22: { from: 6, to: 8, yearShift: 0 },
  23: { from: 9, to: 11, yearShift: 0 },
  24: { from: 12, to: 2, yearShift: 1 },
};

/** The earliest and latest day an EDTF date or season allows. */
export function componentBounds(component: EdtfComponent): DayBounds {
  if (component.kind === 'season') {
    const { from, to, yearShift } = SEASON_MONTHS[component.season];
    const endYear = component.year + yearShift;
    return {
      dateStart: isoDay(calendarDay(component.year, from, 1)),
      dateEnd: isoDay(endOfMonth(calendarDay(endYear, to, 1))),
    };
  }
  const { year, month, day, unspecifiedYearDigits, monthUnspecified, dayUnspecified } = component;
  const lastYear = year + 10 ** unspecifiedYearDigits - 1;
  if (month === undefined || monthUnspecified) {
    return { dateStart: isoDay(calendarDay(year, 1, 1)), dateEnd: isoDay(calendarDay(lastYear, 12, 31)) };
  }
  if (day === undefined || dayUnspecified) {
    return {
      dateStart: isoDay(calendarDay(year, month, 1)),
      dateEnd: isoDay(endOfMonth(calendarDay(year, month, 1))),
    };
  }
  const isoDate = isoDay(calendarDay(year, month, day));
  return { dateStart: isoDate, dateEnd: isoDate };
}
