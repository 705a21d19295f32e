import * as http from 'node:http';

/** A streamed response read at the test's pace: paused after its first chunk until told otherwise. */
export interface Download {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: () => number;
  /** Reads on at `bytesPerSecond` (unlimited when left out). */
  resume(bytesPerSecond?: number): void;
  /** Settles when the response ends: `complete` only when the whole message arrived. */
  finished: Promise<{ complete: boolean; body: Buffer }>;
}

/**
 * GET `url` and stop reading after the first chunk: with a large enough body the server's
 * socket fills and its stream waits on back-pressure, as behind a slow client.
 */
export function startDownload(url: string, headers: Record<string, string>, agent?: http.Agent): Promise<Download> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      let received = 0;
      let rate: number | undefined;
      let started = 0;
      const finished = new Promise<{ complete: boolean; body: Buffer }>((settle) => {
        response.on('close', () => settle({ complete: response.complete, body: Buffer.concat(chunks) }));
      });
      response.on('error', () => undefined); // an aborted body shows as complete: false
      response.on('data', (chunk: Buffer) => {
        if (!received) {
          response.pause();
          resolve({ status: response.statusCode!, headers: response.headers, bytes: () => received, resume, finished });
        }
        chunks.push(chunk);
        received += chunk.length;
        if (rate && received > ((Date.now() - started) / 1000) * rate) {
          response.pause();
          setTimeout(() => response.resume(), 20);
        }
      });
      function resume(bytesPerSecond?: number) {
        rate = bytesPerSecond;
        started = Date.now();
        response.resume();
      }
    });
    request.on('error', reject);
  });
}

const PARAGRAPH =
  'Transcript of the press conference, Moscow, January 14, 2019: the ministers discussed the peace treaty, ' +
  'the 1956 Joint Declaration and joint economic activities on the islands. ';

/** Statements with long quotes (transcripts of `quoteLength` characters), made through the API. */
export async function addTranscripts(
  base: string,
  token: string,
  options: { count: number; speakerId: number; date: string; quoteLength: number },
): Promise<void> {
  const quote = PARAGRAPH.repeat(Math.ceil(options.quoteLength / PARAGRAPH.length)).slice(0, options.quoteLength);
  const create = async (n: number) => {
    const response = await fetch(`${base}/api/statements`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ date: options.date, headline: `Transcript ${n}`, quote, speakerId: options.speakerId }),
    });
    if (response.status !== 201) throw new Error(`transcript ${n}: ${response.status} ${await response.text()}`);
  };
  for (let n = 0; n < options.count; n += 4) await Promise.all([0, 1, 2, 3].filter((i) => n + i < options.count).map((i) => create(n + i)));
}
