export const YEAR_MIN = 1;
export const YEAR_MAX = 9999;

export interface DayBounds {
  /** `YYYY-MM-DD`, or `-infinity` for an interval with an open or unknown start. */
  dateStart: string;
  /** `YYYY-MM-DD`, or `infinity` for an interval with an open or unknown end. */
  dateEnd: string;
}

export interface ParsedEdtf extends DayBounds {
  /** The EDTF text as given. */
  date: string;
  displayDate: string;
}

interface Qualified {
  uncertain: boolean;
  approximate: boolean;
}

export interface EdtfDateComponent extends Qualified {
  kind: 'date';
  year: number;
  /** 1–12 */
  month?: number;
  day?: number;
  /** Trailing year digits given as X (201X → 1). */
  unspecifiedYearDigits: number;
  monthUnspecified: boolean;
  dayUnspecified: boolean;
}

export interface EdtfSeasonComponent extends Qualified {
  kind: 'season';
  year: number;
  /** 21 spring, 22 summer, 23 autumn, 24 winter. */
  season: number;
}

export type EdtfComponent = EdtfDateComponent | EdtfSeasonComponent;

export type EdtfShape =
  | { kind: 'single'; component: EdtfComponent }
  | { kind: 'interval'; start: EdtfComponent | 'open' | 'unknown'; end: EdtfComponent | 'open' | 'unknown' };
