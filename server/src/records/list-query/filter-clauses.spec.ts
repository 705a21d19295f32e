import { filterClauses, FilterSql } from './collection-reader';

type Filters = {
  from: { type: 'date'; bound: 'start'; description: string };
  mode: { type: 'choice'; values: readonly ['overlap', 'within']; default: 'overlap'; description: string };
};

/** A filter that changes how another matches: `mode` has no condition of its own, `from` reads it. */
const SQL: FilterSql<Filters> = {
  from: (day, { mode }) => ({ sql: mode === 'within' ? 'start >= :from' : 'end >= :from', params: { from: day } }),
  mode: () => null,
};

describe('filterClauses', () => {
  it('gives each filter the others of the request, and leaves out one without a condition of its own', () => {
    expect(filterClauses({ from: '2019-01-01' }, SQL)).toEqual([{ sql: 'end >= :from', params: { from: '2019-01-01' } }]);
    expect(filterClauses({ mode: 'within', from: '2019-01-01' }, SQL)).toEqual([{ sql: 'start >= :from', params: { from: '2019-01-01' } }]);
    expect(filterClauses({ mode: 'within' }, SQL)).toEqual([]);
  });
});
