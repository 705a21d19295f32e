/*
 * Reads the rows of one sheet of an XLSX workbook without trusting the file: the workbook is a
 * zip of XML parts, so a hostile upload can be a zip bomb, an XML part without end, or a
 * spreadsheet full of formulas. The reader opens the zip with random access (yauzl), checks
 * every part's declared size before inflating it, loads the small index parts (sheet list,
 * shared strings, number formats) and then streams the sheet's XML through saxes, handing out
 * each row as soon as its closing tag is parsed. Formulas are never evaluated: a formula cell is
 * read through the value the spreadsheet program cached when it last saved the file.
 */
import { open as openFileHandle } from 'node:fs/promises';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { Entry, openPromise, ZipFile } from 'yauzl';
import { headerColumns, spreadsheetColumn } from './header';
import { CellValue, ImportFileError, READ_LIMITS, SourceRow, SourceTable } from './source-rows';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One sheet of a workbook as a table, with what the import shows about the workbook around it. */
export interface XlsxTable extends SourceTable {
  /** The workbook's visible worksheets, in tab order: the names `sheet` may choose from. */
  sheets: string[];
  /** The data rows the sheet declares (its `<dimension>`, less the header), for progress; undefined when it does not say. */
  totalRows: number | undefined;
  /** Closes the zip file; call it when done with `rows`, read to the end or not. */
  close(): Promise<void>;
}

const MiB = 1024 * 1024;

/** What the reader allows the zip itself, before any XML is parsed. */
const ZIP_LIMITS = {
  /** Uncompressed bytes of any part the reader inflates. */
  maxPartBytes: 1024 * MiB,
  /** Uncompressed bytes of a part the reader holds an index of in memory (shared strings, styles, the sheet list). */
  maxIndexPartBytes: 256 * MiB,
  /** Real XML rarely compresses beyond 100:1, and deflate's ceiling is about 1030:1, which only a bomb's filler nears. */
  maxRatio: 1000,
  /** Small parts may compress well (a run of empty cells): the ratio is only checked above this size. */
  ratioCheckedFrom: MiB,
  /** Parts in the zip: a workbook has a few dozen; a directory of millions would take long to list. */
  maxEntries: 10_000,
} as const;

/** Excel's last column, XFD: a cell reference past it is not a spreadsheet's. */
const MAX_SHEET_COLUMNS = 16_384;

/* ---------------------------------------------------------------------------------------------
 * The zip
 * ------------------------------------------------------------------------------------------- */

interface Archive {
  zip: ZipFile;
  /** The parts by lower-cased name: part names in a package are case-insensitive. */
  entries: Map<string, Entry>;
  /** Settles when yauzl has closed the file descriptor. */
  closed: Promise<void>;
}

const ENCRYPTED = 'The file is encrypted or an old .xls file; save it as .xlsx without a password.';

/** Zip files start with a local file header (or, empty, the end of the directory); Office's OLE container with D0 CF 11 E0. */
const ZIP_MAGIC = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Tells the user what the file is when it is no zip at all, before yauzl looks for a zip directory in it. */
async function checkFileKind(file: string): Promise<void> {
  const handle = await openFileHandle(file, 'r');
  const head = Buffer.alloc(8);
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  // A password-protected .xlsx is not a zip but an OLE compound file holding the encrypted zip, like a .xls.
  if (head.equals(OLE_MAGIC)) {
    throw new ImportFileError(ENCRYPTED, {}, 415);
  }
  if (!ZIP_MAGIC.some((magic) => head.subarray(0, 4).equals(magic))) {
    throw new ImportFileError('The file is not an XLSX workbook (not a zip archive).', {}, 415);
  }
}

async function openArchive(file: string): Promise<Archive> {
  await checkFileKind(file);
  let zip: ZipFile;
  try {
    // autoClose off: the sheet is opened after the directory has been listed.
    zip = await openPromise(file, { lazyEntries: true, validateEntrySizes: true, autoClose: false });
  } catch (error) {
    throw damaged(`its zip directory cannot be read (${messageOf(error)})`);
  }
  // Errors reach the reader through the promises and streams it awaits; this listener only keeps
  // an error yauzl emits later (closing the descriptor) from crashing the process.
  zip.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => zip.once('close', () => resolve()));
  const archive = { zip, entries: new Map<string, Entry>(), closed };
  try {
    await listEntries(archive);
  } catch (error) {
    await closeArchive(archive);
    throw error;
  }
  return archive;
}

