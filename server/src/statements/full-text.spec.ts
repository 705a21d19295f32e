import { BadRequestException } from '@nestjs/common';
import { fullTextCondition, searchTerms } from './full-text';

describe('full-text terms', () => {
  it('splits a query into words and spaceless-script fragments', () => {
    expect(searchTerms('Lavrov sovereignty')).toEqual({ words: ['Lavrov', 'sovereignty'], fragments: [] });
    expect(searchTerms('河野 外相')).toEqual({ words: [], fragments: ['河野', '外相'] });
    expect(searchTerms('Abe安倍 Лавров')).toEqual({ words: ['Abe', 'Лавров'], fragments: ['安倍'] });
    expect(searchTerms('Lavrov\'s, ("quoted") & 1956!')).toEqual({ words: ['Lavrov', 's', 'quoted', '1956'], fragments: [] });
    expect(searchTerms('ภาษาไทย')).toEqual({ words: [], fragments: ['ภาษาไทย'] });
  });

  it('builds bound parameters only, never query syntax from the user', () => {
    expect(fullTextCondition('Lavr & !河野 :*')).toEqual({
      sql: "(s.search_vector @@ to_tsquery('simple', :qPrefixes) AND spaceless_script_text(s.search_text) ILIKE :qFragment0)",
      params: { qPrefixes: 'Lavr:*', qFragment0: '%河野%' },
    });
  });

  it('refuses a query without letters or digits, or with too many words', () => {
    expect(() => fullTextCondition('!!! ***')).toThrow(BadRequestException);
    expect(() => fullTextCondition(Array.from({ length: 17 }, (_, i) => `w${i}`).join(' '))).toThrow(BadRequestException);
  });
});
