import { createHash, Hash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { ClientBase } from 'pg';
import { SnapshotFileName } from './snapshot.entity';

const gzipped = promisify(gzip);

/** Text gathered before it is compressed and stored as one chunk (one gzip member). */
const CHUNK_TEXT_BYTES = 1024 * 1024;
/** A chunk's buffer: its text and room for the longest short text that may end it. */
const CHUNK_BUFFER_BYTES = CHUNK_TEXT_BYTES + 256 * 1024;
/** Chunks of one file gzipped and inserted at once, beyond which a write waits. */
const MAX_CHUNKS_UNDER_WAY = 2;

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
  /** The chunk being filled: text is encoded into it as it comes (no joined string, no second copy). */
  private buffer = Buffer.allocUnsafe(CHUNK_BUFFER_BYTES);
  private used = 0;
  private seq = 1;
  private bytes = 0;
  private storedBytes = 0;
  private prefix: string | undefined;
  /** Chunks being gzipped and inserted while the next one fills, oldest first. */
  private readonly storing: Promise<void>[] = [];
  private failure: Error | undefined;

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
   * Adds text at the end. A full chunk is hashed and handed to gzip and PostgreSQL while the
   * next one fills; only when too many are under way does this answer a promise to wait for
   * (a freeze writes millions of short texts: nearly all return at once).
   */
  write(text: string | Buffer): Promise<void> | undefined {
    if (!text.length) return undefined;
    if (this.prefix !== undefined) throw new Error('a file with a prefix is hashed at its end: write the prefix last');
    if (this.failure) throw this.failure;
    // Bytes (a serializer's output) are copied as they are; a UTF-16 code unit takes at most 3
    // bytes in UTF-8. Room for the worst case, or a new chunk.
    const room = typeof text === 'string' ? text.length * 3 : text.length;
    if (this.used + room > this.buffer.length) {
      this.endChunk();
      if (room > this.buffer.length) this.buffer = Buffer.allocUnsafe(room);
    }
    this.used += typeof text === 'string' ? this.buffer.write(text, this.used) : text.copy(this.buffer, this.used);
    if (this.used >= CHUNK_TEXT_BYTES) this.endChunk();
    return this.storing.length > MAX_CHUNKS_UNDER_WAY ? this.storing[0] : undefined;
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

  /** Hashes the chunk filled so far and starts storing it; the next one fills a new buffer. */
  private endChunk(): void {
    if (!this.used) return;
    const text = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(CHUNK_BUFFER_BYTES);
    this.used = 0;
    this.hash.update(text);
    const done = () => {
      void this.storing.splice(this.storing.indexOf(stored), 1);
    };
    // A failure is kept for the next write or finish to throw: none goes unhandled or unseen.
    const stored: Promise<void> = this.store(this.seq++, text).then(done, (error: Error) => {
      done();
      this.failure ??= error;
    });
    this.storing.push(stored);
  }

  /** Stores what has been written and waits for every chunk under way. */
  private async flush(): Promise<void> {
    this.endChunk();
    while (this.storing.length) await this.storing[0];
    if (this.failure) throw this.failure;
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
