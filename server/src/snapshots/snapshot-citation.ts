/**
 * The citation of a snapshot (one frozen, hash-identified version of a query's statements) in
 * the four styles that `GET /api/snapshots/:id/citation?style=` offers. Pure and dependency-free:
 * the controller fetches the snapshot, builds its permanent address from PUBLIC_URL, and sends
 * `text` with `contentType`.
 *
 * Every style cites the snapshot as a data set: APA 7's data set reference, a BibTeX `@misc`
 * entry, a RIS `TY  - DATA` record and a CSL-JSON `dataset` item. Each carries the title, the
 * creator, the date, the number of statements, the permanent address and the SHA-256 of the
 * canonical NDJSON, so that a reader can check that what they download is what was cited.
 *
 * The creator is a display name, not a structured name. It is read as a person's name ("Yuki
 * Tanaka", "Ludwig van Beethoven", "Tanaka, Yuki") only when it looks like one, and otherwise
 * kept whole ("Administrator", "田中 裕紀", "Research Unit 3", "NASA"); see `parseCreator`. The
 * same reading is used by all four styles, so that a reference manager importing the BibTeX, RIS
 * or CSL-JSON renders the name as our APA text does.
 */

export const CITATION_STYLES = ['apa', 'bibtex', 'ris', 'csl-json'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export interface CitedSnapshot {
  id: number;
  /** Any Unicode; line breaks and other control characters become spaces in every style. */
  title: string;
  /** ISO 8601 UTC instant, e.g. '2026-12-06T10:31:02.123Z'; its UTC calendar day is cited. */
  createdAt: string;
  /** The display name of the account that made it, e.g. 'Yuki Tanaka' or 'Administrator'. */
  creator: string;
  /** Statements in it. */
  count: number;
  /** 64 lowercase hex digits: the SHA-256 of its canonical NDJSON. */
  sha256: string;
  /** Its permanent address, e.g. 'https://chronicle.example.org/api/snapshots/12'. */
  url: string;
  /** The name of the Chronicle instance, e.g. 'Chronicle'. */
  publisher: string;
}

export interface Citation {
  contentType: string;
  extension: string;
  text: string;
}

/** How much of the hash the human-readable version shows (48 bits, like a short git hash). */
const SHORT_HASH_LENGTH = 12;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** BibTeX's predefined month macros (defined by every standard .bst and by biblatex). */
const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function isCitationStyle(value: unknown): value is CitationStyle {
  return typeof value === 'string' && (CITATION_STYLES as readonly string[]).includes(value);
}

export function citeSnapshot(snapshot: CitedSnapshot, style: CitationStyle): Citation {
  const facts = citedFacts(snapshot);
  switch (style) {
    case 'apa':
      return { contentType: 'text/plain; charset=utf-8', extension: 'txt', text: apa(facts) };
    case 'bibtex':
      return { contentType: 'application/x-bibtex; charset=utf-8', extension: 'bib', text: bibtex(facts) };
    case 'ris':
      return { contentType: 'application/x-research-info-systems; charset=utf-8', extension: 'ris', text: ris(facts) };
    case 'csl-json':
      // JSON is UTF-8 by definition (RFC 8259), and +json types define no charset parameter.
      return { contentType: 'application/vnd.citationstyles.csl+json', extension: 'json', text: cslJson(facts) };
    default:
      throw new RangeError(`Unknown citation style: ${String(style)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The facts every style cites, checked and normalised once.

interface Facts {
  key: string;
  title: string;
  author: Creator | undefined;
  /** The author is the publisher itself (APA then leaves the publisher out). */
  authorIsPublisher: boolean;
  publisher: string;
  year: number;
  month: number;
  day: number;
  count: number;
  sha256: string;
  url: string;
}

function citedFacts(snapshot: CitedSnapshot): Facts {
  const { id, count } = snapshot;
  if (!Number.isSafeInteger(id) || id < 1) throw new RangeError(`A snapshot id is a positive integer, not ${id}`);
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`A statement count is a natural number, not ${count}`);
  const sha256 = snapshot.sha256.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError(`Not a SHA-256 in hex: ${snapshot.sha256}`);
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(snapshot.createdAt)
    ? new Date(snapshot.createdAt)
    : new Date(NaN);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not an ISO 8601 instant: ${snapshot.createdAt}`);

  const url = oneLine(snapshot.url);
  if (!/^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(url)) throw new RangeError(`Not an absolute address: ${snapshot.url}`);
  const publisher = oneLine(snapshot.publisher);
  const creator = oneLine(snapshot.creator);
  // An account without a display name: the instance stands as group author, as APA does for data
  // sets without a personal author.
  const author = parseCreator(creator || publisher);
  return {
    key: `chronicle-snapshot-${id}`,
    title: oneLine(snapshot.title) || `Snapshot ${id}`,
    author,
    authorIsPublisher: author !== undefined && (!creator || creator.toLowerCase() === publisher.toLowerCase()),
    publisher,
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
    count,
    sha256,
    url,
  };
}

/**
 * One line of well-formed, NFC-normalised text: lone surrogates become U+FFFD, and every run of
 * white space, line or paragraph separators and control characters becomes one space. No style
 * can carry a line break inside a value (RIS cannot at all, and the others would show it).
 */
export function oneLine(text: string): string {
  return text
    .toWellFormed()
    .normalize('NFC')
    .replace(/[\s\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .trim();
}

/** '1,234 statements' (en-US digit grouping, written out so that it does not depend on ICU). */
function statementCount(count: number): string {
  const grouped = String(count).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${grouped} ${count === 1 ? 'statement' : 'statements'}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

// ---------------------------------------------------------------------------------------------
// The creator: a person's name when it plainly is one, otherwise the name kept whole.

export type Creator =
  { kind: 'person'; given: string; family: string; particle?: string; suffix?: string } | { kind: 'literal'; name: string };

/** A capitalised name word: 'Yuki', 'O’Brien', 'Jean-Paul', 'McDonald', 'J.', 'J.R.R.'. */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
/** A lower-case particle between the given names and the family name: 'van', 'de', 'bin', 'd’'. */
const PARTICLE = /^\p{Ll}[\p{L}\p{M}'’-]*$/u;
/** Initials written together: 'J.', 'J.R.R.', 'J.-P.'. */
const INITIALS = /^(\p{Lu}\p{M}*\.-?)+$/u;
const SUFFIXES = new Set(['Jr.', 'Jr', 'Sr.', 'Sr', 'II', 'III', 'IV']);

/**
 * Reads a display name. A person's name is two or more capitalised words ("Yuki Tanaka"), with
 * lower-case particles before the family name ("Ludwig van Beethoven") and a generational suffix
 * ("Martin Luther King Jr."), or "Family, Given" when written so ("Tanaka, Yuki"), which is also
 * how a user whose family name comes first, or whose family name is several words ("García
 * Márquez, Gabriel"), gets it cited right. Anything else is kept whole and never inverted: one word
 * ("Administrator"), a name in a script without capitals ("田中 裕紀"), a name with digits,
 * symbols, an acronym ("NASA Team") or "and" in it. The one guess that can go wrong is a
 * capitalised organisation name of several words ("Research Team" reads as a person), which is the
 * price of citing "Yuki Tanaka" as "Tanaka, Y."; its user can rename the account.
 */
export function parseCreator(displayName: string): Creator | undefined {
  const name = oneLine(displayName);
  if (!name) return undefined;
  const literal: Creator = { kind: 'literal', name };
  // BibTeX would split a name at "and", and no person's name is read with one in it.
  if (/(^|[\s,])and([\s,]|$)/i.test(name)) return literal;
  const comma = name.split(',').map((part) => part.trim());
  if (comma.length === 2) {
    const [familyPart, givenPart] = comma.map((part) => part.split(' '));
    const particleCount = familyPart.findIndex((word) => !PARTICLE.test(word));
    const family = familyPart.slice(particleCount);
    if (particleCount < 0 || !givenPart.every(isNameWord) || !family.every(isNameWord)) return literal;
    return person(givenPart, familyPart.slice(0, particleCount), family.join(' '));
  }
  if (comma.length > 2) return literal;

  const words = name.split(' ');
  const suffix = words.length >= 3 && SUFFIXES.has(words[words.length - 1]) ? words.pop() : undefined;
  if (words.length < 2) return literal;
  const family = words[words.length - 1];
  let firstParticle = words.length - 1;
  while (firstParticle > 1 && PARTICLE.test(words[firstParticle - 1])) firstParticle--;
  const given = words.slice(0, firstParticle);
  if (!given.every(isNameWord) || !isNameWord(family)) return literal;
  return person(given, words.slice(firstParticle, -1), family, suffix);
}

function isNameWord(word: string): boolean {
  if (!NAME_WORD.test(word)) return false;
  const letters = word.replace(/[^\p{L}]/gu, '');
  // 'NASA' or 'WHO' is an acronym, not a name; 'J.R.R.' is initials.
  return letters.length < 2 || /\p{Ll}/u.test(letters) || INITIALS.test(word);
}

function person(given: string[], particles: string[], family: string, suffix?: string): Creator {
  return {
    kind: 'person',
    given: given.join(' '),
    family,
    ...(particles.length ? { particle: particles.join(' ') } : {}),
    ...(suffix ? { suffix } : {}),
  };
}

/** 'Yuki' → 'Y.', 'Martin Luther' → 'M. L.', 'Jean-Paul' → 'J.-P.', 'J.R.R.' → 'J. R. R.' (APA 7 §9.8). */
export function initials(given: string): string {
  return given
    .split(' ')
    .map((word) =>
      INITIALS.test(word)
        ? word.replace(/\.(?=\p{Lu})/gu, '. ')
        : word
            .split('-')
            .map((part) => `${/^\p{L}\p{M}*/u.exec(part)?.[0] ?? part}.`)
            .join('-'),
    )
    .join(' ');
}

/** The family name with its particle, as every style but CSL-JSON writes it: 'van Beethoven'. */
function familyWithParticle(name: { family: string; particle?: string }): string {
  return name.particle ? `${name.particle} ${name.family}` : name.family;
}

// ---------------------------------------------------------------------------------------------
// APA 7: "Author. (Date). Title (Version) [Description]. Publisher. URL" (Publication Manual,
// 7th ed., §10.9 Data Sets). Plain text, so the title cannot be set in italics.

/** Ends an APA element with a period, unless it already ends with one ('Tanaka, Y.', 'Acme Inc.'). */
const closed = (element: string) => (/[.?!]$/.test(element) ? element : `${element}.`);

function apa(f: Facts): string {
  const date = `(${f.year}, ${MONTHS[f.month - 1]} ${f.day}).`;
  // APA's version element; the short hash keeps the reference readable.
  const work = `${f.title} (Version sha256:${f.sha256.slice(0, SHORT_HASH_LENGTH)}) [Data set; ${statementCount(f.count)}].`;
  const author = f.author && apaAuthor(f.author);
  const parts = author ? [closed(author), date, work] : [work, date]; // no author: the title takes its place (§9.12)
  // "When the author and publisher are the same, omit the publisher" (§9.24).
  if (f.publisher && !f.authorIsPublisher) parts.push(closed(f.publisher));
  parts.push(f.url);
  // The full hash is what lets a reader check a download byte for byte, but 64 hex digits inside
  // the version element would drown the reference. APA ends a reference with its DOI or URL, so the
  // hash goes after it: everything up to the URL is a conforming APA 7 reference, and an editor can
  // drop the addendum (or move it to a data availability statement) without touching the rest.
  parts.push(`SHA-256: ${f.sha256}`);
  return `${parts.join(' ')}\n`;
}

function apaAuthor(author: Creator): string {
  if (author.kind === 'literal') return author.name;
  const inverted = `${familyWithParticle(author)}, ${initials(author.given)}`;
  return author.suffix ? `${inverted}, ${author.suffix}` : inverted;
}

// ---------------------------------------------------------------------------------------------
// BibTeX: `@misc`, which every BibTeX style and biblatex knows (classic BibTeX has no @dataset;
// biblatex's @dataset would be unknown to natbib/plain styles). Classic styles print author,
// title, howpublished, month, year and note; biblatex also reads version, publisher and url. No
// `date` field: next to year and month it only makes Biber warn, and the day is not worth that.

/**
 * Escapes text for a braced BibTeX field. Braces become \textbraceleft{} and \textbraceright{}
 * rather than \{ and \}: BibTeX counts every brace, escaped or not, when it finds where a field
 * ends, so a title with one unmatched brace would corrupt the whole entry.
 */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&$#_~^]/g, (char) => BIBTEX_ESCAPES[char]);
}

const BIBTEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * A title whose capitals survive styles that change a title's case (plain.bst's sentence case,
 * biblatex's): each run of letters and digits holding a capital is braced, '{Lavrov} \& {Kono}'.
 * Whole words rather than single letters, so kerning inside the word is kept; and never a brace
 * group starting with a backslash, which BibTeX would take for an accented character and recase.
 */
function bibtexTitle(title: string): string {
  return title
    .split(/([\p{L}\p{M}\p{N}]+)/u)
    .map((piece, i) => (i % 2 === 0 ? escapeBibtex(piece) : /[\p{Lu}\p{Lt}]/u.test(piece) ? `{${piece}}` : piece))
    .join('');
}

function bibtexAuthor(author: Creator): string {
  // A name kept whole is braced, so BibTeX neither splits it into given and family names nor at
  // an "and" inside it.
  if (author.kind === 'literal') return `{${escapeBibtex(author.name)}}`;
  const family = escapeBibtex(familyWithParticle(author));
  const given = escapeBibtex(author.given);
  return author.suffix ? `${family}, ${escapeBibtex(author.suffix)}, ${given}` : `${family}, ${given}`;
}

/** A URL as BibTeX can hold it: the characters that would end the field or start a command are percent-encoded. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function bibtex(f: Facts): string {
  const url = bibtexUrl(f.url);
  const fields: [string, string][] = [];
  if (f.author) fields.push(['author', `{${bibtexAuthor(f.author)}}`]);
  fields.push(
    ['title', `{${bibtexTitle(f.title)}}`],
    ['year', `{${f.year}}`],
    ['month', BIBTEX_MONTHS[f.month - 1]],
    // The short hash here (printed by biblatex as "version sha256:…"), the full one in the note:
    // the note is the one field every style prints, and biblatex would otherwise print 64 hex
    // digits twice.
    ['version', `{sha256:${f.sha256.slice(0, SHORT_HASH_LENGTH)}}`],
  );
  // Braced again because biblatex splits a publisher list at "and".
  if (f.publisher) fields.push(['publisher', `{{${escapeBibtex(f.publisher)}}}`]);
  fields.push(
    // howpublished is how classic styles print an address (\url comes with the url or hyperref
    // package); url is the field biblatex, natbib's styles and reference managers read.
    ['howpublished', `{\\url{${url}}}`],
    ['url', `{${url}}`],
    ['note', `{Data set, ${escapeBibtex(statementCount(f.count))}. SHA-256: ${f.sha256}}`],
  );
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
  return `@misc{${f.key},\n${body}\n}\n`;
}

// ---------------------------------------------------------------------------------------------
// RIS (RefMan/EndNote's tagged format, 2011 specification): CRLF line endings, `TY  - ` first and
// `ER  - ` last, each tag two capitals or a capital and a digit, two spaces, a hyphen and a space.

function ris(f: Facts): string {
  const lines: [string, string][] = [['TY', 'DATA']];
  if (f.author) lines.push(['AU', risAuthor(f.author)]);
  lines.push(['TI', f.title], ['PY', String(f.year)], ['DA', `${f.year}/${pad2(f.month)}/${pad2(f.day)}`]);
  if (f.publisher) lines.push(['PB', f.publisher]);
  lines.push(
    // ET is the Edition field, which EndNote's Dataset type labels "Version".
    ['ET', `sha256:${f.sha256}`],
    ['UR', f.url],
    ['N1', `Data set, ${statementCount(f.count)}. SHA-256: ${f.sha256}`],
    ['ER', ''],
  );
  return lines.map(([tag, value]) => `${tag}  - ${value}\r\n`).join('');
}

function risAuthor(author: Creator): string {
  // "Lastname, Firstname, Suffix". A name kept whole that has spaces gets a trailing comma, which
  // is how EndNote and Zotero are told not to invert a corporate name.
  if (author.kind === 'literal') return author.name.includes(' ') ? `${author.name},` : author.name;
  const inverted = `${familyWithParticle(author)}, ${author.given}`;
  return author.suffix ? `${inverted}, ${author.suffix}` : inverted;
}

// ---------------------------------------------------------------------------------------------
// CSL-JSON (citation-style-language/schema, csl-data.json): an array of items.

type CslName = { family: string; given: string; 'non-dropping-particle'?: string; suffix?: string } | { literal: string };

function cslName(author: Creator): CslName {
  // A structured name, not a literal, for a person: a CSL processor formats, abbreviates and sorts
  // only structured names, so { literal: 'Yuki Tanaka' } would come out of APA's CSL style as
  // "Yuki Tanaka" sorted under Y, unlike our own APA text. A name kept whole is a literal.
  if (author.kind === 'literal') return { literal: author.name };
  return {
    family: author.family,
    given: author.given,
    ...(author.particle ? { 'non-dropping-particle': author.particle } : {}),
    ...(author.suffix ? { suffix: author.suffix } : {}),
  };
}

function cslJson(f: Facts): string {
  const item = {
    id: f.key,
    type: 'dataset',
    title: f.title,
    ...(f.author ? { author: [cslName(f.author)] } : {}),
    issued: { 'date-parts': [[f.year, f.month, f.day]] },
    ...(f.publisher ? { publisher: f.publisher } : {}),
    URL: f.url,
    // The full hash: CSL-JSON is data for programs, and the version is the snapshot's identity.
    version: `sha256:${f.sha256}`,
    // Not `number`: APA's CSL style prints it as the data set's identifier, "(1234; Version …)".
    note: `Data set, ${statementCount(f.count)}`,
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}
