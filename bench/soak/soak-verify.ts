import type { SoakClient } from './soak-http';
import { LedgerEntry, recordDifferences, WriteLedger } from './soak-ledger';
import type { Verification } from './soak-types';

/** Ids per many-request (`GET /api/statements?id=…`): well under the server's 1,000 values and its URL limits. */
const MANY_CHUNK = 200;
const MISMATCHES_KEPT = 20;

/**
 * After the load: every statement the soak created is read back, three ways, and must be as
 * its last acknowledged write left it:
 *  1. one by one — a live record answers 200 with the acknowledged version (also as ETag) and
 *     content, a trashed one 404 saying it is in the trash;
 *  2. in many-requests (`?id=…&id=…`) — exactly the live ones come back, identical;
 *  3. in the NDJSON export of the soak's own speakers — exactly the live ones, nothing else.
 */
export async function verifyLedger(
  client: SoakClient,
  ledger: WriteLedger,
  soakSpeakerIds: number[],
  concurrency: number,
): Promise<Verification> {
  const started = performance.now();
  const entries = [...ledger.entries.values()];
  const live = entries.filter((e) => e.state === 'live');
  const result: Verification = {
    records: entries.length,
    live: live.length,
    trashed: entries.length - live.length,
    acknowledgedWrites: entries.reduce((sum, e) => sum + e.writes, 0),
    readById: 0,
    readInList: 0,
    readInExport: 0,
    mismatches: 0,
    mismatchSamples: [],
    seconds: 0,
  };
  const mismatch = (message: string) => {
    result.mismatches++;
    if (result.mismatchSamples.length < MISMATCHES_KEPT) result.mismatchSamples.push(message);
  };
  const get = async (path: string) => {
    try {
      return await client.request('GET', path);
    } catch (error) {
      mismatch(`GET ${path}: no answer (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    }
  };

  // 1. One by one, `concurrency` at a time.
  let next = 0;
  const readOne = async (entry: LedgerEntry) => {
    const answer = await get(`/api/statements/${entry.id}`);
    if (!answer) return;
    if (entry.state === 'trashed') {
      if (answer.status === 404 && /in the trash/.test(answer.body)) result.readById++;
      else mismatch(`statement ${entry.id} was moved to the trash, but GET answers ${answer.status}: ${answer.body.slice(0, 200)}`);
      return;
    }
    if (answer.status !== 200)
      return mismatch(`statement ${entry.id} (version ${entry.version}) answers ${answer.status}: ${answer.body.slice(0, 200)}`);
    const differences = recordDifferences(entry, JSON.parse(answer.body) as Record<string, unknown>);
    if (answer.headers.etag !== `"${entry.version}"`) differences.push(`ETag ${answer.headers.etag}, expected "${entry.version}"`);
    if (differences.length) mismatch(`statement ${entry.id}: ${differences.join('; ')}`);
    else result.readById++;
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < entries.length) await readOne(entries[next++]);
    }),
  );

  // 2. Many at a time: the trashed ones must not come back.
  for (let i = 0; i < entries.length; i += MANY_CHUNK) {
    const chunk = entries.slice(i, i + MANY_CHUNK);
    const path = `/api/statements?${chunk.map((e) => `id=${e.id}`).join('&')}&_start=0&_end=${chunk.length}&_sort=id&_order=ASC`;
    const answer = await get(path);
    if (!answer) continue;
    if (answer.status !== 200) {
      mismatch(`GET /api/statements?id=… (${chunk.length} ids) answers ${answer.status}: ${answer.body.slice(0, 200)}`);
      continue;
    }
    const rows = new Map((JSON.parse(answer.body) as Record<string, unknown>[]).map((row) => [row.id as number, row]));
    for (const entry of chunk) {
      const row = rows.get(entry.id);
      if (entry.state === 'trashed') {
        if (row) mismatch(`statement ${entry.id} is in the trash but is listed`);
      } else if (!row) {
        mismatch(`statement ${entry.id} (live, version ${entry.version}) is missing from the list`);
      } else {
        const differences = recordDifferences(entry, row);
        if (differences.length) mismatch(`statement ${entry.id} as listed: ${differences.join('; ')}`);
        else result.readInList++;
      }
    }
  }

  // 3. The export of the soak's speakers holds exactly the live records.
  const exportPath = `/api/statements/export?format=ndjson&${soakSpeakerIds.map((id) => `speakerId=${id}`).join('&')}`;
  const exported = await get(exportPath);
  if (exported?.status !== 200) {
    if (exported) mismatch(`GET ${exportPath} answers ${exported.status}`);
  } else {
    const rows = new Map<number, Record<string, unknown>>();
    for (const line of exported.body.split('\n').filter(Boolean)) {
      const row = JSON.parse(line) as Record<string, unknown>;
      rows.set(row.id as number, row);
    }
    for (const entry of entries) {
      const row = rows.get(entry.id);
      rows.delete(entry.id);
      if (entry.state === 'trashed') {
        if (row) mismatch(`statement ${entry.id} is in the trash but exported`);
      } else if (!row) {
        mismatch(`statement ${entry.id} (live) is missing from the export`);
      } else if (row.headline !== entry.content.headline || row.date !== entry.content.date) {
        mismatch(
          `statement ${entry.id} exported as ${JSON.stringify([row.date, row.headline])}, acknowledged ${JSON.stringify([entry.content.date, entry.content.headline])}`,
        );
      } else {
        result.readInExport++;
      }
    }
    // Left over: records of the soak's speakers that no acknowledged write explains.
    for (const id of rows.keys()) mismatch(`statement ${id} was exported but never acknowledged`);
  }

  result.seconds = (performance.now() - started) / 1000;
  return result;
}
