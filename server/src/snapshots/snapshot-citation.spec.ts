import Ajv from 'ajv';
import { parseBibFile } from 'bibtex';
import fc from 'fast-check';
import { CITATION_STYLES, citeSnapshot, CitedSnapshot, initials, isCitationStyle, oneLine, parseCreator } from './snapshot-citation';

const HASH = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const TRICKY = 'Lavrov & Kono: {"sovereignty"} 100% — 河野 / Лавров';

const snapshot: CitedSnapshot = {
  id: 12,
  title: TRICKY,
  createdAt: '2026-12-06T10:31:02.123Z',
  creator: 'Yuki Tanaka',
  count: 1234,
  sha256: HASH,
  url: 'https://chronicle.example.org/api/snapshots/12',
  publisher: 'Chronicle',
};

const cite = (overrides: Partial<CitedSnapshot>, style: Parameters<typeof citeSnapshot>[1]) =>
  citeSnapshot({ ...snapshot, ...overrides }, style);

/** Titles, names and addresses as awkward as fast-check can make them, with BibTeX's special characters and line breaks often. */
const awkwardText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'{}%&$#_~^\\@",= \r\n\tAaZzÄé河Л\u2028'), maxLength: 40 }),
);

// ---------------------------------------------------------------------------------------------
// A small BibTeX grammar, checked strictly against what citeSnapshot means to write:
//   entry := '@' type '{' key ',' NL field (',' NL field)* NL '}' NL
//   field := '  ' name ' = ' ( '{' balanced '}' | macro )
// Braces are counted as BibTeX counts them, backslash or not.

interface RawEntry {
  type: string;
  key: string;
  /** Each field's value: the text inside its outer braces, or the macro name. */
  fields: Map<string, string>;
  macros: Set<string>;
}