async function listEntries({ zip, entries }: Archive): Promise<void> {
  if (zip.entryCount > ZIP_LIMITS.maxEntries) {
    throw damaged(`its zip holds ${zip.entryCount} parts, more than a workbook has (at most ${ZIP_LIMITS.maxEntries})`);
  }
  try {
    for await (const entry of zip.eachEntry()) {
      const key = entry.fileName.toLowerCase();
      // Two parts of one name would let two programs read two different workbooks from one file.
      if (entries.has(key)) throw damaged(`its zip holds two parts named ${entry.fileName}`);
      if (!key.endsWith('/')) entries.set(key, entry);
    }
  } catch (error) {
    throw error instanceof ImportFileError ? error : damaged(`its zip directory cannot be read (${messageOf(error)})`);
  }
}

async function closeArchive(archive: Archive): Promise<void> {
  // yauzl closes the descriptor once the zip and every stream opened from it are closed.
  archive.zip.close();
  await archive.closed;
}

/** Refuses a part by what the zip directory declares, before a byte of it is inflated. */
function checkEntry(entry: Entry, maxBytes: number): void {
  const name = entry.fileName;
  if (entry.isEncrypted()) {
    throw new ImportFileError(ENCRYPTED, {}, 415);
  }
  if (entry.uncompressedSize > maxBytes) {
    throw new ImportFileError(
      `The workbook's part ${name} would inflate to ${formatMiB(entry.uncompressedSize)}, over the ${formatMiB(maxBytes)} allowed: ` +
        'the file is refused as a possible zip bomb.',
    );
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > ZIP_LIMITS.ratioCheckedFrom && ratio > ZIP_LIMITS.maxRatio) {
    throw new ImportFileError(
      `The workbook's part ${name} is compressed ${Math.round(ratio)} to 1, more than any real spreadsheet: ` +
        'the file is refused as a possible zip bomb.',
    );
  }
}

/**
 * Opens a part for reading, inflating as it is read. With validateEntrySizes, yauzl counts the
 * inflated bytes and fails the stream past the size the directory declared, so the checks of
 * `checkEntry` hold even for a zip that lies about its sizes.
 */
async function openPart(archive: Archive, path: string, maxBytes: number): Promise<Readable | undefined> {
  const entry = archive.entries.get(path.toLowerCase());
  if (!entry) return undefined;
  checkEntry(entry, maxBytes);
  try {
    return await archive.zip.openReadStreamPromise(entry);
  } catch (error) {
    throw damaged(`its part ${path} cannot be read (${messageOf(error)})`);
  }
}

/**
 * The text of an XML part, decoded chunk by chunk (a chunk may end inside a UTF-8 sequence). A
 * part is UTF-8 unless it starts with a UTF-16 byte order mark, as the package format allows.
 */
async function* xmlText(stream: Readable, path: string): AsyncGenerator<string> {
  let decoder: StringDecoder | undefined;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      decoder ??= new StringDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf16le' : 'utf8');
      const text = decoder.write(chunk);
      if (text) yield text;
    }
  } catch (error) {
    throw inflateError(path, error);
  } finally {
    stream.destroy();
  }
  const rest = decoder?.end();
  if (rest) yield rest;
}

function inflateError(path: string, error: unknown): ImportFileError {
  const message = messageOf(error);
  if (message.startsWith('too many bytes')) {
    return new ImportFileError(
      `The workbook's part ${path} inflates to more bytes than its zip declares: the file is damaged or a zip bomb.`,
    );
  }
  return damaged(`its part ${path} cannot be inflated (${message})`);
}

/* ---------------------------------------------------------------------------------------------
 * XML
 * ------------------------------------------------------------------------------------------- */

/** The element's name without its namespace prefix: some writers prefix SpreadsheetML (`x:row`). */
function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** An attribute by its local name, whatever prefix the file gave it (`r:id`). */
function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  const plain = tag.attributes[name];
  if (plain !== undefined) return plain;
  for (const key in tag.attributes) if (key.endsWith(`:${name}`)) return tag.attributes[key];
  return undefined;
}

function newParser(): SaxesParser {
  // Position tracking (saxes' default) is what XmlFeed measures stretches of XML with.
  const parser = new SaxesParser();
  // OOXML has no DTD; saxes would not expand its entities anyway, but a DOCTYPE means the part
  // was not written by a spreadsheet program.
  parser.on('doctype', () => {
    throw new ImportFileError('The workbook holds an XML part with a DOCTYPE, which no spreadsheet program writes.');
  });
  return parser;
}

