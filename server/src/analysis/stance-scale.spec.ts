import { stanceAttributes } from './stance-scale';

describe('stanceAttributes', () => {
  it('names each stance count by its name in ASCII, by its id when the name gives nothing or repeats', () => {
    expect(
      stanceAttributes([
        { id: 1, name: 'Rejecting' },
        { id: 2, name: 'Très critique' },
        { id: 3, name: '中立' },
        { id: 4, name: 'Open, warm' },
        { id: 5, name: 'open warm' },
      ]),
    ).toEqual(['stance_rejecting', 'stance_tres_critique', 'stance_3', 'stance_4', 'stance_5']);
  });
});
