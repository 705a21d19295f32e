import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { ReportRow, ReportSource } from '../export-columns';
import { markdownSerializer, MarkdownReportOptions } from './markdown';

const source = (fields: Partial<ReportSource> = {}): ReportSource => ({
  id: 1,
  title: 'Deep gap emerges',
  publisher: 'The Mainichi',
  url: 'https://example.org/a?b=1&c=2',
  authors: [],
  publishedOn: null,
  translatedFrom: null,
  role: null,
  locator: null,
  ...fields,
});

const row = (fields: Partial<ReportRow> = {}): ReportRow => ({
  id: 1,
  date: '2019-01-14',
  dateStart: '2019-01-14',
  displayDate: 'Jan. 14, 2019',
  dateInferred: false,
  type: 'statement',
  status: 'occurred',
  speaker: 'Sergey Lavrov',
  speakerTitle: null,
  stance: null,
  headline: 'Lavrov on the islands',
  quote: null,
  quoteKind: null,
  quoteOriginal: null,
  quoteOriginalLanguage: null,
  summary: null,
  attribution: null,
  interpretation: null,
  interpretationSource: null,
  venue: null,
  location: null,
  sources: [],
  respondsTo: null,
  respondsToInReport: null,
  ...fields,
});

const report = (rows: ReportRow[], title = 'Statements by Sergey Lavrov', options: Partial<MarkdownReportOptions> = {}) =>
  text(
    Readable.from(rows).pipe(markdownSerializer({ title, exportedOn: '2026-11-28', sortedBy: 'date', replyTargets: 'all', ...options })),
  );

/**
 * The blocks a CommonMark reader starts at each line, inside a blockquote too (what decides
 * the document's structure): headings, rules and setext underlines, fences, indented code,
 * list items, nested quotes and HTML. A field's text must never start one.
 */
