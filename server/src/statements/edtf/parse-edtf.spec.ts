import { qualifiedBounds } from './edtf-bounds';
import { EdtfComponent } from './edtf.types';
import { EdtfError, parseEdtf } from './parse-edtf';

describe('parseEdtf', () => {
  it.each([
    // level 0
    ['2019-01-14', '2019-01-14', '2019-01-14', 'Jan. 14, 2019'],
    ['2019-06', '2019-06-01', '2019-06-30', 'June 2019'],
    ['2019', '2019-01-01', '2019-12-31', '2019'],
    ['2019-09-03', '2019-09-03', '2019-09-03', 'Sept. 3, 2019'],
    ['2019-03-08', '2019-03-08', '2019-03-08', 'March 8, 2019'],
    ['2020-02', '2020-02-01', '2020-02-29', 'February 2020'],
    ['2019-02', '2019-02-01', '2019-02-28', 'February 2019'],
    ['1956', '1956-01-01', '1956-12-31', '1956'],
    ['0044-03-15', '0044-03-15', '0044-03-15', 'March 15, 44'],
    ['2020-02-29', '2020-02-29', '2020-02-29', 'Feb. 29, 2020'],
    ['2000-02-29', '2000-02-29', '2000-02-29', 'Feb. 29, 2000'],
    ['0004-02-29', '0004-02-29', '0004-02-29', 'Feb. 29, 4'],
    ['2019-01/2019-06', '2019-01-01', '2019-06-30', 'January–June 2019'],
    ['2019-01-14/2019-01-16', '2019-01-14', '2019-01-16', 'Jan. 14–16, 2019'],
    ['2019-01-14/2019-02-02', '2019-01-14', '2019-02-02', 'Jan. 14 – Feb. 2, 2019'],
    ['2018-06/2019-01', '2018-06-01', '2019-01-31', 'June 2018 – January 2019'],
    ['2019/2019', '2019-01-01', '2019-12-31', '2019'],
    // level 1: seasons (northern-hemisphere meteorological)
    ['2018-21', '2018-03-01', '2018-05-31', 'spring 2018'],
    ['2018-22', '2018-06-01', '2018-08-31', 'summer 2018'],
    ['2018-23', '2018-09-01', '2018-11-30', 'autumn 2018'],
    ['2018-24', '2018-12-01', '2019-02-28', 'winter 2018–19'],
    ['2019-24', '2019-12-01', '2020-02-29', 'winter 2019–20'],
    // level 1: qualifiers allow one unit of the stated precision either side
    ['2019-06?', '2019-05-01', '2019-07-31', 'June 2019?'],
    ['2019?', '2018-01-01', '2020-12-31', '2019?'],
    ['2018~', '2017-01-01', '2019-12-31', 'c. 2018'],
    ['2018%', '2017-01-01', '2019-12-31', 'c. 2018?'],
    ['2019-01-14~', '2019-01-13', '2019-01-15', 'c. Jan. 14, 2019'],
    ['2019-01?', '2018-12-01', '2019-02-28', 'January 2019?'],
    ['2019~', '2018-01-01', '2020-12-31', 'c. 2019'],
    ['2019-03-01?', '2019-02-28', '2019-03-02', 'March 1, 2019?'],
    ['2020-01~', '2019-12-01', '2020-02-29', 'c. January 2020'],
    // … kept within years 1 to 9999
    ['0001~', '0001-01-01', '0002-12-31', 'c. 1'],
    ['9999-12-31?', '9999-12-30', '9999-12-31', 'Dec. 31, 9999?'],
    // level 1: unspecified digits
    ['201X', '2010-01-01', '2019-12-31', '2010s'],
    ['19XX', '1900-01-01', '1999-12-31', '1900s'],
    ['2019-XX', '2019-01-01', '2019-12-31', '2019 (month unknown)'],
    ['2019-XX-XX', '2019-01-01', '2019-12-31', '2019 (month and day unknown)'],
    ['2019-06-XX', '2019-06-01', '2019-06-30', 'June 2019 (day unknown)'],
    // level 1: intervals with qualified, open and unknown ends; a qualified end widens on its own side
    ['2019-06~/2019-08?', '2019-05-01', '2019-09-30', 'c. June 2019 – August 2019?'],
    ['2019-01-14~/2019-02', '2019-01-13', '2019-02-28', 'c. Jan. 14, 2019 – February 2019'],
    ['2019-01/2019-06?', '2019-01-01', '2019-07-31', 'January 2019 – June 2019?'],
    ['2019-01/..', '2019-01-01', 'infinity', 'from January 2019 onward'],
    ['2019-01/', '2019-01-01', 'infinity', 'from January 2019 (end unknown)'],
    ['2019~/..', '2018-01-01', 'infinity', 'from c. 2019 onward'],
    // known only by a latest day: "by", not "until" (which reads as lasting up to it)
    ['../2019', '-infinity', '2019-12-31', 'by 2019'],
    ['../2019-01', '-infinity', '2019-01-31', 'by January 2019'],
    ['/2019-06', '-infinity', '2019-06-30', 'by June 2019'],
    ['../2019-01?', '-infinity', '2019-02-28', 'by January 2019?'],
  ])('%s → [%s, %s] "%s"', (date, dateStart, dateEnd, displayDate) => {
    expect(parseEdtf(date)).toEqual({ date, dateStart, dateEnd, displayDate });
  });

  it.each([
    ['', /must not be empty/],
    [' 2019', /spaces/],
    ['2019 ', /spaces/],
    ['2019-13', /not a valid EDTF date: "2019-13" \(problem at character 7\)/],
    ['2019-02-30', /not a valid EDTF date/],
    ['14 January 2019', /not a valid EDTF date/],
    ['2019-25', /not a valid EDTF date/],
    ['[2019,2020]', /not a valid EDTF date/],
    ['2019-06/2019-01', /ends \(2019-01-31\) before it begins \(2019-06-01\)/],
    // The order is judged on the dates as stated, not on a qualifier's margin.
    ['2019-02~/2019-01', /ends \(2019-01-31\) before it begins \(2019-02-01\)/],
    ['2019-01-14T10:00:00Z', /cannot have a time of day/],
    ['XXXX', /fully unspecified year/],
    ['0000', /years from 1 to 9999/],
    ['-0044', /years from 1 to 9999/],
    ['Y170000002', /years from 1 to 9999/],
    ['9999-24', /years from 1 to 9999/],
    ['../..', /not a valid EDTF date|known end/],
    ['x'.repeat(101), /at most 100 characters/],
    // Found by the bad-input fuzzer: edtf's grammar allows February 29 in any year, and the day
    // was stored as March 1 and shown as "Feb. 29, 2019".
    ['2019-02-29', /day that does not exist: 2019-02 has 28 days/],
    ['1900-02-29', /day that does not exist: 1900-02 has 28 days/],
    ['2019-02-29~', /day that does not exist/],
    ['2019-02-29/2019-03-01', /day that does not exist/],
    ['2018-01/2019-02-29', /day that does not exist/],
  ])('refuses %j', (date, reason) => {
    expect(() => parseEdtf(date)).toThrow(EdtfError);
    expect(() => parseEdtf(date)).toThrow(reason);
  });
});