function parseBibtexStrictly(text: string): RawEntry {
  const head = /^@([a-z]+)\{([a-z0-9-]+),\n/.exec(text);
  if (!head) throw new Error(`No entry head in ${JSON.stringify(text.slice(0, 40))}`);
  const entry: RawEntry = { type: head[1], key: head[2], fields: new Map(), macros: new Set() };
  let at = head[0].length;
  for (;;) {
    const name = /^ {2}([a-z]+) = /.exec(text.slice(at));
    if (!name) throw new Error(`No field at ${at}: ${JSON.stringify(text.slice(at, at + 40))}`);
    if (entry.fields.has(name[1])) throw new Error(`Field ${name[1]} twice`);
    at += name[0].length;
    if (text[at] === '{') {
      let depth = 0;
      const start = at;
      do {
        if (at >= text.length) throw new Error(`Unbalanced braces in ${name[1]}`);
        if (text[at] === '{') depth++;
        if (text[at] === '}') depth--;
        at++;
      } while (depth > 0);
      entry.fields.set(name[1], text.slice(start + 1, at - 1));
    } else {
      const macro = /^[a-z]+/.exec(text.slice(at));
      if (!macro) throw new Error(`Field ${name[1]} has neither a braced value nor a macro`);
      entry.fields.set(name[1], macro[0]);
      entry.macros.add(name[1]);
      at += macro[0].length;
    }
    if (text.startsWith(',\n', at)) at += 2;
    else if (text.slice(at) === '\n}\n') return entry;
    else throw new Error(`Expected ",\\n" or the end of the entry at ${at}: ${JSON.stringify(text.slice(at, at + 20))}`);
  }
}

/** The escapes a text field may use: the LaTeX text commands for the ten special characters. */
const BIBTEX_ESCAPE = /\\textbackslash\{\}|\\textbraceleft\{\}|\\textbraceright\{\}|\\textasciitilde\{\}|\\textasciicircum\{\}|\\[%&$#_]/g;

/**
 * Checks a text field's value: with its escapes taken out, none of { } % & $ # _ ~ ^ \ is left bare
 * except braces of groups one level deep (capital protection, a name kept whole).
 */
function expectEscaped(value: string): void {
  const bare = value.replace(BIBTEX_ESCAPE, '\uE000');
  expect(bare).not.toMatch(/[%&$#_~^\\]/);
  expect(bare.replace(/\{[^{}]*\}/g, '')).not.toMatch(/[{}]/);
}

/** Every capital of a title sits inside a brace group, and no group starts with a backslash (which BibTeX would recase). */
function expectCapitalsProtected(value: string): void {
  expect(value).not.toContain('{\\');
  let depth = 0;
  for (const char of value.replace(BIBTEX_ESCAPE, '\uE000')) {
    if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (/[\p{Lu}\p{Lt}]/u.test(char) && depth === 0) throw new Error(`Unprotected capital ${char} in ${value}`);
  }
}

/** The month macros a .bst defines (plain.bst's MACRO {dec} {"December"}), which the parser does not know by itself. */
const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
  .map((m, i) => `@string{${m} = "${new Date(Date.UTC(2000, i, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })}"}\n`)
  .join('');

/** Parses with a real BibTeX parser (npm `bibtex`, a grammar after "Tame the BeaST"). */
function parseWithBibtexParser(text: string, key = 'chronicle-snapshot-12') {
  const entry = parseBibFile(MONTH_MACROS + text).getEntry(key);
  if (!entry) throw new Error(`The parser found no entry ${key}`);
  return entry;
}

/** The test's own inverse of the escapes, on a value as the parser flattens it (groups and their braces gone). */
const decodeLatex = (flattened: string) =>
  flattened.replace(
    /\\(textbackslash|textbraceleft|textbraceright|textasciitilde|textasciicircum)|\\([%&$#_])/g,
    (_, command: string | undefined, char: string | undefined) =>
      char ?? { textbackslash: '\\', textbraceleft: '{', textbraceright: '}', textasciitilde: '~', textasciicircum: '^' }[command!]!,
  );

// ---------------------------------------------------------------------------------------------
// RIS: a line grammar.

const RIS_LINE = /^([A-Z][A-Z0-9]) {2}- (.*)$/;

function parseRisStrictly(text: string): [string, string][] {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  const tags = lines.map((line) => {
    const match = RIS_LINE.exec(line);
    if (!match) throw new Error(`Not a RIS tag line: ${JSON.stringify(line)}`);
    return [match[1], match[2]] as [string, string];
  });
  expect(lines[0]).toBe('TY  - DATA');
  expect(lines[lines.length - 1]).toBe('ER  - ');
  expect(tags.filter(([tag]) => tag === 'TY' || tag === 'ER')).toHaveLength(2);
  for (const [tag, value] of tags.slice(0, -1)) expect({ tag, value: value.trim() }).not.toEqual({ tag, value: '' });
  return tags;
}

// ---------------------------------------------------------------------------------------------
// CSL-JSON: the part of the official schema that our items use, copied verbatim from
// citation-style-language/schema, schemas/input/csl-data.json (commit 00412663cee2, "JSON schema
// for CSL input data", https://resource.citationstyles.org/schema/latest/input/json/csl-data.json).
// No npm package ships that file. Only the `properties` list is shortened, to the variables we
// write; with the schema's own "additionalProperties": false that makes this stricter, never laxer.

const nameVariable = { type: 'array', items: { $ref: '#/definitions/name-variable' } };
const CSL_DATA_SCHEMA = {
  description: 'JSON schema for CSL input data',
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://resource.citationstyles.org/schema/latest/input/json/csl-data.json',
  type: 'array',
  items: {
    type: 'object',
    properties: {
      type: {
        type: 'string',
        enum: [
          'article',
          'article-journal',
          'article-magazine',
          'article-newspaper',
          'bill',
          'book',
          'broadcast',
          'chapter',
          'classic',
          'collection',
          'dataset',
          'document',
          'entry',
          'entry-dictionary',
          'entry-encyclopedia',
          'figure',
          'graphic',
          'hearing',
          'interview',
          'legal_case',
          'legislation',
          'manuscript',
          'map',
          'motion_picture',
          'musical_score',
          'pamphlet',
          'paper-conference',
          'patent',
          'performance',
          'periodical',
          'personal_communication',
          'post',
          'post-weblog',
          'regulation',
          'report',
          'review',
          'review-book',
          'software',
          'song',
          'speech',
          'standard',
          'thesis',
          'treaty',
          'webpage',
        ],
      },
      id: { type: ['string', 'number'] },
      author: nameVariable,
      issued: { $ref: '#/definitions/date-variable' },
      note: { type: 'string' },
      publisher: { type: 'string' },
      title: { type: 'string' },
      URL: { type: 'string' },
      version: { type: 'string' },
    },
    required: ['type', 'id'],
    additionalProperties: false,
  },
  definitions: {
    'name-variable': {
      anyOf: [
        {
          properties: {
            family: { type: 'string' },
            given: { type: 'string' },
            'dropping-particle': { type: 'string' },
            'non-dropping-particle': { type: 'string' },
            suffix: { type: 'string' },
            'comma-suffix': { type: ['string', 'number', 'boolean'] },
            'static-ordering': { type: ['string', 'number', 'boolean'] },
            literal: { type: 'string' },
            'parse-names': { type: ['string', 'number', 'boolean'] },
          },
          additionalProperties: false,
        },
      ],
    },
    'edtf-datatype': {
      title: 'EDTF datatype pattern',
      description: 'CSL input supports EDTF, validated against this regular expression.',
      type: 'string',
      pattern: '[0-9,-,%,~,X,?,..,\\/]',
    },
    'date-variable': {
      title: 'Date content model.',
      description: 'The CSL input model supports two different date representations: an EDTF string, and a more structured equivalent.',
      anyOf: [
        { $ref: '#/definitions/edtf-datatype' },
        {
          properties: {
            'date-parts': {
              type: 'array',
              items: { type: 'array', items: { type: ['string', 'number'] }, minItems: 1, maxItems: 3 },
              minItems: 1,
              maxItems: 2,
            },
            season: { type: ['string', 'number'] },
            circa: { type: ['string', 'number', 'boolean'] },
            literal: { type: 'string' },
            raw: { type: 'string' },
            edtf: { $ref: '#/definitions/edtf-datatype' },
          },
          additionalProperties: false,
        },
      ],
    },
  },
};

// Ajv's strict types would reject the official schema's own style (union types, "properties"
// without "type": "object"); plain draft-07 semantics are what the schema means.
const validateCsl = new Ajv({ allErrors: true, allowUnionTypes: true, strictTypes: false }).compile(CSL_DATA_SCHEMA);

function expectValidCsl(text: string): Record<string, unknown> {
  const data: unknown = JSON.parse(text);
  if (!validateCsl(data)) throw new Error(`Not CSL-JSON: ${JSON.stringify(validateCsl.errors)}`);
  expect(text).toBe(`${JSON.stringify(data, null, 2)}\n`);
  expect(data).toHaveLength(1);
  return (data as Record<string, unknown>[])[0];
}

// ---------------------------------------------------------------------------------------------

describe('citing a snapshot', () => {
  it('offers the four styles the endpoint names', () => {
    expect(CITATION_STYLES).toEqual(['apa', 'bibtex', 'ris', 'csl-json']);
    expect(CITATION_STYLES.every(isCitationStyle)).toBe(true);
    expect(isCitationStyle('mla')).toBe(false);
    expect(
      CITATION_STYLES.map((style) => citeSnapshot(snapshot, style)).map(({ contentType, extension }) => [contentType, extension]),
    ).toEqual([
      ['text/plain; charset=utf-8', 'txt'],
      ['application/x-bibtex; charset=utf-8', 'bib'],
      ['application/x-research-info-systems; charset=utf-8', 'ris'],
      ['application/vnd.citationstyles.csl+json', 'json'],
    ]);
  });

  describe('APA 7', () => {
    it('gives the data set reference, the full hash after the address', () => {
      expect(citeSnapshot(snapshot, 'apa').text).toBe(
        `Tanaka, Y. (2026, December 6). ${TRICKY} (Version sha256:9f86d081884c) [Data set; 1,234 statements]. Chronicle. ` +
          `https://chronicle.example.org/api/snapshots/12 SHA-256: ${HASH}\n`,
      );
    });

    it('keeps a name that is not a person’s whole, and leaves out a publisher that is the author', () => {
      expect(cite({ creator: 'Administrator', title: 'Votes', count: 1 }, 'apa').text).toBe(
        `Administrator. (2026, December 6). Votes (Version sha256:9f86d081884c) [Data set; 1 statement]. Chronicle. https://chronicle.example.org/api/snapshots/12 SHA-256: ${HASH}\n`,
      );
      expect(cite({ creator: 'Chronicle', title: 'Votes', count: 0 }, 'apa').text).toBe(
        `Chronicle. (2026, December 6). Votes (Version sha256:9f86d081884c) [Data set; 0 statements]. https://chronicle.example.org/api/snapshots/12 SHA-256: ${HASH}\n`,
      );
      // No display name: the instance is the group author.
      expect(cite({ creator: '  ', title: 'Votes' }, 'apa').text).toMatch(
        /^Chronicle\. \(2026, December 6\)\. Votes \(Version [^)]+\) \[Data set; 1,234 statements\]\. https:/,
      );
      // No author at all: the title takes the author's place.
      expect(cite({ creator: '', publisher: '', title: 'Votes' }, 'apa').text).toBe(
        `Votes (Version sha256:9f86d081884c) [Data set; 1,234 statements]. (2026, December 6). https://chronicle.example.org/api/snapshots/12 SHA-256: ${HASH}\n`,
      );
    });

    it('inverts a person’s name with initials, particles and suffixes as APA does', () => {
      const author = (creator: string) => cite({ creator }, 'apa').text.split(' (2026')[0];
      expect(author('Ludwig van Beethoven')).toBe('van Beethoven, L.');
      expect(author('Martin Luther King Jr.')).toBe('King, M. L., Jr.');
      expect(author('Jean-Paul Sartre')).toBe('Sartre, J.-P.');
      expect(author('García Márquez, Gabriel')).toBe('García Márquez, G.');
      expect(author('J.R.R. Tolkien')).toBe('Tolkien, J. R. R.');
      expect(author('田中 裕紀')).toBe('田中 裕紀.');
      expect(author('Research Team')).toBe('Team, R.'); // the known limit: a capitalised organisation of several words reads as a person
    });

    it('is one line of plain text, whatever the title', () => {
      expect(citeSnapshot(snapshot, 'apa').text).not.toMatch(/[*_]/); // no markdown italics
      fc.assert(
        fc.property(awkwardText, awkwardText, (title, creator) => {
          const text = cite({ title, creator }, 'apa').text;
          expect(text.indexOf('\n')).toBe(text.length - 1);
          expect(text).not.toMatch(/[\r\u2028\u2029]/);
        }),
      );
    });

    it('cites the UTC calendar day of the instant', () => {
      expect(cite({ createdAt: '2027-01-01T00:30:00+02:00' }, 'apa').text).toContain('(2026, December 31).');
      expect(cite({ createdAt: '2026-02-28T23:59:59Z' }, 'apa').text).toContain('(2026, February 28).');
    });
  });

  describe('BibTeX', () => {
    const golden = String.raw`@misc{chronicle-snapshot-12,
  author = {Tanaka, Yuki},
  title = {{Lavrov} \& {Kono}: \textbraceleft{}"sovereignty"\textbraceright{} 100\% — 河野 / {Лавров}},
  year = {2026},
  month = dec,
  version = {sha256:9f86d081884c},
  publisher = {{Chronicle}},
  howpublished = {\url{https://chronicle.example.org/api/snapshots/12}},
  url = {https://chronicle.example.org/api/snapshots/12},
  note = {Data set, 1,234 statements. SHA-256: ${HASH}}
}
`;

    it('gives a @misc entry', () => {
      expect(citeSnapshot(snapshot, 'bibtex').text).toBe(golden);
    });

    it('follows the grammar, every special character escaped and every capital protected', () => {
      const entry = parseBibtexStrictly(citeSnapshot(snapshot, 'bibtex').text);
      expect(entry.type).toBe('misc');
      expect(entry.key).toBe('chronicle-snapshot-12');
      expect([...entry.macros]).toEqual(['month']);
      for (const field of ['author', 'title', 'publisher', 'note']) expectEscaped(entry.fields.get(field)!);
      expectCapitalsProtected(entry.fields.get('title')!);
    });

    it('goes through a real BibTeX parser and back', () => {
      const entry = parseWithBibtexParser(citeSnapshot(snapshot, 'bibtex').text);
      expect(entry.type).toBe('misc');
      expect(decodeLatex(String(entry.getFieldAsString('title')))).toBe(TRICKY);
      expect(entry.getFieldAsString('year')).toBe('2026');
      expect(entry.getFieldAsString('month')).toBe('December');
      expect(entry.getFieldAsString('note')).toBe(`Data set, 1,234 statements. SHA-256: ${HASH}`);
      const [author, ...others] = entry.getAuthors()!.authors$;
      expect(others).toEqual([]);
      expect([author.firstNames, author.vons, author.lastNames, author.jrs]).toEqual([['Yuki'], [], ['Tanaka'], []]);
    });

    it('names a person as BibTeX splits names, and keeps any other name whole', () => {
      const names = (creator: string) => {
        const [author, ...others] = parseWithBibtexParser(cite({ creator }, 'bibtex').text).getAuthors()!.authors$;
        expect(others).toEqual([]);
        return [author.firstNames, author.vons, author.lastNames, author.jrs];
      };
      expect(names('Ludwig van Beethoven')).toEqual([['Ludwig'], ['van'], ['Beethoven'], []]);
      expect(names('Martin Luther King Jr.')).toEqual([['Martin', 'Luther'], [], ['King'], ['Jr.']]);
      expect(names('Administrator')).toEqual([[], [], ['Administrator'], []]);
      expect(names('Tom and Jerry')).toEqual([[], [], ['Tom and Jerry'], []]);
      expect(names('Research Unit 3')).toEqual([[], [], ['Research Unit 3'], []]);
      expect(cite({ creator: 'R&D 100%' }, 'bibtex').text).toContain('  author = {{R\\&D 100\\%}},\n');
    });

    it('survives any title, creator and publisher', () => {
      fc.assert(
        fc.property(
          awkwardText,
          awkwardText,
          awkwardText,
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          (title, creator, publisher, url) => {
            const text = cite({ title, creator, publisher, url }, 'bibtex').text;
            const entry = parseBibtexStrictly(text);
            for (const field of ['author', 'title', 'publisher', 'note'])
              if (entry.fields.has(field)) expectEscaped(entry.fields.get(field)!);
            expectCapitalsProtected(entry.fields.get('title')!);
            expect(entry.fields.get('url')).toBe(url);
            expect(entry.fields.get('howpublished')).toBe(`\\url{${url}}`);
            // The parser's lexer takes an "@" anywhere for the start of an entry (BibTeX itself does not),
            // so titles with one are checked by the grammar above only.
            if (!`${title}${creator}${publisher}${url}`.includes('@')) {
              const parsed = parseWithBibtexParser(text);
              expect(decodeLatex(String(parsed.getFieldAsString('title')))).toBe(oneLine(title) || 'Snapshot 12');
              expect(parsed.getAuthors()?.authors$.length ?? 0).toBe(oneLine(creator) || oneLine(publisher) ? 1 : 0);
            }
          },
        ),
      );
    });

    it('keeps an unmatched brace from ending the field', () => {
      const entry = parseBibtexStrictly(cite({ title: 'a { b' }, 'bibtex').text);
      expect(entry.fields.get('title')).toBe('a \\textbraceleft{} b');
    });
  });

  describe('RIS', () => {
    it('gives a TY  - DATA record with CRLF line endings', () => {
      expect(citeSnapshot(snapshot, 'ris').text).toBe(
        [
          'TY  - DATA',
          'AU  - Tanaka, Yuki',
          `TI  - ${TRICKY}`,
          'PY  - 2026',
          'DA  - 2026/12/06',
          'PB  - Chronicle',
          `ET  - sha256:${HASH}`,
          'UR  - https://chronicle.example.org/api/snapshots/12',
          `N1  - Data set, 1,234 statements. SHA-256: ${HASH}`,
          'ER  - ',
          '',
        ].join('\r\n'),
      );
    });

    it('follows the line grammar', () => {
      const tags = new Map(parseRisStrictly(citeSnapshot(snapshot, 'ris').text));
      expect(tags.get('PY')).toMatch(/^\d{4}$/);
      expect(tags.get('DA')).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    });

    it('writes names as "Last, First, Suffix", and a corporate name so that it is not inverted', () => {
      const au = (creator: string) => new Map(parseRisStrictly(cite({ creator }, 'ris').text)).get('AU');
      expect(au('Martin Luther King Jr.')).toBe('King, Martin Luther, Jr.');
      expect(au('Ludwig van Beethoven')).toBe('van Beethoven, Ludwig');
      expect(au('Administrator')).toBe('Administrator');
      expect(au('Research Unit 3')).toBe('Research Unit 3,');
    });

    it('keeps every value on its line, whatever the title', () => {
      fc.assert(
        fc.property(awkwardText, awkwardText, awkwardText, fc.webUrl(), (title, creator, publisher, url) => {
          const tags = new Map(parseRisStrictly(cite({ title, creator, publisher, url }, 'ris').text));
          expect(tags.get('TI')).toBe(oneLine(title) || 'Snapshot 12');
          expect(tags.get('UR')).toBe(url);
        }),
      );
    });
  });

  describe('CSL-JSON', () => {
    it('gives a dataset item that the CSL data schema accepts', () => {
      const item = expectValidCsl(citeSnapshot(snapshot, 'csl-json').text);
      expect(item).toEqual({
        id: 'chronicle-snapshot-12',
        type: 'dataset',
        title: TRICKY,
        author: [{ family: 'Tanaka', given: 'Yuki' }],
        issued: { 'date-parts': [[2026, 12, 6]] },
        publisher: 'Chronicle',
        URL: 'https://chronicle.example.org/api/snapshots/12',
        version: `sha256:${HASH}`,
        note: 'Data set, 1,234 statements',
      });
    });

    it('structures a person’s name and gives any other name as a literal', () => {
      const author = (creator: string) => expectValidCsl(cite({ creator }, 'csl-json').text).author;
      expect(author('Ludwig van Beethoven')).toEqual([{ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }]);
      expect(author('Martin Luther King Jr.')).toEqual([{ family: 'King', given: 'Martin Luther', suffix: 'Jr.' }]);
      expect(author('Administrator')).toEqual([{ literal: 'Administrator' }]);
      expect(author('田中 裕紀')).toEqual([{ literal: '田中 裕紀' }]);
    });

    it('is valid for any title, creator and publisher', () => {
      fc.assert(
        fc.property(awkwardText, awkwardText, awkwardText, (title, creator, publisher) => {
          const item = expectValidCsl(cite({ title, creator, publisher }, 'csl-json').text);
          expect(item.title).toBe(oneLine(title) || 'Snapshot 12');
        }),
      );
    });

    it('is caught by the schema when it breaks it', () => {
      // The schema check can fail: a wrong type and a date in the wrong shape are refused.
      expect(validateCsl([{ id: 'x', type: 'data-set' }])).toBe(false);
      expect(validateCsl([{ id: 'x', type: 'dataset', issued: { 'date-parts': [2026, 12, 6] } }])).toBe(false);
      expect(validateCsl([{ id: 'x', type: 'dataset', author: [{ name: 'Yuki Tanaka' }] }])).toBe(false);
    });
  });

  describe('reading a display name', () => {
    it.each([
      ['Yuki Tanaka', { kind: 'person', given: 'Yuki', family: 'Tanaka' }],
      ['Tanaka, Yuki', { kind: 'person', given: 'Yuki', family: 'Tanaka' }],
      ['Ludwig van Beethoven', { kind: 'person', given: 'Ludwig', family: 'Beethoven', particle: 'van' }],
      ['van Beethoven, Ludwig', { kind: 'person', given: 'Ludwig', family: 'Beethoven', particle: 'van' }],
      ['Martin Luther King Jr.', { kind: 'person', given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
      ['Seán O’Brien', { kind: 'person', given: 'Seán', family: 'O’Brien' }],
      ['Administrator', { kind: 'literal', name: 'Administrator' }],
      ['NASA Team', { kind: 'literal', name: 'NASA Team' }],
      ['田中 裕紀', { kind: 'literal', name: '田中 裕紀' }],
      ['Tom and Jerry', { kind: 'literal', name: 'Tom and Jerry' }],
      ['Research Unit 3', { kind: 'literal', name: 'Research Unit 3' }],
      ['van Gogh', { kind: 'literal', name: 'van Gogh' }],
      ['King, Martin, Jr.', { kind: 'literal', name: 'King, Martin, Jr.' }],
      ['yuki tanaka', { kind: 'literal', name: 'yuki tanaka' }],
    ])('%s', (name, creator) => {
      expect(parseCreator(name)).toEqual(creator);
    });

    it('abbreviates given names to initials', () => {
      expect(initials('Martin Luther')).toBe('M. L.');
      expect(initials('Jean-Paul')).toBe('J.-P.');
      expect(initials('J.R.R.')).toBe('J. R. R.');
      expect(initials('Ørjan')).toBe('Ø.');
    });
  });

  it('puts every value on one line', () => {
    expect(oneLine(' a\r\nb\tc\u2028d\u0000e\ud800 ')).toBe('a b c d e\ufffd');
  });

  it('refuses what it cannot cite', () => {
    expect(() => cite({ url: '' }, 'apa')).toThrow(RangeError);
    expect(() => cite({ url: '/api/snapshots/12' }, 'apa')).toThrow(RangeError);
    expect(() => cite({ url: 'https://example.org/a b' }, 'apa')).toThrow(RangeError);
    expect(() => cite({ sha256: 'abc' }, 'apa')).toThrow(RangeError);
    expect(() => cite({ createdAt: '6 December 2026' }, 'apa')).toThrow(RangeError);
    expect(() => cite({ createdAt: '2026-13-06T10:31:02Z' }, 'apa')).toThrow(RangeError);
    expect(() => cite({ id: 0 }, 'apa')).toThrow(RangeError);
    expect(() => cite({ count: -1 }, 'apa')).toThrow(RangeError);
    expect(() => cite({}, 'mla' as never)).toThrow(RangeError);
    expect(cite({ sha256: HASH.toUpperCase() }, 'apa').text).toContain(HASH);
  });
});
