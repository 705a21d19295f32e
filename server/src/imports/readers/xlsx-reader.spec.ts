import { execFile } from 'node:child_process';
import { mkdtemp, open, readdir, readlink, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { crc32, createDeflateRaw } from 'node:zlib';
import { spreadsheetColumn } from './header';
import { CellValue, ImportFileError, READ_LIMITS, SourceRow } from './source-rows';
import { formatKind, openXlsx } from './xlsx-reader';

/*
 * Every fixture is made here, in a temporary folder: real workbooks by LibreOffice from CSV (and
 * one flat ODS for several sheets), hostile ones by a small zip writer that streams its entries
 * and can lie about their sizes.
 */

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xlsx-reader-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/* ---------------------------------------------------------------------------------------------
 * Fixture makers
 * ------------------------------------------------------------------------------------------- */

const run = promisify(execFile);

/** Converts files with a LibreOffice of our own profile (a shared one is locked by any other soffice running). */
async function soffice(format: string, files: Record<string, string>, infilter?: string): Promise<string> {
  const out = await mkdtemp(join(dir, 'lo-'));
  const inputs = await Promise.all(
    Object.entries(files).map(async ([name, text]) => {
      const path = join(out, name);
      await writeFile(path, text);
      return path;
    }),
  );
  const args = [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless'];
  if (infilter) args.push(`--infilter=${infilter}`);
  await run('soffice', [...args, '--convert-to', format, '--outdir', out, ...inputs], { timeout: 120_000 });
  return out;
}

const ENCRYPTED = 'The file is encrypted or an old .xls file; save it as .xlsx without a password.';

/** CSV in UTF-8, comma-separated, double quotes, from line 1. */
const CSV_UTF8 = 'CSV:44,34,76,1';

interface ZipPart {
  name: string;
  /** The part's bytes; an iterable is streamed through deflate, never held whole. */
  data: string | Buffer | Iterable<string>;
  /** The uncompressed size to declare, when the test wants the zip to lie. */
  declaredSize?: number;
  stored?: boolean;
  flags?: number;
}

/** A minimal zip writer: local headers are written after each entry, once its CRC and sizes are known. */
async function writeZip(file: string, parts: ZipPart[]): Promise<void> {
  const out = await open(file, 'w');
  const central: Buffer[] = [];
  let offset = 0;
  try {
    for (const part of parts) {
      const name = Buffer.from(part.name);
      const headerAt = offset;
      offset += 30 + name.length;
      let crc = 0;
      let size = 0;
      let compressedSize = 0;
      const chunks = typeof part.data === 'string' || Buffer.isBuffer(part.data) ? [part.data] : part.data;
      const source = Readable.from(
        (function* () {
          for (const chunk of chunks) {
            const bytes = Buffer.from(chunk);
            crc = crc32(bytes, crc);
            size += bytes.length;
            yield bytes;
          }
        })(),
      );
      for await (const chunk of part.stored ? source : source.pipe(createDeflateRaw())) {
        const bytes = chunk as Buffer;
        await out.write(bytes, 0, bytes.length, offset);
        offset += bytes.length;
        compressedSize += bytes.length;
      }
      const fields = {
        flags: 0x0800 | (part.flags ?? 0),
        method: part.stored ? 0 : 8,
        crc,
        compressedSize,
        size: part.declaredSize ?? size,
      };
      const local = Buffer.concat([fileHeader(0x04034b50, fields, name.length), name]);
      await out.write(local, 0, local.length, headerAt);
      central.push(Buffer.concat([centralHeader(fields, name.length, headerAt), name]));
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(parts.length, 8);
    end.writeUInt16LE(parts.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    const tail = Buffer.concat([directory, end]);
    await out.write(tail, 0, tail.length, offset);
  } finally {
    await out.close();
  }
}

interface HeaderFields {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
}

function fileHeader(signature: number, fields: HeaderFields, nameLength: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(signature, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(fields.flags, 6);
  header.writeUInt16LE(fields.method, 8);
  header.writeUInt16LE(0x21, 12); // 1980-01-01
  header.writeUInt32LE(fields.crc, 14);
  header.writeUInt32LE(fields.compressedSize, 18);
  header.writeUInt32LE(fields.size, 22);
  header.writeUInt16LE(nameLength, 26);
  return header;
}

function centralHeader(fields: HeaderFields, nameLength: number, localOffset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  fileHeader(0, fields, nameLength).copy(header, 8, 6, 30);
  header.writeUInt32LE(localOffset, 42);
  return header;
}

const MAIN_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface SheetSpec {
  name: string;
  /** The worksheet's XML, or its rows (the <sheetData> content) to wrap in one. */
  xml?: string | Iterable<string>;
  rows?: string;
  hidden?: boolean;
  declaredSize?: number;
  /** Stored without compression: a long run of one pattern would otherwise look like a zip bomb. */
  stored?: boolean;
}

interface BookSpec {
  sheets: SheetSpec[];
  strings?: string[];
  /** The <si> elements, when a test needs rich text. */
  sharedStringsXml?: string;
  /** The number formats of the cell styles s=0, 1, …: a built-in id, or a custom format code. */
  styles?: (number | string)[];
  date1904?: boolean;
  extraParts?: ZipPart[];
}

/** The parts of a workbook as Excel lays them out, around sheets the test writes. */
function workbookParts(book: BookSpec): ZipPart[] {
  const sheets = book.sheets.map(
    (sheet, i) => `<sheet name="${sheet.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${sheet.hidden ? ' state="hidden"' : ''}/>`,
  );
  const rels = book.sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rIdS" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/>`);
  rels.push(`<Relationship Id="rIdT" Type="${REL_TYPE}/styles" Target="/xl/styles.xml"/>`);
  const strings = book.sharedStringsXml ?? (book.strings ?? []).map((text) => `<si><t>${escapeXml(text)}</t></si>`).join('');
  return [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook ${MAIN_NS} ${REL_NS}><workbookPr date1904="${book.date1904 ? 1 : 0}"/><sheets>${sheets.join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    },
    { name: 'xl/sharedStrings.xml', data: `<sst ${MAIN_NS}>${strings}</sst>` },
    { name: 'xl/styles.xml', data: stylesXml(book.styles ?? [0]) },
    ...book.sheets.map((sheet, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: sheet.xml ?? worksheet(sheet.rows ?? ''),
      declaredSize: sheet.declaredSize,
      stored: sheet.stored,
    })),
    ...(book.extraParts ?? []),
  ];
}

function stylesXml(formats: (number | string)[]): string {
  const custom = formats.flatMap((format, i) => (typeof format === 'string' ? [{ id: 164 + i, code: format }] : []));
  const numFmts = custom.map(({ id, code }) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('');
  const xfs = formats.map((format, i) => `<xf numFmtId="${typeof format === 'string' ? 164 + i : format}"/>`).join('');
  // Look-alikes the reader must not take for the cell styles: cellStyleXfs of date formats, and
  // conditional formats (dxfs) giving every custom format's id a date format of their own.
  const dxfs = custom.map(({ id }) => `<dxf><numFmt numFmtId="${id}" formatCode="yyyy"/></dxf>`).join('');
  return (
    `<styleSheet ${MAIN_NS}><numFmts>${numFmts}</numFmts><cellStyleXfs><xf numFmtId="14"/><xf numFmtId="14"/></cellStyleXfs>` +
    `<cellXfs>${xfs}</cellXfs><dxfs>${dxfs}</dxfs></styleSheet>`
  );
}

function worksheet(rows: string, dimension?: string): string {
  const dim = dimension ? `<dimension ref="${dimension}"/>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${MAIN_NS} ${REL_NS}>${dim}<sheetData>${rows}</sheetData></worksheet>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An inline-string cell. */
function str(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;
}

/** A number cell, of style s when given. */
function num(ref: string, value: number | string, style?: number): string {
  return `<c r="${ref}"${style === undefined ? '' : ` s="${style}"`}><v>${value}</v></c>`;
}

function row(r: number, ...cells: string[]): string {
  return `<row r="${r}">${cells.join('')}</row>`;
}

let fixtureCount = 0;

async function makeBook(book: BookSpec): Promise<string> {
  const file = join(dir, `book-${++fixtureCount}.xlsx`);
  await writeZip(file, workbookParts(book));
  return file;
}

/** A one-sheet workbook of these rows. */
function bookOf(rows: string, more: Omit<BookSpec, 'sheets'> = {}): Promise<string> {
  return makeBook({ sheets: [{ name: 'Sheet1', rows }], ...more });
}

/** The process's open descriptors on a file, from Linux's /proc (none found elsewhere): the reader must leave none. */
async function descriptorsOn(file: string): Promise<string[]> {
  const real = await realpath(file);
  const fds = await readdir('/proc/self/fd').catch(() => []);
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  return targets.filter((target) => target === real);
}

async function readAll(file: string, options: { sheet?: string } = {}) {
  const table = await openXlsx(file, options);
  try {
    const rows: SourceRow[] = [];
    for await (const item of table.rows) rows.push(item);
    return { columns: table.columns, rows, sheets: table.sheets, totalRows: table.totalRows, unit: table.unit };
  } finally {
    await table.close();
    expect(await descriptorsOn(file)).toEqual([]);
  }
}

/** The error reading the whole file gives; the file is closed after it, whether openXlsx or the rows threw. */
async function refusal(file: string, options: { sheet?: string } = {}): Promise<ImportFileError> {
  try {
    await readAll(file, options);
  } catch (error) {
    expect(await descriptorsOn(file)).toEqual([]);
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('the file was read without an error');
}

function cellsOf(rows: SourceRow[]): Record<string, CellValue>[] {
  return rows.map((item) => item.cells);
}

/* ---------------------------------------------------------------------------------------------
 * Workbooks made by LibreOffice
 * ------------------------------------------------------------------------------------------- */

describe('reading workbooks LibreOffice made', () => {
  let lo: string;
  let fromOds: string;

  beforeAll(async () => {
    const csv = {
      'people.csv': [
        'name, city ,count,note',
        '河野 太郎,東京,3,"said ""no"", then left"',
        ',,,',
        'Сергей Лавров,Москва,-12.5,"two',
        'lines"',
        'Nobody,,,',
      ].join('\n'),
      'dates.csv': 'day,when,at\n2019-01-14,2019-01-14 10:30,10:30\n2020-02-29,1999-12-31 23:59,23:59\n',
      'formulas.csv': 'sum,text,plain\n=1+2,="x"&"y",7\n',
      'errors.csv': 'a,b\n1,=1/0\n',
    };
    lo = await soffice('xlsx', csv, CSV_UTF8);
    // Several sheets need a format of several tables: a flat OpenDocument spreadsheet.
    const cell = (text: string) => `<table:table-cell office:value-type="string"><text:p>${text}</text:p></table:table-cell>`;
    const tableRow = (cells: string[]) => `<table:table-row>${cells.map(cell).join('')}</table:table-row>`;
    const table = (name: string, ...rows: string[][]) => `<table:table table:name="${name}">${rows.map(tableRow).join('')}</table:table>`;
    const fods =
      '<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
      'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet>' +
      table('Actors', ['name'], ['Taro Kono']) +
      table('Topics', ['title'], ['Sovereignty'], ['Trade']) +
      table('Notes', ['x']) +
      '</office:spreadsheet></office:body></office:document>';
    fromOds = await soffice('xlsx', { 'sheets.fods': fods });
  }, 180_000);

  it('reads text in any script, commas, quotes, line breaks, numbers and empty cells', async () => {
    const table = await readAll(join(lo, 'people.xlsx'));
    expect(table.unit).toBe('row');
    expect(table.columns).toEqual(['name', 'city', 'count', 'note']);
    expect(table.sheets).toEqual(['people']);
    expect(table.totalRows).toBe(4);
    // The empty CSV line is skipped, and the rows keep the numbers the spreadsheet shows.
    expect(table.rows.map((item) => item.row)).toEqual([2, 4, 5]);
    expect(cellsOf(table.rows)).toEqual([
      { name: '河野 太郎', city: '東京', count: 3, note: 'said "no", then left' },
      { name: 'Сергей Лавров', city: 'Москва', count: -12.5, note: 'two\nlines' },
      { name: 'Nobody', city: null, count: null, note: null },
    ]);
  });

  it('reads date cells as the calendar day, and a time of day as a number', async () => {
    const { rows } = await readAll(join(lo, 'dates.xlsx'));
    expect(cellsOf(rows)).toEqual([
      { day: { date: '2019-01-14' }, when: { date: '2019-01-14' }, at: 0.4375 },
      { day: { date: '2020-02-29' }, when: { date: '1999-12-31' }, at: expect.closeTo(23 / 24 + 59 / 1440, 9) },
    ]);
  });

  it('reads formulas through the values the file cached', async () => {
    const { rows } = await readAll(join(lo, 'formulas.xlsx'));
    expect(cellsOf(rows)).toEqual([{ sum: 3, text: 'xy', plain: 7 }]);
  });

  it('refuses a cell holding a spreadsheet error, naming it', async () => {
    const error = await refusal(join(lo, 'errors.xlsx'));
    expect(error.message).toBe('Cell B2 holds the spreadsheet error #DIV/0!.');
    expect(error.where).toEqual({ row: 2, column: 'b' });
    expect(error.status).toBe(400);
  });

  it('asks which sheet of several to read, and reads the one named', async () => {
    const file = join(fromOds, 'sheets.xlsx');
    const error = await refusal(file);
    expect(error.message).toBe('The workbook has 3 sheets (Actors, Topics, Notes): choose one with sheet=<name>.');
    const topics = await readAll(file, { sheet: 'Topics' });
    expect(topics.sheets).toEqual(['Actors', 'Topics', 'Notes']);
    expect(topics.columns).toEqual(['title']);
    expect(topics.rows).toEqual([
      { row: 2, cells: { title: 'Sovereignty' } },
      { row: 3, cells: { title: 'Trade' } },
    ]);
    expect((await refusal(file, { sheet: 'Stances' })).message).toBe(
      'The workbook has no sheet named "Stances"; its sheets are: Actors, Topics, Notes.',
    );
  });

  it('refuses an old .xls workbook with 415', async () => {
    const out = await soffice('xls', { 'old.csv': 'a,b\n1,2\n' }, CSV_UTF8);
    const error = await refusal(join(out, 'old.xls'));
    expect(error.status).toBe(415);
    expect(error.message).toBe(ENCRYPTED);
  }, 60_000);
});

/* ---------------------------------------------------------------------------------------------
 * Cells
 * ------------------------------------------------------------------------------------------- */

describe('reading cells', () => {
  it('reads shared strings (rich text runs, without phonetic guides), inline strings, booleans and ISO dates', async () => {
    const file = await bookOf(
      row(1, str('A1', 'text'), str('B1', 'rich'), str('C1', 'flag'), str('D1', 'day'), str('E1', 'escaped')) +
        row(
          2,
          '<c r="A2" t="s"><v>0</v></c>',
          '<c r="B2" t="s"><v>1</v></c>',
          '<c r="C2" t="b"><v>1</v></c>',
          '<c r="D2" t="d"><v>2019-01-14T00:00:00</v></c>',
          '<c r="E2" t="s"><v>2</v></c>',
        ) +
        row(3, str('A3', 'inline'), '<c r="C3" t="b"><v>0</v></c>'),
      {
        sharedStringsXml:
          '<si><t>plain &amp; simple</t></si>' +
          '<si><r><t>東京</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 都</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>' +
          '<si><t>line_x000D_break _x005F_x000D_</t></si>',
      },
    );
    const { rows } = await readAll(file);
    expect(cellsOf(rows)).toEqual([
      { text: 'plain & simple', rich: '東京 都', flag: true, day: { date: '2019-01-14' }, escaped: 'line\rbreak _x000D_' },
      { text: 'inline', rich: null, flag: false, day: null, escaped: null },
    ]);
  });

  it('reads numbers under date formats as days, in the 1900 system with its Lotus leap day', async () => {
    const styles = [0, 14, 'yyyy\\-mm\\-dd', '[$-409]d "de" mmmm;@', 'h:mm AM/PM', '[h]:mm:ss', 20, 22, '0.00 "d"'];
    const cells = (r: number, serial: number) => row(r, ...styles.map((_, s) => num(`${String.fromCharCode(65 + s)}${r}`, serial, s)));
    const header = row(1, ...styles.map((_, s) => str(`${String.fromCharCode(65 + s)}1`, `s${s}`)));
    const file = await bookOf(header + cells(2, 43479.75) + cells(3, 59) + cells(4, 61) + cells(5, 0.25), { styles });
    const { rows } = await readAll(file);
    const day = (date: string) => ({ date });
    expect(rows.map((item) => Object.values(item.cells))).toEqual([
      [43479.75, day('2019-01-14'), day('2019-01-14'), day('2019-01-14'), 43479.75, 43479.75, 43479.75, day('2019-01-14'), 43479.75],
      [59, day('1900-02-28'), day('1900-02-28'), day('1900-02-28'), 59, 59, 59, day('1900-02-28'), 59],
      [61, day('1900-03-01'), day('1900-03-01'), day('1900-03-01'), 61, 61, 61, day('1900-03-01'), 61],
      // Day 0 of the 1900 system is no day: under a date format it is a time of day.
      [0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25],
    ]);
    for (const serial of [60, -1, 1e300]) {
      const noDay = await bookOf(row(1, str('A1', 'd')) + row(2, num('A2', serial, 1)), { styles });
      expect((await refusal(noDay)).message).toBe(`Cell A2 holds the date serial ${serial}, which is no day of the spreadsheet calendar.`);
    }
  });

  it('reads date serials of the 1904 system', async () => {
    const file = await bookOf(row(1, str('A1', 'day')) + row(2, num('A2', 0, 1)) + row(3, num('A3', 42017, 1)), {
      styles: [0, 14],
      date1904: true,
    });
    expect(cellsOf((await readAll(file)).rows)).toEqual([{ day: { date: '1904-01-01' } }, { day: { date: '2019-01-14' } }]);
  });

  it('uses the cached value of a formula, never its formula', async () => {
    const file = await bookOf(
      row(1, str('A1', 'n'), str('B1', 't')) +
        row(2, '<c r="A2"><f>1+2</f><v>5</v></c>', '<c r="B2" t="str"><f>A2&amp;""</f><v>five</v></c>'),
    );
    expect(cellsOf((await readAll(file)).rows)).toEqual([{ n: 5, t: 'five' }]);
  });

  it('refuses a formula without a computed value', async () => {
    const file = await bookOf(row(1, str('D1', 'total')) + row(7, '<c r="D7"><f>SUM(A1:A6)</f></c>'));
    const error = await refusal(file);
    expect(error.message).toBe(
      'Cell D7 holds a formula without a computed value; open and save the file in a spreadsheet program, or paste values.',
    );
    expect(error.where).toEqual({ row: 7, column: 'total' });
  });

  it('gives null for missing cells, skips empty rows, and takes cells and rows without references in order', async () => {
    const file = await bookOf(
      `<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c>${str('C1', ' c ')}</row>` +
        row(2, num('B2', 1)) +
        row(3, '<c r="A3"/>', '<c r="B3" t="s"/>') +
        `<row>${num('C4', 4)}</row><row spans="1:3"><c><v>5</v></c><c/><c><v>6</v></c></row>`,
    );
    const table = await readAll(file);
    expect(table.columns).toEqual(['a', 'b', 'c']);
    expect(table.totalRows).toBeUndefined();
    expect(table.rows).toEqual([
      { row: 2, cells: { a: null, b: 1, c: null } },
      { row: 4, cells: { a: null, b: null, c: 4 } },
      { row: 5, cells: { a: 5, b: null, c: 6 } },
    ]);
  });

  it('takes the row count from the dimension, less the header', async () => {
    const file = await makeBook({ sheets: [{ name: 'S', xml: worksheet(row(1, str('A1', 'a')) + row(2, num('A2', 1)), 'A1:C41') }] });
    expect((await readAll(file)).totalRows).toBe(40);
  });

  it('ignores an unnamed column while it is empty, and refuses a value under it', async () => {
    const ok = await bookOf(row(1, str('A1', 'a'), str('B1', '  '), str('C1', 'c')) + row(2, num('A2', 1), num('C2', 3)));
    expect((await readAll(ok)).rows).toEqual([{ row: 2, cells: { a: 1, c: 3 } }]);
    const bad = await bookOf(row(1, str('A1', 'a'), str('C1', 'c')) + row(2, num('A2', 1)) + row(3, num('B3', 2)));
    const error = await refusal(bad);
    expect(error.message).toBe('Cell B3 holds a value, but its column has no name in row 1.');
    expect(error.where).toEqual({ row: 3, column: 'B' });
  });

  it('refuses a header naming a column twice, or a sheet whose row 1 is empty', async () => {
    const twice = await bookOf(row(1, str('A1', 'name'), str('B1', 'name ')));
    expect((await refusal(twice)).message).toBe('The header names column "name" twice (A and B).');
    const late = await bookOf(row(3, str('A3', 'name')));
    expect((await refusal(late)).message).toBe('The header row (row 1) is empty.');
  });

  it('reads a column named like an Object.prototype member as a column', async () => {
    const file = await bookOf(row(1, str('A1', '__proto__'), str('B1', 'constructor')) + row(2, num('A2', 1), num('B2', 2)));
    const [first] = (await readAll(file)).rows;
    expect(Object.keys(first.cells)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(first.cells)).toBe(Object.prototype);
  });

  it('lists only visible worksheets, and reads a hidden one when named', async () => {
    const file = await makeBook({
      sheets: [
        { name: 'Data', rows: row(1, str('A1', 'a')) + row(2, num('A2', 1)) },
        { name: 'Lists', rows: row(1, str('A1', 'b')) + row(2, num('A2', 2)), hidden: true },
      ],
    });
    const data = await readAll(file);
    expect(data.sheets).toEqual(['Data']);
    expect(cellsOf(data.rows)).toEqual([{ a: 1 }]);
    expect(cellsOf((await readAll(file, { sheet: 'lists' })).rows)).toEqual([{ b: 2 }]);
  });
});

describe('telling number formats apart', () => {
  it.each([
    ['yyyy-mm-dd', 'date'],
    ['d/m/yy h:mm', 'date'],
    ['mmm', 'date'],
    ['[$-F800]dddd\\, mmmm dd\\, yyyy', 'date'],
    ['h:mm:ss AM/PM', 'time'],
    ['[h]:mm', 'time'],
    ['mm:ss.0', 'time'],
    ['General', 'number'],
    ['0.00E+00', 'number'],
    ['#,##0 "days";[Red]-#,##0 "days"', 'number'],
    ['0 \\d', 'number'],
    ['[Color10]0.00', 'number'],
    ['_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)', 'number'],
  ])('%s is a %s format', (code, kind) => {
    expect(formatKind(code)).toBe(kind);
  });
});

/* ---------------------------------------------------------------------------------------------
 * Hostile files
 * ------------------------------------------------------------------------------------------- */

describe('refusing files that are not workbooks, or are built to harm', () => {
  const header = row(1, str('A1', 'a'));

  it('refuses a file that is not a zip with 415', async () => {
    const file = join(dir, 'renamed.xlsx');
    await writeFile(file, 'name,city\nTaro,Tokyo\n');
    const error = await refusal(file);
    expect([error.status, error.message]).toEqual([415, 'The file is not an XLSX workbook (not a zip archive).']);
    await writeFile(file, '');
    expect((await refusal(file)).status).toBe(415);
  });

  it('refuses an encrypted workbook (an OLE compound file) with 415', async () => {
    const file = join(dir, 'encrypted.xlsx');
    await writeFile(file, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]));
    const error = await refusal(file);
    expect([error.status, error.message]).toEqual([415, ENCRYPTED]);
  });

  it('refuses a zip whose parts are encrypted with 415', async () => {
    const parts = workbookParts({ sheets: [{ name: 'S', rows: header }] }).map((part) => ({ ...part, flags: 1 }));
    const file = join(dir, 'zip-crypto.xlsx');
    await writeZip(file, parts);
    const error = await refusal(file);
    expect([error.status, error.message]).toEqual([415, ENCRYPTED]);
  });

  it('refuses a zip that is not a workbook with 415', async () => {
    const file = join(dir, 'not-a-workbook.xlsx');
    await writeZip(file, [{ name: 'word/document.xml', data: '<document/>' }]);
    const error = await refusal(file);
    expect([error.status, error.message]).toEqual([415, 'The file is a zip archive but not an XLSX workbook (it has no xl/workbook.xml).']);
  });

  it('refuses a truncated zip as damaged', async () => {
    const file = join(dir, 'truncated.xlsx');
    await writeZip(file, [{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
    const handle = await open(file, 'r+');
    await handle.truncate(40);
    await handle.close();
    expect((await refusal(file)).message).toMatch(/^The XLSX file is damaged: its zip directory cannot be read/);
  });

  it('refuses a part declaring more than 1 GiB before inflating it', async () => {
    const file = await makeBook({ sheets: [{ name: 'S', rows: header, declaredSize: 1.5 * 1024 ** 3 }] });
    const error = await refusal(file);
    expect(error.message).toBe(
      "The workbook's part xl/worksheets/sheet1.xml would inflate to 1.5 GiB, over the 1 GiB allowed: the file is refused as a possible zip bomb.",
    );
    expect(error.status).toBe(400);
  });

  it('refuses shared strings declaring more than 256 MiB', async () => {
    const parts = workbookParts({ sheets: [{ name: 'S', rows: header }] }).map((part) =>
      part.name === 'xl/sharedStrings.xml' ? { ...part, declaredSize: 300 * 1024 ** 2 } : part,
    );
    const file = join(dir, 'strings-bomb.xlsx');
    await writeZip(file, parts);
    expect((await refusal(file)).message).toMatch(
      /^The workbook's part xl\/sharedStrings.xml would inflate to 300 MiB, over the 256 MiB allowed/,
    );
  });

  it('refuses a part compressed more than 1000 to 1', async () => {
    const padding = ' '.repeat(16 * 1024 * 1024);
    const file = await makeBook({ sheets: [{ name: 'S', xml: [worksheet(header).replace('<sheetData>', padding + '<sheetData>')] }] });
    expect((await refusal(file)).message).toMatch(
      /^The workbook's part xl\/worksheets\/sheet1.xml is compressed \d+ to 1, more than any real spreadsheet/,
    );
  });

  it('stops inflating a part past the size its zip declares', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => row(i + 2, num(`A${i + 2}`, i))).join('');
    const file = await makeBook({ sheets: [{ name: 'S', rows: header + rows, declaredSize: 1000 }] });
    expect((await refusal(file)).message).toBe(
      "The workbook's part xl/worksheets/sheet1.xml inflates to more bytes than its zip declares: the file is damaged or a zip bomb.",
    );
  });

  it(`refuses more than ${READ_LIMITS.maxColumns} columns`, async () => {
    const cells = Array.from({ length: READ_LIMITS.maxColumns + 1 }, (_, i) => num(`${spreadsheetColumn(i)}1`, i));
    const error = await refusal(await bookOf(row(1, ...cells)));
    expect(error.message).toBe('Cell SG1 holds a value, but the sheet may have at most 500 columns.');
  });

  it(`refuses a cell of more than ${READ_LIMITS.maxCellChars} characters, inline or shared`, async () => {
    const long = 'x'.repeat(READ_LIMITS.maxCellChars + 1);
    const inline = await bookOf(header + row(2, str('A2', long)));
    expect((await refusal(inline)).message).toBe('Cell A2 holds more than 1,000,000 characters.');
    const shared = await bookOf(header + row(2, '<c r="A2" t="s"><v>0</v></c>'), { strings: [long] });
    expect((await refusal(shared)).message).toBe('Cell A2 holds more than 1,000,000 characters.');
  });

  it('refuses a row of more than 16 MiB of XML', async () => {
    const cells = '<c r="B2"/>'.repeat(Math.ceil(READ_LIMITS.maxRecordBytes / 11) + 1);
    const file = await makeBook({ sheets: [{ name: 'S', rows: header + `<row r="2">${cells}</row>`, stored: true }] });
    const error = await refusal(file);
    expect(error.message).toBe('Row 2 is over 16 MiB.');
  });

  it('refuses malformed XML, naming the row', async () => {
    const file = await bookOf(header + row(2, num('A2', 1)) + '<row r="3"><c r="A3"><v>1</c></row>');
    const error = await refusal(file);
    expect(error.message).toBe("The sheet's XML is malformed near row 3.");
    expect(error.where).toEqual({ row: 3 });
  });

  it('refuses XML with a DOCTYPE, so no entity can expand', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      `<sst ${MAIN_NS}><si><t>&lol2;</t></si></sst>`;
    const parts = workbookParts({ sheets: [{ name: 'S', rows: header }] }).map((part) =>
      part.name === 'xl/sharedStrings.xml' ? { ...part, data: laughs } : part,
    );
    const file = join(dir, 'laughs.xlsx');
    await writeZip(file, parts);
    expect((await refusal(file)).message).toBe('The workbook holds an XML part with a DOCTYPE, which no spreadsheet program writes.');
  });

  it(`refuses more than ${READ_LIMITS.maxRows.toLocaleString('en')} rows`, async () => {
    // Rows and cells without references keep the 26 MB sheet quick to write and parse.
    const rows = function* () {
      yield `<worksheet ${MAIN_NS}><sheetData><row><c t="inlineStr"><is><t>n</t></is></c></row>`;
      for (let i = 0; i <= READ_LIMITS.maxRows; i += 10_000) yield '<row><c><v>1</v></c></row>'.repeat(10_000);
      yield '</sheetData></worksheet>';
    };
    const file = await makeBook({ sheets: [{ name: 'S', xml: rows(), stored: true }] });
    const error = await refusal(file);
    expect(error.message).toBe('The sheet has more than 1,000,000 rows.');
    expect(error.where).toEqual({ row: READ_LIMITS.maxRows + 2 });
  }, 60_000);
});

/* ---------------------------------------------------------------------------------------------
 * Streaming
 * ------------------------------------------------------------------------------------------- */

describe('streaming a large sheet', () => {
  const ROWS = 100_000;

  /** The sheet's XML, generated in slices of 1,000 rows and deflated as it is written. */
  function* bigSheet(tail: string): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8"?><worksheet ${MAIN_NS}><dimension ref="A1:D${ROWS + 1}"/><sheetData>`;
    yield row(1, str('A1', 'id'), str('B1', 'name'), str('C1', 'score'), str('D1', 'day'));
    for (let start = 2; start <= ROWS + 1; start += 1000) {
      let slice = '';
      for (let r = start; r < start + 1000; r++) {
        slice += row(r, num(`A${r}`, r), `<c r="B${r}" t="s"><v>${r % 3}</v></c>`, num(`C${r}`, r / 7), num(`D${r}`, 43479 + (r % 365), 1));
      }
      yield slice;
    }
    yield tail;
  }

  it(`reads ${ROWS.toLocaleString('en')} rows one at a time`, async () => {
    const file = await makeBook({
      sheets: [{ name: 'Big', xml: bigSheet('</sheetData></worksheet>') }],
      strings: ['Taro Kono', 'Сергей Лавров', 'Ана Брнабић'],
      styles: [0, 14],
    });
    const started = Date.now();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const table = await openXlsx(file, {});
    expect(table.columns).toEqual(['id', 'name', 'score', 'day']);
    expect(table.totalRows).toBe(ROWS);
    let count = 0;
    let last: SourceRow | undefined;
    try {
      for await (const item of table.rows) {
        count++;
        last = item;
        if (count % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    } finally {
      await table.close();
    }
    const ms = Date.now() - started;
    expect(count).toBe(ROWS);
    expect(last).toEqual({
      row: ROWS + 1,
      cells: { id: ROWS + 1, name: 'Ана Брнабић', score: (ROWS + 1) / 7, day: { date: '2020-01-05' } },
    });
    // Without a forced GC the heap also holds garbage, so this bounds the reader only loosely; the next test shows the streaming.
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
    console.log(`xlsx-reader: ${ROWS} rows in ${ms} ms, heap growth ${Math.round((peak - before) / 1024 / 1024)} MB`);
  }, 60_000);

  it('hands out rows before the rest of the sheet is inflated', async () => {
    // The sheet's XML breaks after its last row: a reader that parsed the whole sheet first would fail before giving any row.
    const file = await makeBook({
      sheets: [{ name: 'Big', xml: bigSheet('<row><c><v>1</c>') }],
      strings: ['a', 'b', 'c'],
      styles: [0, 14],
    });
    const table = await openXlsx(file, {});
    const seen: number[] = [];
    const reading = (async () => {
      for await (const item of table.rows) seen.push(item.row);
    })();
    await expect(reading).rejects.toThrow("The sheet's XML is malformed near row");
    await table.close();
    expect(seen.length).toBe(ROWS);
    expect(seen[0]).toBe(2);
  }, 60_000);

  it('stops inflating when the caller stops reading, and closes the file', async () => {
    const file = await makeBook({
      sheets: [{ name: 'Big', xml: bigSheet('</sheetData></worksheet>') }],
      strings: ['a', 'b', 'c'],
      styles: [0, 14],
    });
    const table = await openXlsx(file, {});
    const first: SourceRow[] = [];
    for await (const item of table.rows) {
      first.push(item);
      if (first.length === 3) break;
    }
    expect(await descriptorsOn(file)).toHaveLength(1);
    await table.close();
    expect(await descriptorsOn(file)).toEqual([]);
    expect(first.map((item) => item.row)).toEqual([2, 3, 4]);
  });
});
