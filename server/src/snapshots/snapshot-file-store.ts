import { createHash, Hash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { ClientBase } from 'pg';
import { SnapshotFileName } from './snapshot.entity';

const gzipped = promisify(gzip);

/** Text gathered before it is compressed and stored as one chunk (one gzip member). */
const CHUNK_TEXT_BYTES = 1024 * 1024;

export interface FrozenFile {
  format: SnapshotFileName;
  sha256: string;
  bytes: number;
  storedBytes: number;
}

/**
 * Writes one frozen file of a snapshot into snapshot_chunks as it is produced: text is hashed
 * and counted as it comes, and stored in gzip members of about 1 MB of text each, so memory
 * stays flat whatever the size. A part that can only be written at the end but must come first
 * (a header naming the hash) goes in with `prepend`, as chunk 0.
 */
export class FrozenFileWriter {
  private readonly hash: Hash = createHash('sha256');
  private pending: string[] = [];
  private pendingBytes = 0;
  private seq = 1;
  private bytes = 0;
  private storedBytes = 0;
  private prefix: string | undefined;

  private constructor(
    private readonly client: ClientBase,
    private readonly snapshotId: number,
    readonly format: SnapshotFileName,
  ) {}

  /** Starts the file: its row now (the chunks refer to it), its hash and sizes at `finish`. */
  static async open(client: ClientBase, snapshotId: number, format: SnapshotFileName): Promise<FrozenFileWriter> {
    await client.query("INSERT INTO snapshot_files (snapshot_id, format, sha256, bytes, stored_bytes) VALUES ($1, $2, '', 0, 0)", [
      snapshotId,
      format,
    ]);
    return new FrozenFileWriter(client, snapshotId, format);
  }

  /**
   * Adds text at the end; stores a chunk when enough has gathered, and only then answers a
   * promise to wait for (a freeze writes millions of short texts: most return at once).
   */
  write(text: string): Promise<void> | undefined {
    if (!text) return undefined;
    if (this.prefix !== undefined) throw new Error('a file with a prefix is hashed at its end: write the prefix last');
    this.pending.push(text);
    // UTF-16 length: a cheap bound for when to store; the stored size is counted in bytes.
    this.pendingBytes += text.length;
    return this.pendingBytes >= CHUNK_TEXT_BYTES ? this.flush() : undefined;
  }

  /** Sets the text before everything written (once, after the rest). */
  prepend(text: string): void {
    this.prefix = text;
  }

  /** Stores what is left and the file's row; answers its hash and sizes. */
  async finish(): Promise<FrozenFile> {
    await this.flush();
    let sha256: string;
    if (this.prefix !== undefined) {
      // The hash covers the file as served: the prefix first. Re-hashing needs the body again,
      // so a file with a prefix is kept small enough to hash twice (the Markdown report is).
      sha256 = await this.hashWithPrefix(this.prefix);
      await this.store(0, Buffer.from(this.prefix));
    } else {
      sha256 = this.hash.digest('hex');
    }
    const file: FrozenFile = { format: this.format, sha256, bytes: this.bytes, storedBytes: this.storedBytes };
    await this.client.query('UPDATE snapshot_files SET sha256 = $3, bytes = $4, stored_bytes = $5 WHERE snapshot_id = $1 AND format = $2', [
      this.snapshotId,
      this.format,
      file.sha256,
      file.bytes,
      file.storedBytes,
    ]);
    return file;
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const text = Buffer.from(this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
    this.hash.update(text);
    await this.store(this.seq++, text);
  }

  /** Stores one chunk: `text` encoded once, hashed by the caller, gzipped here. */
  private async store(seq: number, text: Buffer): Promise<void> {
    const data = await gzipped(text);
    this.bytes += text.length;
    this.storedBytes += data.length;
    await this.client.query('INSERT INTO snapshot_chunks (snapshot_id, format, seq, data) VALUES ($1, $2, $3, $4)', [
      this.snapshotId,
      this.format,
      seq,
      data,
    ]);
  }

  private async hashWithPrefix(prefix: string): Promise<string> {
    const hash = createHash('sha256').update(prefix);
    for await (const text of readChunkTexts(this.client, this.snapshotId, this.format, 1)) hash.update(text);
    return hash.digest('hex');
  }
}

/** A stored file's chunks from `fromSeq` on, decompressed, in order (small files only: each chunk is read at once). */
async function* readChunkTexts(client: ClientBase, snapshotId: number, format: SnapshotFileName, fromSeq: number): AsyncGenerator<string> {
  let seq = fromSeq;
  for (;;) {
    const { rows } = await client.query<{ data: Buffer }>(
      'SELECT data FROM snapshot_chunks WHERE snapshot_id = $1 AND format = $2 AND seq = $3',
      [snapshotId, format, seq++],
    );
    if (!rows.length) return;
    yield gunzipSync(rows[0].data).toString();
  }
}
