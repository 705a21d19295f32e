import { dateRangeInWords, describeFilters, FilterNames, listInWords } from './describe-filters';

const names: FilterNames = {
  actors: new Map([
    [3, 'Taro Kono'],
    [4, 'Sergey Lavrov'],
  ]),
  topics: new Map([[1, 'Sovereignty']]),
  stances: new Map([[2, 'Rejecting']]),
  sources: new Map([[9, 'Deep gap emerges']]),
};

describe('describing a filter in words', () => {
  it('gives the issue’s example, saying how dates were matched', () => {
    expect(describeFilters({ speakerId: [4], date_gte: '2019-01-01', date_lte: '2019-01-31' }, names)).toBe(
      'Statements by Sergey Lavrov, Jan. 2019 (dates overlapping it)',
    );
    expect(describeFilters({ speakerId: [4], date_gte: '2019-01-01', date_lte: '2019-01-31', date_mode: 'within' }, names)).toBe(
      'Statements by Sergey Lavrov, Jan. 2019 (dates entirely within it)',
    );
    expect(describeFilters({ speakerId: [4], date_mode: 'within' }, names)).toBe('Statements by Sergey Lavrov');
  });

  it('names speakers, topics, stances and sources', () => {
    expect(describeFilters({ speakerId: [3, 4], topicId: [1], stanceId: [2], date_gte: '2019-01-01', date_lte: '2019-12-31' }, names)).toBe(
      'Statements by Taro Kono and Sergey Lavrov on Sovereignty with stance Rejecting, 2019 (dates overlapping it)',
    );
    expect(describeFilters({ sourceId: [9], q: 'sovereignty', status: ['planned'] }, names)).toBe(
      'Statements citing “Deep gap emerges” matching “sovereignty” (planned)',
    );
    expect(describeFilters({ speakerId: [99] }, names)).toBe('Statements by #99');
    expect(describeFilters({}, names)).toBe('Statements');
  });

  it.each([
    ['2019-01-14', '2019-01-14', 'Jan. 14, 2019'],
    ['2019-01-01', '2019-01-31', 'Jan. 2019'],
    ['2019-02-01', '2019-02-28', 'Feb. 2019'],
    ['2019-01-01', '2019-12-31', '2019'],
    ['2019-01-01', '2019-06-30', 'Jan.–June 2019'],
    ['2018-11-01', '2019-01-31', 'Nov. 2018 – Jan. 2019'],
    ['2019-01-14', '2019-02-02', 'Jan. 14 – Feb. 2, 2019'],
    ['2018-12-30', '2019-01-02', 'Dec. 30, 2018 – Jan. 2, 2019'],
    ['2019-09-03', undefined, 'since Sept. 3, 2019'],
    [undefined, '2019-03-01', 'until March 1, 2019'],
  ])('%s … %s reads "%s"', (from, to, words) => {
    expect(dateRangeInWords(from, to)).toBe(words);
  });

  it('joins lists as English does', () => {
    expect(listInWords(['A'])).toBe('A');
    expect(listInWords(['A', 'B'])).toBe('A and B');
    expect(listInWords(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