/**
 * Feeds text to saxes, and refuses any stretch of XML longer than READ_LIMITS.maxRecordBytes
 * (counted in characters) between two of the marks the caller sets (at each row, at each shared string): saxes holds a
 * text node or a tag whole until its end, so this is what bounds the memory one can take.
 */
class XmlFeed {
  private mark = 0;

  constructor(
    readonly parser: SaxesParser,
    private readonly malformed: (cause: unknown) => ImportFileError,
    private readonly oversized: () => ImportFileError,
  ) {}

  /** Starts a new stretch at the parser's position: call it from an event handler. */
  setMark(): void {
    this.mark = this.parser.position;
  }

  write(text: string): void {
    this.guard(() => this.parser.write(text));
    if (this.parser.position - this.mark > READ_LIMITS.maxRecordBytes) throw this.oversized();
  }

  close(): void {
    this.guard(() => this.parser.close());
  }

  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      // A handler's own refusal passes through; anything else saxes threw is bad XML.
      throw error instanceof ImportFileError ? error : this.malformed(error);
    }
  }
}

interface PartHandlers {
  open?(name: string, tag: SaxesTagPlain): void;
  close?(name: string): void;
  text?(text: string): void;
}

/**
 * Parses a whole index part (sheet list, relationships, styles, shared strings), of which the
 * reader keeps only what it needs. Without a feed of the caller's, which sets its own marks, any
 * tag starts a new stretch: these parts have no long records.
 */
async function parseIndexPart(archive: Archive, path: string, handlers: PartHandlers, ownFeed?: XmlFeed): Promise<boolean> {
  const stream = await openPart(archive, path, ZIP_LIMITS.maxIndexPartBytes);
  if (!stream) return false;
  const feed = ownFeed ?? partFeed(path);
  const { parser } = feed;
  parser.on('opentag', (tag) => {
    if (!ownFeed) feed.setMark();
    handlers.open?.(localName(tag.name), tag);
  });
  parser.on('closetag', (tag) => handlers.close?.(localName(tag.name)));
  if (handlers.text) parser.on('text', handlers.text);
  for await (const text of xmlText(stream, path)) feed.write(text);
  feed.close();
  return true;
}

function partFeed(path: string): XmlFeed {
  return new XmlFeed(
    newParser(),
    (cause) => new ImportFileError(`The workbook's part ${path} is malformed XML (${messageOf(cause)}).`),
    () => new ImportFileError(`The workbook's part ${path} holds a tag or text over ${formatMiB(READ_LIMITS.maxRecordBytes)}.`),
  );
}

/* ---------------------------------------------------------------------------------------------
 * The workbook: sheets, shared strings, number formats
 * ------------------------------------------------------------------------------------------- */

interface SheetEntry {
  name: string;
  path: string;
  /** A visible worksheet: not hidden, and a grid of cells (not a chart sheet). */
  listed: boolean;
}

interface Relationship {
  type: string;
  path: string;
}

const WORKBOOK_PATH = 'xl/workbook.xml';

async function readSheets(archive: Archive): Promise<{ sheets: SheetEntry[]; date1904: boolean; rels: Map<string, Relationship> }> {
  const declared: { name: string; id: string | undefined; hidden: boolean }[] = [];
  let date1904 = false;
  const found = await parseIndexPart(archive, WORKBOOK_PATH, {
    open(name, tag) {
      if (name === 'workbookPr') date1904 = isTrue(attribute(tag, 'date1904'));
      if (name === 'sheet') {
        const state = attribute(tag, 'state');
        declared.push({
          name: attribute(tag, 'name') ?? '',
          id: attribute(tag, 'id'),
          hidden: state === 'hidden' || state === 'veryHidden',
        });
      }
    },
  });
  if (!found) throw new ImportFileError(`The file is a zip archive but not an XLSX workbook (it has no ${WORKBOOK_PATH}).`, {}, 415);
  const rels = await readRelationships(archive, 'xl/_rels/workbook.xml.rels', 'xl');
  const sheets = declared.flatMap(({ name, id, hidden }) => {
    const rel = id === undefined ? undefined : rels.get(id);
    if (!rel) return [];
    return [{ name, path: rel.path, listed: !hidden && rel.type.endsWith('/worksheet') }];
  });
  return { sheets, date1904, rels };
}

/** The relationships of a part: id → target part, resolved against the part's folder. */
async function readRelationships(archive: Archive, path: string, folder: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  await parseIndexPart(archive, path, {
    open(name, tag) {
      const id = attribute(tag, 'Id');
      const target = attribute(tag, 'Target');
      if (name !== 'Relationship' || !id || !target || attribute(tag, 'TargetMode') === 'External') return;
      const resolved = target.startsWith('/') ? target.slice(1) : posix.join(folder, target);
      rels.set(id, { type: attribute(tag, 'Type') ?? '', path: posix.normalize(resolved) });
    },
  });
  return rels;
}