function blocks(markdown: string): string[] {
  const found: string[] = [];
  for (const line of markdown.split('\n')) {
    const inner = line.replace(/^ {0,3}> ?/, '');
    if (/^ {0,3}#{1,6}(\s|$)/.test(inner)) found.push(`heading ${line}`);
    else if (/^ {0,3}(=+|-+)\s*$/.test(inner) || /^ {0,3}([-*_])(\s*\1){2,}\s*$/.test(inner)) found.push(`rule or underline ${line}`);
    else if (/^ {0,3}(`{3,}|~{3,})/.test(inner)) found.push(`fence ${line}`);
    else if (/^( {4}|\s*\t)/.test(inner)) found.push(`code ${line}`);
    else if (/^ {0,3}([-+*]|\d{1,9}[.)])(\s|$)/.test(inner)) found.push(`list ${line}`);
    else if (/^ {0,3}>/.test(inner)) found.push(`quote in a quote ${line}`);
    else if (/^ {0,3}</.test(inner)) found.push(`html ${line}`);
  }
  return found;
}

/** Every kind of line break, each followed by what would start a block of its own. */
const BREAKING = [
  '\n===',
  '\r\n---',
  '\r    indented',
  '\u2028# heading',
  '\u2029> quoted',
  '\n\n- listed',
  '\n1) numbered',
  '\v```',
  '\f~~~',
];
const breaking = (label: string) => label + BREAKING.join(' ');

describe('the Markdown report', () => {
  it('folds line breaks in single-line fields to spaces: each entry stays one line, and only the report makes blocks', async () => {
    const md = await report(
      [
        row({
          headline: breaking('Headline'),
          speaker: breaking('Speaker'),
          speakerTitle: breaking('Minister'),
          venue: breaking('Hall'),
          location: breaking('Moscow'),
          attribution: breaking('As reported'),
          quote: breaking('Paraphrased'),
          quoteKind: 'paraphrase',
          interpretation: breaking('A reading'),
          interpretationSource: breaking('Interpreter'),
          stance: breaking('Firm'),
          respondsTo: { id: 7, headline: breaking('Earlier'), displayDate: breaking('Jan. 1, 2019'), verified: true },
          respondsToInReport: false,
          sources: [
            source({
              title: breaking('Title'),
              publisher: breaking('Publisher'),
              authors: [breaking('Author')],
              translatedFrom: breaking('ja'),
              locator: breaking('para. 5'),
            }),
          ],
        }),
      ],
      breaking('Statements'),
    );
    const folded = (field: string) => `${field} === --- indented \\# heading \\> quoted - listed 1) numbered \\\`\\\`\\\` \\~\\~\\~`;
    expect(blocks(md)).toEqual([
      `heading # ${folded('Statements')}`,
      'heading ## January 2019',
      `heading ### <a id="statement-1"></a>${folded('Headline')}`,
      'rule or underline ---',
      'heading ## Sources',
      `list 1. ${folded('Author')}, “${folded('Title')}”, *${folded('Publisher')}* (translated from ${folded('ja')}). <https://example.org/a?b=1&c=2>`,
    ]);
    const entry = md.split('\n').find((line) => line.startsWith('**Jan. 14, 2019**'))!;
    expect(entry).toBe(
      `**Jan. 14, 2019** · **${folded('Speaker')}**, ${folded('Minister')} (${folded('Hall')}, ${folded('Moscow')}) ` +
        `*(${folded('As reported')})* · Stance: ${folded('Firm')} · [1, ${folded('para. 5')}]`,
    );
    expect(md).toContain(`\n*Paraphrase:* ${folded('Paraphrased')}\n`);
    expect(md).toContain(`\n*According to ${folded('Interpreter')}:* ${folded('A reading')}\n`);
    expect(md).toContain(`\n*In reply to* ${folded('Earlier')} (${folded('Jan. 1, 2019')}), not in this report.\n`);
    expect(md).not.toMatch(/[\r\v\f\u2028\u2029]/);
  });

  it('keeps a quotation on its lines in the blockquote and a summary on its lines, none of which can become a heading, a rule, code or a list', async () => {
    const lines = [
      'First line',
      '===',
      '---',
      '- - -',
      '# not a heading',
      '> not nested',
      '    not code',
      '',
      '    nor this',
      '```',
      '~~~',
      '1. one',
      '2) two',
      '+ plus',
      '* star',
      '___',
      '<div>',
    ];
    const md = await report([
      row({
        quote: lines.join('\n'),
        quoteKind: 'translation',
        quoteOriginal: 'Первая\n===\n    строка',
        quoteOriginalLanguage: 'ru\n---',
        summary: lines.join('\n'),
      }),
    ]);
    expect(blocks(md)).toEqual([
      'heading # Statements by Sergey Lavrov',
      'heading ## January 2019',
      'heading ### <a id="statement-1"></a>Lavrov on the islands',
      'rule or underline ---',
    ]);
    const quoted = md.split('\n').filter((line) => line.startsWith('>'));
    expect(quoted).toEqual([
      '> “First line',
      '> \\===',
      '> \\---',
      '> \\- - -',
      '> \\# not a heading',
      '> \\> not nested',
      '> not code',
      '>',
      '> nor this',
      '> \\`\\`\\`',
      '> \\~\\~\\~',
      '> 1\\. one',
      '> 2\\) two',
      '> \\+ plus',
      '> \\* star',
      '> \\_\\_\\_',
      '> \\<div\\>” *(translated from ru ---)*',
      '>',
      '> *Original (ru ---):* Первая === строка',
    ]);
    const summary = md.slice(md.indexOf('строка\n\n') + 'строка\n\n'.length, md.indexOf('\n\n---\n'));
    expect(summary.split('\n')).toEqual([
      'First line',
      '\\===',
      '\\---',
      '\\- - -',
      '\\# not a heading',
      '\\> not nested',
      'not code',
      '',
      'nor this',
      '\\`\\`\\`',
      '\\~\\~\\~',
      '1\\. one',
      '2\\) two',
      '\\+ plus',
      '\\* star',
      '\\_\\_\\_',
      '\\<div\\>',
    ]);
  });

  it('links only web addresses: a javascript: or malformed one is left out', async () => {
    const md = await report([
      row({
        sources: [
          source({ id: 1, title: 'Safe' }),
          source({ id: 2, title: 'Script', url: 'javascript:alert(document.cookie)' }),
          source({ id: 3, title: 'Script in capitals', url: 'JavaScript:alert(1)' }),
          source({ id: 4, title: 'Data', url: 'data:text/html,<script>alert(1)</script>' }),
          source({ id: 5, title: 'Breaking out of the autolink', url: 'https://example.org/a> [x](javascript:alert(1))' }),
          source({ id: 6, title: 'Leading space', url: ' javascript:alert(1)' }),
          source({ id: 7, title: 'No host', url: 'https://' }),
          source({ id: 8, title: 'Capital scheme', url: 'HTTPS://example.org/b' }),
        ],
      }),
    ]);
    const cited = md
      .slice(md.indexOf('## Sources'))
      .split('\n')
      .filter((line) => /^\d+\./.test(line));
    expect(cited).toEqual([
      '1. “Safe”, *The Mainichi*. <https://example.org/a?b=1&c=2>',
      '2. “Script”, *The Mainichi*.',
      '3. “Script in capitals”, *The Mainichi*.',
      '4. “Data”, *The Mainichi*.',
      '5. “Breaking out of the autolink”, *The Mainichi*.',
      '6. “Leading space”, *The Mainichi*.',
      '7. “No host”, *The Mainichi*.',
      '8. “Capital scheme”, *The Mainichi*. <HTTPS://example.org/b>',
    ]);
    expect(md).not.toMatch(/javascript|data:/i);
  });

  describe('each entry, as a researcher pastes it', () => {
    const abe = row({
      id: 4,
      date: '2019-01-01',
      displayDate: 'Jan. 1, 2019',
      speaker: 'Shinzo Abe',
      speakerTitle: 'Prime Minister of Japan',
      headline: 'Abe: a compromise must be acceptable to Russians',
      stance: 'Conciliatory',
    });
    const warning = row({
      id: 5,
      date: '2019-01-09',
      displayDate: 'Jan. 9, 2019',
      speaker: 'Deputy Foreign Minister of Russia',
      speakerTitle: 'Deputy Foreign Minister of Russia',
      headline: "Russia's deputy foreign minister lodges a strong warning",
      stance: 'Rejecting',
      summary: 'In a harsh rebuke of Abe’s remark, the deputy minister lodged a strong warning.',
      sources: [source({ locator: 'para. 6' })],
      respondsTo: { id: 4, headline: abe.headline, displayDate: abe.displayDate, verified: true },
      respondsToInReport: true,
    });
    const lavrov = row({
      id: 6,
      date: '2019-01',
      displayDate: 'January 2019',
      speakerTitle: 'Foreign Minister of Russia',
      headline: 'Lavrov calls Abe’s comments “unacceptable”',
      quote: 'unacceptable',
      quoteKind: 'translation',
      sources: [source({ locator: 'para. 6' })],
      respondsTo: { id: 4, headline: abe.headline, displayDate: abe.displayDate, verified: true },
      respondsToInReport: false,
    });

    it('gives the headline, the date as precise as its EDTF date, the speaker with the title once, stance, summary and the source with its locator', async () => {
      const md = await report([abe, warning]);
      expect(md).toContain(
        '\n### <a id="statement-5"></a>Russia\'s deputy foreign minister lodges a strong warning\n\n' +
          '**Jan. 9, 2019** · **Deputy Foreign Minister of Russia** · Stance: Rejecting · [1, para. 6]\n\n' +
          '*In reply to* [Abe: a compromise must be acceptable to Russians (Jan. 1, 2019)](#statement-4)\n\n' +
          'In a harsh rebuke of Abe’s remark, the deputy minister lodged a strong warning.\n',
      );
      expect(md).toContain('\n**Jan. 1, 2019** · **Shinzo Abe**, Prime Minister of Japan · Stance: Conciliatory\n');
      expect(md).toContain('\n## Sources\n\n1. “Deep gap emerges”, *The Mainichi*. <https://example.org/a?b=1&c=2>\n');
      const month = await report([lavrov]);
      expect(month).toContain('\n**January 2019** · **Sergey Lavrov**, Foreign Minister of Russia · [1, para. 6]\n');
      expect(month).toContain('\n> “unacceptable” *(translation)*\n');
    });

    it('says when the curator inferred the date', async () => {
      expect(await report([row({ dateInferred: true })])).toContain('\n**Jan. 14, 2019** (date inferred) · **Sergey Lavrov**\n');
    });

    it('links "In reply to" to the entry in the report, wherever it stands, and every link finds its anchor', async () => {
      for (const rows of [
        [abe, warning],
        [warning, abe],
      ]) {
        const md = await report(rows);
        expect(links(md)).toEqual(['statement-4']);
        expect(links(md).filter((target) => !anchors(md).includes(target))).toEqual([]);
      }
    });

    it('names a statement replied to that the report leaves out, with its headline and date, and links nowhere', async () => {
      const md = await report([lavrov]);
      expect(md).toContain('\n*In reply to* Abe: a compromise must be acceptable to Russians (Jan. 1, 2019), not in this report.\n');
      expect(links(md)).toEqual([]);
    });

    it('names no unpublished statement to a reader of published ones only, nor in a snapshot (the default)', async () => {
      const draft = { ...lavrov, respondsTo: { ...lavrov.respondsTo!, headline: 'Draft-7f3a', verified: false } };
      for (const md of [
        await report([draft], 'Lavrov', { replyTargets: 'verified' }),
        await report([draft], 'Lavrov', { replyTargets: undefined }),
      ]) {
        expect(md).toContain('\n*In reply to a statement not in this report.*\n');
        expect(md).not.toContain('Draft-7f3a');
      }
      expect(await report([draft])).toContain('*In reply to* Draft-7f3a (Jan. 1, 2019), not in this report.');
      // One since moved to the trash is not named either.
      expect(await report([{ ...lavrov, respondsTo: null }])).toContain('\n*In reply to a statement not in this report.*\n');
    });
  });
});

/** The in-document links of a report (`](#target)`), in order. */
const links = (md: string) => [...md.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]);
/** The anchors a report defines (`<a id="…"></a>`). */
const anchors = (md: string) => [...md.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1]);
