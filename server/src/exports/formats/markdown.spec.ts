import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { ReportRow, ReportSource } from '../export-columns';
import { markdownSerializer } from './markdown';

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
  ...fields,
});

const report = (rows: ReportRow[], title = 'Statements by Sergey Lavrov') =>
  text(Readable.from(rows).pipe(markdownSerializer({ title, exportedOn: '2026-11-28', sortedBy: 'date' })));

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
      'rule or underline ---',
      'heading ## Sources',
      `list 1. ${folded('Author')}, “${folded('Title')}”, *${folded('Publisher')}* (translated from ${folded('ja')}). <https://example.org/a?b=1&c=2>`,
    ]);
    const entry = md.split('\n').find((line) => line.startsWith('**Jan. 14, 2019**'))!;
    expect(entry).toBe(
      `**Jan. 14, 2019** · **${folded('Speaker')}**, ${folded('Minister')} (${folded('Hall')}, ${folded('Moscow')}): ` +
        `${folded('Headline')} [1, ${folded('para. 5')}] *(${folded('As reported')})*`,
    );
    expect(md).toContain(`\n*Paraphrase:* ${folded('Paraphrased')}\n`);
    expect(md).toContain(`\n*According to ${folded('Interpreter')}:* ${folded('A reading')}\n`);
    expect(md).not.toMatch(/[\r\v\f\u2028\u2029]/);
  });

  it('keeps a quotation on its lines in the blockquote, none of which can become a heading, a rule, code or a list', async () => {
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
      }),
    ]);
    expect(blocks(md)).toEqual(['heading # Statements by Sergey Lavrov', 'heading ## January 2019', 'rule or underline ---']);
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
});
