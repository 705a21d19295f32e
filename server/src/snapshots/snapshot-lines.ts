import { gunzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { SnapshotFileName } from './snapshot.entity';

/**
 * The lines of a frozen file, in order, read chunk by chunk (each chunk a gzip member of about
 * 1 MB of text): for a diff, which compares a snapshot's statements one batch at a time.
 */
export async function* snapshotLines(dataSource: DataSource, snapshotId: number, format: SnapshotFileName): AsyncGenerator<string> {
  let carry = '';
  for (let seq = 0; ; seq++) {
    const rows: { data: Buffer }[] = await dataSource.query(
      'SELECT data FROM snapshot_chunks WHERE snapshot_id = $1 AND format = $2 AND seq = $3',
      [snapshotId, format, seq],
    );
    if (!rows.length) {
      // Chunk 0 holds a prefix written last, and only some files have one: go on to chunk 1.
      if (seq === 0) continue;
      break;
    }
    const lines = (carry + gunzipSync(rows[0].data).toString()).split('\n');
    carry = lines.pop()!;
    yield* lines;
  }
  if (carry) yield carry;
}

/** A statement as a snapshot's NDJSON holds it: the export's columns (snake_case) and its reference ids. */
export type FrozenStatement = Record<string, unknown> & { id: number; headline: string; date: string };

/** The statement lines of a snapshot (the records they name follow them, and are skipped). */
export async function* frozenStatements(dataSource: DataSource, snapshotId: number): AsyncGenerator<FrozenStatement> {
  for await (const line of snapshotLines(dataSource, snapshotId, 'ndjson')) {
    const record = JSON.parse(line) as Record<string, unknown>;
    if (record.record !== 'statement') return;
    yield record as FrozenStatement;
  }
}
