import type { FilterNames } from './describe-filters';
import { asciiSlug, attachmentFor, dateRangeInName, FILE_WORDS_MAX, statementFileWords, unicodeSlug } from './export-file-name';

const names: FilterNames = {
  actors: new Map([
    [3, '河野太郎'],
    [4, 'Sergey Lavrov'],
    [5, 'Tarō Kōno'],
  ]),
  topics: new Map([[1, 'Sovereignty']]),
  stances: new Map([[2, 'Rejecting']]),
  sources: new Map([[9, 'Deep gap emerges between Japan, Russia over territorial dispute']]),
};

const statementsFile = (filters: Parameters<typeof statementFileWords>[0], extension = 'csv') =>
  attachmentFor(
    'statements',
    statementFileWords(filters, names),
    dateRangeInName(filters.date_gte, filters.date_lte),
    '2026-12-06',
    extension,
  );

describe("an export's file name", () => {
  it('is statements-<date> unfiltered', () => {
    expect(statementsFile({})).toBe('attachment; filename="statements-2026-12-06.csv"');
  });

  it("says the filter's words: speakers, topics, stances and the dates, as precise as asked", () => {
    expect(statementsFile({ speakerId: [4], date_gte: '2019-01-01', date_lte: '2019-03-31' })).toBe(
      'attachment; filename="statements-sergey-lavrov-2019-01-to-2019-03-2026-12-06.csv"',
    );
    expect(statementsFile({ speakerId: [4], topicId: [1], stanceId: [2], date_gte: '2019-01-01', date_lte: '2019-12-31' }, 'md')).toBe(
      'attachment; filename="statements-sergey-lavrov-sovereignty-rejecting-2019-2026-12-06.md"',
    );
    expect(statementsFile({ q: 'islands!', status: ['planned'], reviewStatus: ['verified'], needs: ['source'] })).toBe(
      'attachment; filename="statements-islands-planned-verified-needs-source-2026-12-06.csv"',
    );
  });

  it('gives names beyond ASCII in filename* (RFC 6266), and an ASCII stand-in in filename', () => {
    expect(statementsFile({ speakerId: [3] })).toBe(
      `attachment; filename="statements-speaker-3-2026-12-06.csv"; filename*=UTF-8''statements-${encodeURIComponent('河野太郎')}-2026-12-06.csv`,
    );
    // Accents are dropped in ASCII and kept in UTF-8.
    expect(statementsFile({ speakerId: [5] })).toBe(
      `attachment; filename="statements-taro-kono-2026-12-06.csv"; filename*=UTF-8''statements-${encodeURIComponent('tarō-kōno')}-2026-12-06.csv`,
    );
    expect(decodeURIComponent(statementsFile({ speakerId: [3] }).split("UTF-8''")[1])).toBe('statements-河野太郎-2026-12-06.csv');
  });

  it('is capped in length, cut between words, whatever the filter holds', () => {
    const many = { speakerId: [4, 5, 4, 5, 4, 5], sourceId: [9, 9, 9], date_gte: '2019-01-14', date_lte: '2019-02-02' };
    const header = statementsFile(many);
    const ascii = /filename="([^"]+)"/.exec(header)![1];
    expect(ascii).toBe('statements-sergey-lavrov-taro-kono-sergey-lavrov-taro-kono-sergey-2019-01-14-to-2019-02-02-2026-12-06.csv');
    expect(ascii.length - 'statements-'.length - '-2019-01-14-to-2019-02-02-2026-12-06.csv'.length).toBeLessThanOrEqual(FILE_WORDS_MAX);
    const endless = statementsFile({ q: 'x'.repeat(200) });
    expect(endless).toBe(`attachment; filename="statements-${'x'.repeat(FILE_WORDS_MAX)}-2026-12-06.csv"`);
  });

  it.each([
    ['2019-01-01', '2019-12-31', '2019'],
    ['2018-01-01', '2019-12-31', '2018-to-2019'],
    ['2019-01-01', '2019-01-31', '2019-01'],
    ['2019-01-01', '2019-03-31', '2019-01-to-2019-03'],
    ['2019-01-14', '2019-02-02', '2019-01-14-to-2019-02-02'],
    ['2019-01-14', '2019-01-14', '2019-01-14'],
    ['2019-09-03', undefined, 'since-2019-09-03'],
    [undefined, '2019-03-31', 'until-2019-03'],
    [undefined, undefined, undefined],
  ])('dates %s … %s read %s', (from, to, expected) => {
    expect(dateRangeInName(from, to)).toBe(expected);
  });

  it('slugs names: ASCII letters and digits, or letters of any script', () => {
    expect(asciiSlug('  Sergey  Lavrov, Jr. ')).toBe('sergey-lavrov-jr');
    expect(asciiSlug('Сергей Лавров')).toBe('');
    expect(unicodeSlug('Сергей Лавров')).toBe('сергей-лавров');
    expect(unicodeSlug('"quoted"/path\\..')).toBe('quoted-path');
  });
});
