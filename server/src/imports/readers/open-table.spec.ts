import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { MediaType, openTable } from './open-table';

/**
 * A table closed before its rows are all read (an import refusing its header, a caller that
 * stops early) lets go of the file and raises nothing afterwards: an error event nobody
 * listens to would crash the server (it once failed a test run, as "Premature close").
 */
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'chronicle-open-table-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

/** Errors the process saw with no handler while `body` ran, and for a few turns after it. */
async function uncaughtDuring(body: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const onError = (error: Error) => seen.push(error.message);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  try {
    await body();
    for (let turn = 0; turn < 50; turn++) await nextTurn();
  } finally {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  }
  return seen;
}

const FORMATS: [string, MediaType, (i: number) => string, string][] = [
  [
    'CSV',
    { format: 'csv' },
    (i) => `row-${i},2019-01-${String((i % 28) + 1).padStart(2, '0')},Taro Kono,Headline ${i}`,
    'key,date,speaker,headline',
  ],
  ['NDJSON', { format: 'ndjson' }, (i) => JSON.stringify({ key: `row-${i}`, headline: `Headline ${i}` }), ''],
];

describe.each(FORMATS)('a %s table closed early', (_name, media, line, header) => {
  let file: string;
  beforeAll(async () => {
    // Several read chunks (64 KiB each), so the file is still being read when the table is closed.
    const lines = Array.from({ length: 20_000 }, (_, i) => line(i));
    file = path.join(directory, `big.${media.format}`);
    await writeFile(file, `${header ? `${header}\n` : ''}${lines.join('\n')}\n`);
  });

  it('is closed before any row is read, quietly', async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      expect(
        await uncaughtDuring(async () => {
          const table = await openTable(file, media, {});
          await table.close();
        }),
      ).toEqual([]);
    }
  });

  it('is closed after a few rows, quietly', async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      expect(
        await uncaughtDuring(async () => {
          const table = await openTable(file, media, {});
          let read = 0;
          for await (const _row of table.rows) if (++read === 3 + attempt) break;
          await table.close();
        }),
      ).toEqual([]);
    }
  });
});
