import { intervalKey, intervalSeries } from './intervals';

describe('intervalSeries', () => {
  it('lists every month between the first and the last, with their last days', () => {
    expect(intervalSeries('month', '2019-11-01', '2020-03-01')).toEqual([
      { key: '2019-11', start: '2019-11-01', end: '2019-11-30' },
      { key: '2019-12', start: '2019-12-01', end: '2019-12-31' },
      { key: '2020-01', start: '2020-01-01', end: '2020-01-31' },
      { key: '2020-02', start: '2020-02-01', end: '2020-02-29' },
      { key: '2020-03', start: '2020-03-01', end: '2020-03-31' },
    ]);
  });

  it('steps quarters and years', () => {
    expect(intervalSeries('quarter', '2018-10-01', '2019-04-01').map((s) => [s.key, s.start, s.end])).toEqual([
      ['2018-Q4', '2018-10-01', '2018-12-31'],
      ['2019-Q1', '2019-01-01', '2019-03-31'],
      ['2019-Q2', '2019-04-01', '2019-06-30'],
    ]);
    expect(intervalSeries('year', '0999-01-01', '1001-01-01').map((s) => s.key)).toEqual(['0999', '1000', '1001']);
    expect(intervalSeries('year', '2019-01-01', '2019-01-01')).toEqual([{ key: '2019', start: '2019-01-01', end: '2019-12-31' }]);
  });

  it('names an interval by its start', () => {
    expect(intervalKey('quarter', '2019-07-01')).toBe('2019-Q3');
    expect(intervalKey('month', '2019-07-01')).toBe('2019-07');
  });
});
