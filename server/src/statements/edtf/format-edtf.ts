import { format } from 'date-fns';
import { calendarDay } from './edtf-bounds';
import { EdtfComponent, EdtfDateComponent, EdtfShape } from './edtf.types';

/** AP style, as English-language newspapers print dates: "Jan. 14, 2019", "Sept. 3". */
export const AP_MONTH = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const SEASON_NAME: Record<number, string> = { 21: 'spring', 22: 'summer', 23: 'autumn', 24: 'winter' };

const monthName = (month: number) => format(calendarDay(2000, month, 1), 'MMMM');

function qualify(text: string, component: EdtfComponent): string {
  return `${component.approximate ? 'c. ' : ''}${text}${component.uncertain ? '?' : ''}`;
}

function plainDate(c: EdtfDateComponent): string {
  if (c.unspecifiedYearDigits > 0) return `${c.year}s`;
  if (c.month === undefined) return `${c.year}`;
  if (c.monthUnspecified) return c.day === undefined ? `${c.year} (month unknown)` : `${c.year} (month and day unknown)`;
  if (c.day === undefined) return `${monthName(c.month)} ${c.year}`;
  if (c.dayUnspecified) return `${monthName(c.month)} ${c.year} (day unknown)`;
  return `${AP_MONTH[c.month - 1]} ${c.day}, ${c.year}`;
}

function plain(component: EdtfComponent): string {
  if (component.kind === 'season') {
    const yearText = component.season === 24 ? `${component.year}–${String(component.year + 1).slice(-2)}` : `${component.year}`;
    return `${SEASON_NAME[component.season]} ${yearText}`;
  }
  return plainDate(component);
}

const describe = (component: EdtfComponent) => qualify(plain(component), component);

const isPlain = (c: EdtfComponent): c is EdtfDateComponent =>
  c.kind === 'date' && !c.uncertain && !c.approximate && c.unspecifiedYearDigits === 0 && !c.monthUnspecified && !c.dayUnspecified;

/** "January–June 2019", "Jan. 14–16, 2019", "Jan. 14 – Feb. 2, 2019" when both ends share a year. */
function compactRange(a: EdtfComponent, b: EdtfComponent): string | undefined {
  if (!isPlain(a) || !isPlain(b) || a.year !== b.year || a.month === undefined || b.month === undefined) return undefined;
  if (a.day === undefined && b.day === undefined) return `${monthName(a.month)}–${monthName(b.month)} ${a.year}`;
  if (a.day === undefined || b.day === undefined) return undefined;
  if (a.month === b.month) return `${AP_MONTH[a.month - 1]} ${a.day}–${b.day}, ${a.year}`;
  return `${AP_MONTH[a.month - 1]} ${a.day} – ${AP_MONTH[b.month - 1]} ${b.day}, ${a.year}`;
}

/**
 * The date as a reader expects it: "Jan. 14, 2019", "June 2019", "autumn 2018", "c. 2018", "2019?",
 * "from January 2019 onward", "by January 2019".
 */
export function formatEdtfDisplay(shape: EdtfShape): string {
  if (shape.kind === 'single') return describe(shape.component);
  const { start, end } = shape;
  if (typeof start !== 'string' && typeof end !== 'string') {
    if (plain(start) === plain(end) && start.uncertain === end.uncertain && start.approximate === end.approximate) {
      return describe(start);
    }
    return compactRange(start, end) ?? `${describe(start)} – ${describe(end)}`;
  }
  if (typeof start !== 'string') {
    return end === 'open' ? `from ${describe(start)} onward` : `from ${describe(start)} (end unknown)`;
  }
  // Known only by its latest day (`../2019-01`, `/2019-01`): "by January 2019", as one says of
  // something that had happened by then. ("until" read as if it had lasted up to that day.)
  if (typeof end !== 'string') return `by ${describe(end)}`;
  return 'undated';
}