describe('qualifiedBounds', () => {
  // Level 1 text cannot qualify a season or a date with unspecified digits (edtf refuses
  // "2018-23~" and "201X~"), but the rule is the same for every precision.
  const qualified = { uncertain: false, approximate: true };
  const date = { kind: 'date', unspecifiedYearDigits: 0, monthUnspecified: false, dayUnspecified: false, ...qualified } as const;
  it.each<[string, EdtfComponent, string, string]>([
    ['a season by a season', { kind: 'season', year: 2018, season: 23, ...qualified }, '2018-06-01', '2019-02-28'],
    ['a winter by a season', { kind: 'season', year: 2018, season: 24, ...qualified }, '2018-09-01', '2019-05-31'],
    ['a decade by a decade', { ...date, year: 2010, unspecifiedYearDigits: 1 }, '2000-01-01', '2029-12-31'],
    ['an unknown month by a year', { ...date, year: 2019, month: 1, monthUnspecified: true }, '2018-01-01', '2020-12-31'],
    ['an unknown day by a month', { ...date, year: 2019, month: 6, day: 1, dayUnspecified: true }, '2019-05-01', '2019-07-31'],
    ['an unqualified day not at all', { ...date, year: 2019, month: 1, day: 14, approximate: false }, '2019-01-14', '2019-01-14'],
  ])('widens %s', (_what, component, dateStart, dateEnd) => {
    expect(qualifiedBounds(component)).toEqual({ dateStart, dateEnd });
  });
});