function partOfType(rels: Map<string, Relationship>, type: string, fallback: string): string {
  return [...rels.values()].find((rel) => rel.type.endsWith(`/${type}`))?.path ?? fallback;
}

/** A shared string over READ_LIMITS.maxCellChars: kept as a mark, refused when a cell uses it. */
const OVERLONG = Symbol('overlong');
type SharedString = string | typeof OVERLONG;

/** The shared strings, in order: rich text is the concatenation of its runs, without phonetic guides (rPh). */
async function readSharedStrings(archive: Archive, path: string): Promise<SharedString[]> {
  const strings: SharedString[] = [];
  let text: string | undefined;
  let inText = false;
  let inPhonetic = false;
  const feed = new XmlFeed(
    newParser(),
    (cause) => new ImportFileError(`The workbook's shared strings are malformed XML (${messageOf(cause)}).`),
    () => new ImportFileError(`The workbook's shared string ${strings.length + 1} is over ${formatMiB(READ_LIMITS.maxRecordBytes)}.`),
  );
  await parseIndexPart(
    archive,
    path,
    {
      open(name) {
        if (name === 'si') [text, inPhonetic] = ['', false];
        if (name === 'si' || name === 'sst') feed.setMark();
        if (name === 'rPh') inPhonetic = true;
        if (name === 't') inText = !inPhonetic;
      },
      close(name) {
        if (name === 't') inText = false;
        if (name === 'rPh') inPhonetic = false;
        if (name !== 'si' || text === undefined) return;
        strings.push(text.length > READ_LIMITS.maxCellChars ? OVERLONG : decodeEscapes(text));
        text = undefined;
        feed.setMark();
      },
      text(chunk) {
        if (inText && text !== undefined && text.length <= READ_LIMITS.maxCellChars) text += chunk;
      },
    },
    feed,
  );
  return strings;
}

/**
 * Which cell styles show a calendar date: a spreadsheet stores a date as a serial number of days,
 * and only the style's number format tells it from a number. Indexed by the cell's `s`.
 */
