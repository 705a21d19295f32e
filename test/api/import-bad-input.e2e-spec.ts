import { deflateRawSync } from 'node:zlib';
import { databaseChecksum } from '../support/database-checksum';
import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Files an import must refuse, each with a clear 4xx that names the row and column (or the
 * body), never a 500, and nothing written: the bad-input contract of the other routes, for a
 * route whose body is a file. And what it must read although it looks odd.
 */
let t: TestApp;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await createTestApp({ imports: { bodyLimitBytes: 4 * 1024 * 1024, waitMs: 600_000 } });
  await factories(t).actor({ name: 'Sergey Lavrov' });
});
afterAll(() => t.close());

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const upload = (body: string | Buffer, type = 'text/csv', query = '') =>
  t
    .as('editor')
    .post(`/api/imports${query ? `?${query}` : ''}`)
    .set('Content-Type', type)
    .send(body);

/** Every table but auth_tokens, whose last use the request's authentication notes. */
async function dataChecksum() {
  const { auth_tokens: _tokens, ...tables } = await databaseChecksum(t.databaseUrl);
  return tables;
}

/** A zip archive of the given entries (deflated), as a workbook would be, built by hand. */
function zip(entries: Record<string, Buffer>): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, fileName, packed);
    centrals.push(central, fileName);
    offset += header.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const refusals: [string, () => string | Buffer, string, number, string, RegExp][] = [
  ['an empty file', () => '', 'text/csv', 400, 'body', /^The file is empty/],
  ['a header only', () => csv('date,speaker,headline'), 'text/csv', 400, 'body', /a header but no rows/],
  [
    'Latin-1 without a charset',
    () => Buffer.from('date,speaker,headline\r\n2019,Sergey Lavrov,Caf\xe9\r\n', 'latin1'),
    'text/csv',
    415,
    'body',
    /is not UTF-8 text/,
  ],
  [
    'UTF-16 without a byte order mark',
    () => Buffer.from('date,speaker,headline\r\n', 'utf16le'),
    'text/csv',
    415,
    'body',
    /NUL characters/,
  ],
  ['an unknown charset', () => csv('date'), 'text/csv; charset=klingon', 415, 'body', /charset "klingon"/],
  [
    'unbalanced quotes',
    () => csv('date,speaker,headline', '2019,Sergey Lavrov,"never closed'),
    'text/csv',
    400,
    'body',
    /a quote \(“?"\)? is not closed|quote .* is not closed/,
  ],
  [
    'a header of a million columns',
    () => `${'a,'.repeat(999_999)}a\r\n`,
    'text/csv',
    400,
    'body',
    /The header has 1000000 columns; at most 500/,
  ],
  [
    'a row of a million cells',
    () => csv('date,speaker,headline', ','.repeat(999_999)),
    'text/csv',
    400,
    'body',
    /Row 2 has 1000000 cells, the header 3/,
  ],
  [
    'a cell of 2 MB',
    () => csv('date,speaker,headline', `2019,Sergey Lavrov,${'x'.repeat(2_000_000)}`),
    'text/csv',
    400,
    'headline',
    /Row 2, column headline holds more than 1000000 characters/,
  ],
  [
    'an unknown column',
    () => csv('date,speaker,headline,mood', '2019,Sergey Lavrov,Moody,happy'),
    'text/csv',
    400,
    'mood',
    /Column "mood" is not one an import reads\. Known columns: id, key, date,/,
  ],
  ['a text file sent as a workbook', () => csv('date,speaker,headline', '2019,Sergey Lavrov,x'), XLSX, 415, 'body', /not an XLSX workbook/],
  ['a zip that is no workbook', () => zip({ 'hello.txt': Buffer.from('hello') }), XLSX, 415, 'body', /no xl\/workbook\.xml/],
  [
    'a zip bomb',
    () => zip({ '[Content_Types].xml': Buffer.from('<x/>'), 'xl/workbook.xml': Buffer.alloc(50 * 1024 * 1024, 0x20) }),
    XLSX,
    400,
    'body',
    /zip bomb/,
  ],
  ['a JSON object instead of an array', () => '{"date":"2019"}', 'application/json', 400, 'body', /must be a JSON array of statements/],
  [
    'a JSON nesting bomb',
    () => `[${'['.repeat(100_000)}${']'.repeat(100_000)}]`,
    'application/json',
    400,
    'body',
    /nested more than 3 levels deep/,
  ],
  [
    'an NDJSON line that is no object',
    () => '{"date":"2019","speaker":"Sergey Lavrov","headline":"a"}\n[1,2]\n',
    'application/x-ndjson',
    400,
    'body',
    /Line 2 must be a JSON object/,
  ],
  [
    'an NDJSON key given twice',
    () => '{"date":"2019","date":"2020"}\n',
    'application/x-ndjson',
    400,
    'body',
    /Line 1: date is given twice/,
  ],
  ['a form instead of a file', () => 'date=2019', 'application/x-www-form-urlencoded', 415, 'body', /An import takes text\/csv/],
  [
    'a file over IMPORT_BODY_LIMIT_MB',
    () => csv('date,speaker,headline', ...Array.from({ length: 50_000 }, () => `2019,Sergey Lavrov,${'a long headline '.repeat(6)}`)),
    'text/csv',
    413,
    'body',
    /larger than the import limit of 4 MB/,
  ],
];

describe('files an import refuses', () => {
  it.each(refusals)('%s: %s, %i naming %s, nothing written', async (_what, body, type, status, key, message) => {
    const before = await dataChecksum();
    const res = await upload(body(), type);
    expect({ status: res.status, errors: Object.keys(res.body.errors ?? {}) }).toEqual({ status, errors: [key] });
    expect(res.body.message).toMatch(message);
    expect(await dataChecksum()).toEqual(before);
  });

  it('refuses two columns that mean one, naming the second', async () => {
    const res = await upload(csv('speaker,Speaker name', 'a,b'), 'text/csv', 'map%5BSpeaker%20name%5D=speaker');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({ 'Speaker name': expect.stringMatching(/both mean speaker/) });
  });

  it('refuses a sheet= for a file that is no workbook, naming the parameter', async () => {
    const res = await upload(csv('date,speaker,headline', '2019,Sergey Lavrov,a'), 'text/csv', 'sheet=Coding');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({ sheet: 'sheet= names a sheet of a workbook; this file is not one.' });
  });

  it('refuses options it does not know, and mappings to no column', async () => {
    const unknown = await upload(csv('date'), 'text/csv', 'dryrun=true');
    expect(unknown.body.errors).toEqual({ dryrun: expect.stringContaining('is not an option of an import') });
    const mapped = await upload(csv('date'), 'text/csv', 'map%5Bdate%5D=when');
    expect(mapped.status).toBe(400);
    expect(mapped.body.message).toMatch(/map\[date\]=when: "when" is not a column an import reads/);
    expect((await upload(csv('date'), 'text/csv', 'createMissing=stances')).body.errors.createMissing).toMatch(/actors, topics, sources/);
  });

  it('refuses a day-first-or-month-first date on its row and column, and suggests both', async () => {
    const res = await upload(
      csv('date,speaker,headline', '03/04/2019,Sergey Lavrov,Ambiguous', '14/03/2019,Sergey Lavrov,Day first'),
      'text/csv',
      'dryRun=true',
    );
    expect(res.body.rows.map((r: { errors: object }) => r.errors)).toEqual([
      { date: expect.stringMatching(/Write 2019-04-03 \(day first\) or 2019-03-04 \(month first\)\.$/) },
      { date: expect.stringMatching(/Write it as 2019-03-14\.$/) },
    ]);
  });
});

describe('files an import reads', () => {
  const read = async (body: string | Buffer, type = 'text/csv') => {
    const res = await upload(body, type, 'dryRun=true');
    expect({
      status: res.status,
      failed: res.body.counts?.failed,
      rows: res.body.rows?.map((r: { errors?: object }) => r.errors),
    }).toMatchObject({
      status: 201,
      failed: 0,
    });
    return res.body;
  };

  it('UTF-8 with a byte order mark, UTF-16 with one, and Latin-1 that says so', async () => {
    const text = 'date,speaker,headline\r\n2019,Sergey Lavrov,Café «Лавров»\r\n';
    await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    await read(Buffer.from('date,speaker,headline\r\n2019,Sergey Lavrov,Caf\xe9\r\n', 'latin1'), 'text/csv; charset=iso-8859-1');
  });

  it('semicolon- and tab-separated files, NDJSON and a JSON array', async () => {
    await read('date;speaker;headline\n2019;Sergey Lavrov;Semicolons, with a comma\n');
    await read('date\tspeaker\theadline\n2019\tSergey Lavrov\tTabs\n', 'text/tab-separated-values');
    await read(
      '{"date":"2019","speaker":"Sergey Lavrov","headline":"One"}\n\n{"date":"2019","speaker":"Sergey Lavrov","headline":"Two","topics":[]}\n',
      'application/x-ndjson',
    );
    await read('[{"date":"2019","speaker":"Sergey Lavrov","headline":"An \\"item\\", with ] and ,"}]', 'application/json');
  });

  it('a CSV export’s neutralised formula cells, without the apostrophe the export added', async () => {
    const formulas = ['=1+2', '+7 495 000', '-2 degrees', '@SUM(A1)', '＝1+1'];
    const file = csv(
      'key,date,speaker,headline',
      ...formulas.map((f, i) => `formula-${i},2019,Sergey Lavrov,'${f}`),
      `formula-x,2019,Sergey Lavrov,'plain apostrophe`,
    );
    const res = await upload(file, 'text/csv');
    expect(res.status).toBe(201);
    const headlines = await t.dataSource.query("SELECT headline FROM statements WHERE key LIKE 'formula-%' ORDER BY key");
    expect(headlines.map((r: { headline: string }) => r.headline)).toEqual([...formulas, "'plain apostrophe"]);
    // And they make the same round trip again: exported with the mark, imported without it, unchanged.
    // The only statements of this database: every other upload here is refused or a dry run.
    const exported = await t.http().get('/api/statements/export?format=csv&columns=key,date,speaker,headline').buffer(true);
    expect(exported.text).toContain("'=1+2");
    const again = await upload(exported.text, 'text/csv');
    expect({ status: again.status, counts: again.body.counts }).toEqual({
      status: 201,
      counts: { created: 0, updated: 0, unchanged: 6, failed: 0 },
    });
  });

  it('an export’s derived columns, which it ignores', async () => {
    await read(
      csv(
        'date,date_start,date_end,display_date,speaker,speaker_native_name,headline,stance_score,created_at',
        '2019,2019-01-01,2019-12-31,2019,Sergey Lavrov,,Derived,,2019-01-01T00:00:00.000Z',
      ),
    );
  });
});
