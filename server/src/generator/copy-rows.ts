import { Writable } from 'node:stream';
import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value in COPY's text format: \N for NULL, backslash escapes for the separators. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return copyValue(`{${value.map((v) => `"${String(v).replace(/(["\\])/g, '\\$1')}"`).join(',')}}`);
  const text = String(value);
  return COPY_SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]) : text;
}

const BUFFER_LIMIT = 1 << 16;

/**
 * Writes rows into a table with `COPY … FROM STDIN`, waiting for the socket to drain so that
 * memory stays flat however many rows come. Rows are arrays in `columns` order.
 */
export class CopyWriter {
  private buffer = '';
  private constructor(private readonly stream: Writable) {}

  static async open(client: PoolClient, table: string, columns: string[]): Promise<CopyWriter> {
    const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    return new CopyWriter(stream);
  }

  /** Queues a row; true when the buffer is full and the caller should `await flush()`. */
  write(row: unknown[]): boolean {
    let line = copyValue(row[0]);
    for (let i = 1; i < row.length; i++) line += `\t${copyValue(row[i])}`;
    this.buffer += `${line}\n`;
    return this.buffer.length > BUFFER_LIMIT;
  }

  /** Hands the buffered rows to the connection, waiting while it is backed up. */
  async flush(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.buffer) await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