async function readDateStyles(archive: Archive, path: string): Promise<boolean[]> {
  const customFormats = new Map<number, string>();
  const styleFormats: number[] = [];
  // <numFmt> and <xf> appear elsewhere too (conditional formats' dxfs, cellStyleXfs): only those
  // of the workbook's number formats and of the cell formats, which cells' `s` index, count.
  let section: string | undefined;
  await parseIndexPart(archive, path, {
    open(name, tag) {
      if (name === 'numFmts' || name === 'cellXfs') section = name;
      if (name === 'numFmt' && section === 'numFmts') {
        customFormats.set(Number(attribute(tag, 'numFmtId')), attribute(tag, 'formatCode') ?? '');
      }
      if (name === 'xf' && section === 'cellXfs') styleFormats.push(Number(attribute(tag, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === section) section = undefined;
    },
  });
  return styleFormats.map((id) => {
    const code = customFormats.get(id);
    return code === undefined ? BUILTIN_DATE_FORMATS.has(id) : formatKind(code) === 'date';
  });
}

/**
 * The built-in number formats that show a date. 14–17 and 22 are fixed; 27–36 and 50–58 depend
 * on the locale and are dates in the East Asian ones that use them, except 32 and 33, which are
 * times of day there. 18–21 and 45–47 are times of day: a time without a day is kept a number.
 */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * What a custom number format shows. Its letters d, m, y (day, month or minute, year) and h, s
 * count only outside quoted text, escapes (\x), fill and spacing characters (*x, _x) and brackets
 * (colours, conditions, locales), except elapsed time ([h], [mm], [ss]), which is a clock; "AM/PM"
 * is not a month. An m with hours or seconds and no day or year is minutes.
 */
export function formatKind(code: string): 'date' | 'time' | 'number' {
  const bare = code
    .replace(/"[^"]*"|\\.|[_*]./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]
    .toLowerCase()
    .replace(/am\/pm|a\/p/g, '');
  const dayOrYear = /[dy]/.test(bare);
  const clock = /[hs]/.test(bare);
  if (dayOrYear || (bare.includes('m') && !clock)) return 'date';
  return clock ? 'time' : 'number';
}

/* ---------------------------------------------------------------------------------------------
 * Cells
 * ------------------------------------------------------------------------------------------- */

/** What the sheet parser needs of the workbook to turn a cell's XML into its value. */
interface Book {
  strings: SharedString[];
  dateStyles: boolean[];
  date1904: boolean;
}

/** A cell as parsed, before conversion. */
interface CellXml {
  ref: string;
  row: number;
  column: number;
  type: string;
  style: number;
  /** The text of <v>, undefined when the cell has none. */
  value: string | undefined;
  /** The text of an inline string (<is>), undefined when the cell has none. */
  inline: string | undefined;
  formula: boolean;
}

/** A refusal of one cell: the message names its reference, `where` its column's letters (see withColumnName). */
function cellError(cell: CellXml, message: string): ImportFileError {
  return new ImportFileError(`Cell ${cell.ref} ${message}.`, { row: cell.row, column: spreadsheetColumn(cell.column) });
}

/** The value a cell shows, as the import takes it; null for an empty cell. */
function cellValue(cell: CellXml, book: Book): CellValue {
  if (cell.formula && cell.value === undefined) {
    throw cellError(cell, 'holds a formula without a computed value; open and save the file in a spreadsheet program, or paste values');
  }
  if (cell.type === 'inlineStr') return textValue(decodeEscapes(cell.inline ?? cell.value ?? ''));
  const raw = cell.value;
  if (raw === undefined || raw === '') return null;
  switch (cell.type) {
    case 's':
      return sharedString(cell, raw, book);
    case 'str':
      return textValue(decodeEscapes(raw));
    case 'b':
      return booleanValue(cell, raw);
    case 'e':
      throw cellError(cell, `holds the spreadsheet error ${raw}`);
    case 'd':
      return isoDate(cell, raw);
    default:
      return numberOrDate(cell, raw, book);
  }
}

function textValue(text: string): string | null {
  return text === '' ? null : text;
}

function sharedString(cell: CellXml, raw: string, book: Book): string | null {
  const index = Number(raw);
  const text = Number.isInteger(index) ? book.strings[index] : undefined;
  if (text === undefined) throw cellError(cell, `refers to shared string ${raw}, which the workbook does not have`);
  if (text === OVERLONG) throw cellError(cell, `holds more than ${READ_LIMITS.maxCellChars.toLocaleString('en')} characters`);
  return textValue(text);
}

function booleanValue(cell: CellXml, raw: string): boolean {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw cellError(cell, `holds "${raw}", which is not a spreadsheet boolean`);
}

function isoDate(cell: CellXml, raw: string): { date: string } {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(raw.trim())?.[0];
  if (!date) throw cellError(cell, `holds "${raw}", which is not an ISO 8601 date`);
  return { date };
}

function numberOrDate(cell: CellXml, raw: string, book: Book): number | { date: string } {
  const number = Number(raw);
  if (!Number.isFinite(number)) throw cellError(cell, `holds "${raw}", which is not a number`);
  if (!book.dateStyles[cell.style]) return number;
  const date = serialDate(number, book.date1904);
  if (date === null) throw cellError(cell, `holds the date serial ${raw}, which is no day of the spreadsheet calendar`);
  return date === undefined ? number : { date };
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31, the last day a spreadsheet shows (in the 1900 system; the 1904 one ends earlier, as the year check finds). */
const LAST_DAY = 2_958_465;

/**
 * The calendar day of a date serial (a time of day is dropped): undefined for a time without a
 * day, null for a serial that is no day. In the 1900 system, day 60 is 1900-02-29, which Lotus
 * 1-2-3 believed in and Excel kept: days before it count from 1899-12-31, days after from 1899-12-30.
 */
function serialDate(serial: number, date1904: boolean): string | undefined | null {
  // Round to the millisecond first: 0.1 + 0.2 style float error must not move midnight to the day before.
  const day = Math.floor(Math.round(serial * DAY_MS) / DAY_MS);
  if (!date1904 && day === 0) return undefined;
  if (!date1904 && day === 60) return null;
  if (day < 0 || day > LAST_DAY) return null;
  const date = new Date(date1904 ? EPOCH_1904 + day * DAY_MS : EPOCH_1900 + (day < 60 ? day + 1 : day) * DAY_MS);
  return date.getUTCFullYear() > 9999 ? null : date.toISOString().slice(0, 10);
}

/** SpreadsheetML escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x). */
function decodeEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** "A" → 0, "AB" → 27. */
function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + letter.charCodeAt(0) - 64;
  return index - 1;
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/* ---------------------------------------------------------------------------------------------
 * The sheet, streamed
 * ------------------------------------------------------------------------------------------- */

/** A non-empty row as parsed: its number, and its non-empty cells by column index (A = 0). */
interface RawRow {
  row: number;
  cells: Map<number, CellValue>;
}

/**
 * The sheet's XML events turned into rows. The parser is fed a chunk at a time and collects the
 * rows that chunk completes in `ready`, which the reader hands out before feeding the next chunk.
 */
class SheetParser {
  readonly ready: RawRow[] = [];
  /** </sheetData> was parsed: nothing after it (merged cells, print settings) is wanted. */
  finished = false;
  /** The last row of the sheet's <dimension>, if it has one. */
  lastDeclaredRow: number | undefined;
  readonly feed: XmlFeed;
  private row: RawRow | undefined;
  private lastRow = 0;
  private lastColumn = -1;
  private cell: CellXml | undefined;
  /** Where text goes: the cell's <v>, its inline string's <t>, or nowhere. */
  private textTarget: 'value' | 'inline' | undefined;
  private inPhonetic = false;
  /** Inside <sheetData>: rows and cells elsewhere (none in a real sheet) are not the sheet's. */
  private inData = false;

  constructor(private readonly book: Book) {
    this.feed = new XmlFeed(
      newParser(),
      () => malformedSheet(this.nearRow),
      () =>
        this.row
          ? new ImportFileError(`Row ${this.row.row} is over ${formatMiB(READ_LIMITS.maxRecordBytes)}.`, { row: this.row.row })
          : new ImportFileError(
              `The sheet's XML has over ${formatMiB(READ_LIMITS.maxRecordBytes)} without a row near row ${this.nearRow}.`,
            ),
    );
    const { parser } = this.feed;
    parser.on('opentag', (tag) => this.open(localName(tag.name), tag));
    parser.on('closetag', (tag) => this.close(localName(tag.name)));
    parser.on('text', (text) => this.text(text));
  }

  private get nearRow(): number {
    return this.row?.row ?? this.lastRow + 1;
  }

  private open(name: string, tag: SaxesTagPlain): void {
    if (name === 'dimension') this.lastDeclaredRow = lastRowOf(attribute(tag, 'ref'));
    if (name === 'sheetData' && !this.finished) {
      this.inData = true;
      this.feed.setMark();
    }
    if (!this.inData) return;
    switch (name) {
      case 'row':
        this.openRow(attribute(tag, 'r'));
        break;
      case 'c':
        this.openCell(tag);
        break;
      case 'v':
        if (this.cell) [this.cell.value, this.textTarget] = ['', 'value'];
        break;
      case 'f':
        if (this.cell) this.cell.formula = true;
        break;
      case 'is':
        if (this.cell) this.cell.inline = '';
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
      case 't':
        if (this.cell?.inline !== undefined && !this.inPhonetic) this.textTarget = 'inline';
        break;
    }
  }

  private close(name: string): void {
    if (!this.inData) return;
    switch (name) {
      case 'sheetData':
        this.finished = true;
        this.inData = false;
        break;
      case 'row':
        this.closeRow();
        break;
      case 'c':
        this.closeCell();
        break;
      case 'v':
      case 't':
        this.textTarget = undefined;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
    }
  }

  private text(text: string): void {
    const cell = this.cell;
    if (!cell || !this.textTarget) return;
    const sofar = cell[this.textTarget] ?? '';
    if (sofar.length + text.length > READ_LIMITS.maxCellChars) {
      throw cellError(cell, `holds more than ${READ_LIMITS.maxCellChars.toLocaleString('en')} characters`);
    }
    cell[this.textTarget] = sofar + text;
  }

  private openRow(r: string | undefined): void {
    // A row without its number follows the previous one; rows must come in order, as Excel writes them.
    const number = r === undefined ? this.lastRow + 1 : Number(r);
    if (!Number.isInteger(number) || number <= this.lastRow) {
      throw malformedSheet(this.lastRow + 1, `row number "${r}" out of order`);
    }
    this.row = { row: number, cells: new Map() };
    this.lastRow = number;
    this.lastColumn = -1;
    this.feed.setMark();
  }

  private closeRow(): void {
    if (this.row && this.row.cells.size > 0) this.ready.push(this.row);
    this.row = undefined;
    this.feed.setMark();
  }

  private openCell(tag: SaxesTagPlain): void {
    const row = this.row?.row ?? this.nearRow;
    const ref = attribute(tag, 'r');
    const letters = ref === undefined ? undefined : /^([A-Z]{1,3})\d*$/.exec(ref)?.[1];
    const column = letters === undefined ? this.lastColumn + 1 : columnIndex(letters);
    if ((ref !== undefined && letters === undefined) || column >= MAX_SHEET_COLUMNS) {
      throw malformedSheet(row, `cell reference "${ref}"`);
    }
    this.lastColumn = column;
    this.cell = {
      ref: `${spreadsheetColumn(column)}${row}`,
      row,
      column,
      type: attribute(tag, 't') ?? 'n',
      style: Number(attribute(tag, 's') ?? 0),
      value: undefined,
      inline: undefined,
      formula: false,
    };
  }

  private closeCell(): void {
    const cell = this.cell;
    this.cell = undefined;
    this.textTarget = undefined;
    if (!cell || !this.row) return;
    const value = cellValue(cell, this.book);
    if (value === null) return;
    // Checked as each cell completes, so that a row of a million cells is refused before it is held.
    if (cell.column >= READ_LIMITS.maxColumns) {
      throw cellError(cell, `holds a value, but the sheet may have at most ${READ_LIMITS.maxColumns} columns`);
    }
    this.row.cells.set(cell.column, value);
  }
}

function malformedSheet(row: number, detail?: string): ImportFileError {
  return new ImportFileError(`The sheet's XML is malformed near row ${row}${detail ? ` (${detail})` : ''}.`, { row });
}

/** "A1:Z100001" → 100001; undefined for a reference without a row ("A:Z") or none. */
function lastRowOf(ref: string | undefined): number | undefined {
  const last = ref?.split(':').pop();
  const digits = last === undefined ? undefined : /^[A-Z]*(\d+)$/i.exec(last)?.[1];
  return digits === undefined ? undefined : Number(digits);
}

/** Hands out the sheet's rows one at a time, inflating and parsing only as far as the next row needs. */
class SheetReader {
  private readonly chunks: AsyncGenerator<string>;
  private ended = false;
  /** What stopped the parse, thrown once the rows completed before it have been handed out. */
  private failure: unknown;

  private constructor(
    private readonly stream: Readable,
    private readonly parser: SheetParser,
    path: string,
  ) {
    this.chunks = xmlText(stream, path);
  }

  static async open(archive: Archive, sheet: SheetEntry, book: Book): Promise<SheetReader> {
    const stream = await openPart(archive, sheet.path, ZIP_LIMITS.maxPartBytes);
    if (!stream) throw damaged(`its sheet "${sheet.name}" (${sheet.path}) is missing`);
    return new SheetReader(stream, new SheetParser(book), sheet.path);
  }

  get lastDeclaredRow(): number | undefined {
    return this.parser.lastDeclaredRow;
  }

  async next(): Promise<RawRow | undefined> {
    const { parser } = this;
    while (parser.ready.length === 0 && !this.ended) {
      try {
        await this.parseChunk();
      } catch (error) {
        this.failure = error;
        this.stop();
      }
    }
    const row = parser.ready.shift();
    if (!row && this.failure) throw this.failure;
    return row;
  }

  private async parseChunk(): Promise<void> {
    const chunk = await this.chunks.next();
    if (chunk.done) {
      this.ended = true;
      this.parser.feed.close();
    } else {
      this.parser.feed.write(chunk.value);
      if (this.parser.finished) this.stop();
    }
  }

  /** Stops inflating: the rest of the sheet is not read. */
  stop(): void {
    this.ended = true;
    this.stream.destroy();
  }
}

/* ---------------------------------------------------------------------------------------------
 * The table
 * ------------------------------------------------------------------------------------------- */

/** A named column of the header: its name and where it is (A = 0). */
interface HeaderColumn {
  index: number;
  name: string;
}

/**
 * The named columns of row 1, by the rules every reader shares (names trimmed, none twice, an
 * unnamed column kept only to check that it stays empty). A sheet whose first row with values
 * comes after row 1 has an empty header, as has an empty sheet.
 */
function headerOf(first: RawRow | undefined): HeaderColumn[] {
  const width = first?.row === 1 ? Math.max(...first.cells.keys()) + 1 : 0;
  const cells = Array.from({ length: width }, (_, index) => headerText(first?.cells.get(index) ?? null));
  return headerColumns(cells).flatMap((name, index) => (name ? [{ index, name }] : []));
}

function headerText(value: CellValue): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value.date;
  return String(value ?? '');
}

function sourceRow(raw: RawRow, header: HeaderColumn[], named: Set<number>): SourceRow {
  for (const index of raw.cells.keys()) {
    if (!named.has(index)) {
      const column = spreadsheetColumn(index);
      throw new ImportFileError(`Cell ${column}${raw.row} holds a value, but its column has no name in row 1.`, { row: raw.row, column });
    }
  }
  // fromEntries defines own properties, so a column named "__proto__" is a column like any other.
  return { row: raw.row, cells: Object.fromEntries(header.map(({ index, name }) => [name, raw.cells.get(index) ?? null])) };
}

async function* dataRows(reader: SheetReader, header: HeaderColumn[]): AsyncGenerator<SourceRow> {
  const named = new Set(header.map(({ index }) => index));
  let count = 0;
  try {
    for (let raw = await reader.next(); raw; raw = await reader.next()) {
      if (++count > READ_LIMITS.maxRows) {
        throw new ImportFileError(`The sheet has more than ${READ_LIMITS.maxRows.toLocaleString('en')} rows.`, { row: raw.row });
      }
      yield sourceRow(raw, header, named);
    }
  } catch (error) {
    throw withColumnName(error, header);
  } finally {
    reader.stop();
  }
}

/**
 * A cell's error names its column by letters: the sheet is parsed a chunk ahead, before the
 * header is known. Where the column has a name, `where` gives it, as the other readers do.
 */
function withColumnName(error: unknown, header: HeaderColumn[]): unknown {
  if (!(error instanceof ImportFileError) || !error.where.column) return error;
  const index = columnIndex(error.where.column);
  const name = header.find((column) => column.index === index)?.name;
  return name ? new ImportFileError(error.message, { ...error.where, column: name }, error.status) : error;
}

/** The sheet to read: the one named, else the only one; a workbook of several must say which. */
function chooseSheet(sheets: SheetEntry[], requested: string | undefined): SheetEntry {
  const listed = sheets.filter((sheet) => sheet.listed);
  const names = listed.map((sheet) => sheet.name).join(', ');
  const wanted = requested?.trim();
  if (wanted) {
    // Hidden sheets can be chosen by name; sheet names are unique regardless of case, as in Excel.
    const found =
      sheets.find((sheet) => sheet.name === wanted) ?? sheets.find((sheet) => sheet.name.toLowerCase() === wanted.toLowerCase());
    if (found) return found;
    throw new ImportFileError(`The workbook has no sheet named "${wanted}"; its sheets are: ${names}.`, { parameter: 'sheet' });
  }
  if (listed.length === 0) throw new ImportFileError('The workbook has no worksheet.');
  if (listed.length > 1)
    throw new ImportFileError(`The workbook has ${listed.length} sheets (${names}): choose one with sheet=<name>.`, {
      parameter: 'sheet',
    });
  return listed[0];
}

async function readBook(archive: Archive, date1904: boolean, rels: Map<string, Relationship>): Promise<Book> {
  const strings = await readSharedStrings(archive, partOfType(rels, 'sharedStrings', 'xl/sharedStrings.xml'));
  const dateStyles = await readDateStyles(archive, partOfType(rels, 'styles', 'xl/styles.xml'));
  return { strings, dateStyles, date1904 };
}

/** Opens the workbook file on disk (the upload has been spooled to a temp file) and returns its table. */
export async function openXlsx(file: string, options: { sheet?: string }): Promise<XlsxTable> {
  const archive = await openArchive(file);
  let reader: SheetReader | undefined;
  try {
    const { sheets, date1904, rels } = await readSheets(archive);
    const sheet = chooseSheet(sheets, options.sheet);
    const book = await readBook(archive, date1904, rels);
    reader = await SheetReader.open(archive, sheet, book);
    const header = headerOf(await reader.next());
    const last = reader.lastDeclaredRow;
    const opened = reader;
    return {
      unit: 'row',
      columns: header.map(({ name }) => name),
      rows: dataRows(opened, header),
      sheets: sheets.filter((entry) => entry.listed).map((entry) => entry.name),
      totalRows: last === undefined ? undefined : Math.max(last - 1, 0),
      close: async () => {
        opened.stop();
        await closeArchive(archive);
      },
    };
  } catch (error) {
    reader?.stop();
    await closeArchive(archive);
    throw error;
  }
}

/* ---------------------------------------------------------------------------------------------
 * Messages
 * ------------------------------------------------------------------------------------------- */

function damaged(detail: string): ImportFileError {
  return new ImportFileError(`The XLSX file is damaged: ${detail}.`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function formatMiB(bytes: number): string {
  return bytes >= 1024 * MiB ? `${+(bytes / (1024 * MiB)).toFixed(1)} GiB` : `${+(bytes / MiB).toFixed(1)} MiB`;
}
