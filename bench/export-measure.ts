import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';

/** One timed export: through the server (with its peak RSS) or through psql (the baseline). */
export interface ExportMeasurement {
  format: string;
  rows: number;
  bytes: number;
  firstByteMs: number;
  totalMs: number;
  peakRssMb?: number;
  rssGrowthMb?: number;
}

const mb = (kb: number) => kb / 1024;

/** VmRSS (now) or VmHWM (peak since start, or since the last `clear_refs`) of a process, in MB. */
export async function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  return mb(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(await readFile(`/proc/${pid}/status`, 'utf8'))![1]));
}

/** Reads a response to its end, counting bytes and line feeds, and timing the first byte. */
async function drain(response: Response, started: number) {
  let firstByteMs = 0;
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (!bytes) firstByteMs = performance.now() - started;
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { firstByteMs, bytes, lines, totalMs: performance.now() - started };
}

/**
 * Times one export request (`path` is `/api/statements/export?format=…&…`): first byte and
 * total as the client sees them, and the server's peak resident set during the export,
 * read from /proc after resetting the peak (`clear_refs` 5) to the size before it.
 * A small export of the same format runs first so the code path is warm.
 */
export async function timeExport(
  base: string,
  path: string,
  format: string,
  pid: number,
  headers: Record<string, string> = {},
): Promise<ExportMeasurement> {
  const warm = await fetch(`${base}/api/statements/export?format=${format}&date_lte=1995-01-31`, { headers });
  await warm.arrayBuffer();
  if (!warm.ok) throw new Error(`export warm-up answered ${warm.status}`);
  const before = await procStatus(pid, 'VmRSS');
  await writeFile(`/proc/${pid}/clear_refs`, '5');
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  const { firstByteMs, bytes, lines, totalMs } = await drain(response, started);
  const peak = await procStatus(pid, 'VmHWM');
  return { format, rows: format === 'ndjson' ? lines : NaN, bytes, firstByteMs, totalMs, peakRssMb: peak, rssGrowthMb: peak - before };
}

/** The baseline: the same SELECT through `psql -c "\copy (…) to stdout csv header"`. */
export function timePsqlCopy(url: string, sql: string): Promise<ExportMeasurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const psql = spawn('psql', [url, '-X', '-q', '-c', `\\copy (${sql.replace(/\s+/g, ' ')}) to stdout csv header`]);
    let firstByteMs = 0;
    let bytes = 0;
    let errors = '';
    psql.stdout.on('data', (chunk: Buffer) => {
      if (!bytes) firstByteMs = performance.now() - started;
      bytes += chunk.length;
    });
    psql.stderr.on('data', (chunk) => (errors += chunk));
    psql.on('error', (error) => reject(new Error(`psql could not run (${error.message}); install the PostgreSQL client`)));
    psql.on('exit', (code) =>
      code === 0
        ? resolve({ format: 'psql \\copy csv (baseline)', rows: NaN, bytes, firstByteMs, totalMs: performance.now() - started })
        : reject(new Error(`psql failed: ${errors}`)),
    );
  });
}

/** Whether a `psql` client is on the PATH (the export baselines need one). */
export function havePsql(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('psql', ['--version'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}
