import { addDays, addMonths, addYears, endOfMonth, format, startOfMonth } from 'date-fns';
import { DayBounds, EdtfComponent, YEAR_MAX, YEAR_MIN } from './edtf.types';

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

/** One unit of a component's stated precision: a day, a month, a season, a year, a decade, …. */
type PrecisionUnit = { days: number } | { months: number } | { years: number };

function precisionUnit(component: EdtfComponent): PrecisionUnit {
  if (component.kind === 'season') return { months: 3 };
  const { month, day, unspecifiedYearDigits, monthUnspecified, dayUnspecified } = component;
  if (unspecifiedYearDigits > 0) return { years: 10 ** unspecifiedYearDigits };
  if (month === undefined || monthUnspecified) return { years: 1 };
  if (day === undefined || dayUnspecified) return { months: 1 };
  return { days: 1 };
}

/** `day` moved by `count` units (negative: earlier); a month step lands on the last day of its month. */
function step(day: Date, unit: PrecisionUnit, count: number): Date {
  if ('days' in unit) return addDays(day, unit.days * count);
  if ('months' in unit) {
    const month = addMonths(startOfMonth(day), unit.months * count);
    return count > 0 ? endOfMonth(month) : month;
  }
  return addYears(day, unit.years * count);
}

const FIRST_DAY = () => calendarDay(YEAR_MIN, 1, 1);
const LAST_DAY = () => calendarDay(YEAR_MAX, 12, 31);
const dayOf = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return calendarDay(year, month, day);
};

/**
 * The earliest and latest day a component allows, its qualifier included: a date marked
 * uncertain (`?`), approximate (`~`) or both (`%`) allows one unit of its stated precision
 * either side — `2019-01-14~` Jan. 13–15, `2019-01?` December 2018 to February 2019, `2019~`
 * 2018–2020, a season one season, `201X~` 2000–2029 — kept within years 1 to 9999.
 */
export function qualifiedBounds(component: EdtfComponent): DayBounds {
  const stated = componentBounds(component);
  if (!component.uncertain && !component.approximate) return stated;
  const unit = precisionUnit(component);
  const start = step(dayOf(stated.dateStart), unit, -1);
  const end = step(dayOf(stated.dateEnd), unit, 1);
  return {
    dateStart: isoDay(start < FIRST_DAY() ? FIRST_DAY() : start),
    dateEnd: isoDay(end > LAST_DAY() ? LAST_DAY() : end),
  };
}
