import { BadRequestException } from '@nestjs/common';
import { ListSpec } from './filter-definitions';
import { parseFilters, parseListQuery } from './parse-list-query';

const FILTERS = {
  id: { type: 'id', description: '' },
  kind: { type: 'enum', values: ['a', 'b'], description: '' },
  score: { type: 'int', min: -2, max: 2, description: '' },
  country: { type: 'pattern', pattern: /^[A-Z]{2}$/, example: 'RU', description: '' },
  date_gte: { type: 'date', bound: 'start', description: '' },
  date_lte: { type: 'date', bound: 'end', description: '' },
  since: { type: 'timestamp', description: '' },
  q: { type: 'text', maxLength: 10, description: '' },
} as const;
const SPEC: ListSpec<typeof FILTERS, 'id' | 'name'> = {
  resource: 'things',
  filters: FILTERS,
  sortFields: ['id', 'name'],
  defaultSort: { field: 'name', order: 'ASC' },
};

function errorsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { errors: Record<string, string> }).errors;
  }
  throw new Error('expected a 400');
}

describe('parseListQuery', () => {
  it('defaults: first 100 rows in the spec’s sort', () => {
    expect(parseListQuery(SPEC, {})).toEqual({ filters: {}, sort: { field: 'name', order: 'ASC' }, range: { offset: 0, limit: 100 } });
  });

  it('reads ra-data-json-server paging and sorting', () => {
    expect(parseListQuery(SPEC, { _start: '25', _end: '50', _sort: 'id', _order: 'desc' })).toEqual({
      filters: {},
      sort: { field: 'id', order: 'DESC' },
      range: { offset: 25, limit: 25 },
    });
  });

  it('sizes a getMany page by its ids', () => {
    expect(parseListQuery(SPEC, { id: ['3', '4', '5'] }).range).toEqual({ offset: 0, limit: 3 });
  });

  it('reads each kind of filter, repeated keys as "any of"', () => {
    const { filters } = parseListQuery(SPEC, {
      id: ['1', '22'],
      kind: 'b',
      score: ['-2', '2'],
      country: ['JP', 'RU'],
      date_gte: '2019-01',
      date_lte: '2019-02',
      since: '2019-01-14T09:00:00Z',
      q: 'Лавров',
    });
    expect(filters).toEqual({
      id: [1, 22],
      kind: ['b'],
      score: [-2, 2],
      country: ['JP', 'RU'],
      date_gte: '2019-01-01',
      date_lte: '2019-02-28',
      since: '2019-01-14T09:00:00Z',
      q: 'Лавров',
    });
  });

  it('widens partial dates to the side of the range they bound', () => {
    expect(parseFilters(SPEC, { date_gte: '2020', date_lte: '2020' }, [])).toEqual({ date_gte: '2020-01-01', date_lte: '2020-12-31' });
    expect(parseFilters(SPEC, { date_lte: '2020-02' }, [])).toEqual({ date_lte: '2020-02-29' });
  });

  it('refuses unknown filters, listing the allowed ones', () => {
    const errors = errorsOf(() => parseListQuery(SPEC, { colour: 'red', speakerID: '1' }));
    expect(errors.colour).toMatch(
      /is not a filter of things; allowed: id, kind, score, country, date_gte, date_lte, since, q, _start, _end, _sort, _order/,
    );
    expect(errors.speakerID).toBeDefined();
  });

  it('refuses prototype keys as unknown filters', () => {
    expect(errorsOf(() => parseListQuery(SPEC, JSON.parse('{"__proto__": "1"}'))).__proto__).toMatch(/not a filter/);
    expect(errorsOf(() => parseListQuery(SPEC, { constructor: '1' })).constructor).toMatch(/not a filter/);
  });

  it('refuses unknown sort fields and orders', () => {
    expect(errorsOf(() => parseListQuery(SPEC, { _sort: 'name; DROP TABLE things' }))._sort).toMatch(
      /cannot sort things by .*allowed: id, name/,
    );
    expect(errorsOf(() => parseListQuery(SPEC, { _order: 'sideways' }))._order).toMatch(/ASC or DESC/);
    expect(errorsOf(() => parseListQuery(SPEC, { _sort: ['id', 'name'] }))._sort).toMatch(/once/);
  });

  it.each([
    [{ _start: '-1' }, '_start'],
    [{ _start: '1.5' }, '_start'],
    [{ _start: '1e3' }, '_start'],
    [{ _start: '010' }, '_start'],
    [{ _end: 'ten' }, '_end'],
    [{ _start: '10', _end: '5' }, '_end'],
    [{ _start: '0', _end: '1001' }, '_end'],
    [{ id: '0' }, 'id'],
    [{ id: '-3' }, 'id'],
    [{ id: '2147483648' }, 'id'],
    [{ id: '1 OR 1=1' }, 'id'],
    [{ id: '' }, 'id'],
    [{ kind: 'c' }, 'kind'],
    [{ score: '3' }, 'score'],
    // Found by the bad-input fuzzer (seed -152353823): "01" was read as 1.
    [{ score: '01' }, 'score'],
    [{ score: '-0' }, 'score'],
    [{ score: '+1' }, 'score'],
    [{ country: 'ru' }, 'country'],
    [{ date_gte: '2019-02-30' }, 'date_gte'],
    [{ date_gte: '14.01.2019' }, 'date_gte'],
    [{ date_gte: ['2019', '2020'] }, 'date_gte'],
    [{ since: 'yesterday' }, 'since'],
    [{ q: '' }, 'q'],
    [{ q: '   ' }, 'q'],
    [{ q: 'x'.repeat(11) }, 'q'],
    [{ q: 'a\u0000b' }, 'q'],
    [{ q: '\ud800' }, 'q'],
    [{ q: ['a', 'b'] }, 'q'],
    [{ id: { $gt: '1' } }, 'id'],
    // Found by the bad-input fuzzer: these reached PostgreSQL, which failed without naming the
    // parameter (a 400 without `errors`) or, for an offset past ±15:59, with a 500.
    [{ since: '2019-02-30' }, 'since'],
    [{ since: '0000-01-01' }, 'since'],
    [{ since: '2019-01-14T24:00:00Z' }, 'since'],
    [{ since: '2019-01-14T23:59:60Z' }, 'since'],
    [{ since: '9999-12-31T23:59:59-23:59' }, 'since'],
    [{ since: '2019-01-14T09:00:00+15:00' }, 'since'],
    // "deſc".toUpperCase() is "DESC": accepted before, as a sort order nobody wrote.
    [{ _order: 'deſc' }, '_order'],
    [{ _order: 'aſc' }, '_order'],
  ])('refuses %j naming %s', (query, field) => {
    expect(errorsOf(() => parseListQuery(SPEC, query as Record<string, unknown>))[field]).toBeDefined();
  });

  it.each([
    '2019-01-14',
    '2019-01-14T09:00',
    '2019-01-14 09:00:00.123456Z',
    '2019-01-14T09:00:00+14:00',
    '2019-01-14T09:00:00-1200',
    '2020-02-29T23:59:59Z',
  ])('takes the instant %s', (since) => {
    expect(parseListQuery(SPEC, { since }).filters).toEqual({ since });
  });
});

describe('a choice filter', () => {
  const CHOICE = { mode: { type: 'choice', values: ['overlap', 'within'], default: 'overlap', description: '' } } as const;
  const spec: ListSpec<typeof CHOICE, 'id'> = {
    resource: 'things',
    filters: CHOICE,
    sortFields: ['id'],
    defaultSort: { field: 'id', order: 'ASC' },
  };

  it('reads one of its values, once; absent, it is left out (its default is what absence means)', () => {
    expect(parseFilters(spec, { mode: 'within' }, [])).toEqual({ mode: 'within' });
    expect(parseFilters(spec, {}, [])).toEqual({});
  });

  it('refuses any other value, and the key given twice', () => {
    expect(errorsOf(() => parseFilters(spec, { mode: 'Within' }, []))).toEqual({ mode: '"Within" must be one of: overlap, within' });
    expect(errorsOf(() => parseFilters(spec, { mode: ['within', 'overlap'] }, []))).toEqual({ mode: 'must be given once' });
  });
});
