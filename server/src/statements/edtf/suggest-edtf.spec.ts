import { suggestEdtf } from './suggest-edtf';

const dates = (text: string) => suggestEdtf(text).map((s) => s.date);

describe('suggestEdtf', () => {
  it.each([
    // known only by a latest day
    ['before 2019-01', '../2019-01'],
    ['before January 2019', '../2019-01'],
    ['Before Jan. 2019', '../2019-01'],
    ['by 2019-01', '../2019-01'],
    ['until 2019-01-14', '../2019-01-14'],
    ['no later than Jan 14, 2019', '../2019-01-14'],
    ['2019-01 or earlier', '../2019-01'],
    // from a day on
    ['after 2019-01', '2019-01/..'],
    ['since 14 January 2019', '2019-01-14/..'],
    ['2019-06 onward', '2019-06/..'],
    // approximate, uncertain, both
    ['circa 2019', '2019~'],
    ['c. 2019', '2019~'],
    ['ca 2019', '2019~'],
    ['2019-01-14 approx', '2019-01-14~'],
    ['around June 2019', '2019-06~'],
    ['maybe 2019', '2019?'],
    ['2019-06 (uncertain)', '2019-06?'],
    ['perhaps c. 2019', '2019%'],
    ['before c. 2019', '../2019~'],
    // plain dates in words, seasons, decades, ranges
    ['January 2019', '2019-01'],
    ['Sept. 3, 2019', '2019-09-03'],
    ['autumn 2018', '2018-23'],
    ['the 2010s', '201X'],
    ['2019-1-5', '2019-01-05'],
    ['between 2019-01 and 2019-06', '2019-01/2019-06'],
    ['from Jan. 2019 to June 2019', '2019-01/2019-06'],
  ])('%j → %s', (text, date) => {
    expect(dates(text)[0]).toBe(date);
  });

  it('reads each suggestion as the server would store it', () => {
    expect(suggestEdtf('before 2019-01')).toEqual([
      { date: '../2019-01', dateStart: '-infinity', dateEnd: '2019-01-31', displayDate: 'by January 2019' },
    ]);
  });

  it.each(['', 'yesterday', 'before lunch', '2019-13', 'before 2019-02-30', 'x'.repeat(201), '2019'])('offers nothing for %j', (text) => {
    expect(dates(text)).toEqual([]);
  });
});
