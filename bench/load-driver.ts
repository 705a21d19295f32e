/**
 * The load generator, in a process of its own (`child_process.fork` of this file) so that
 * autocannon never shares an event loop — or a CPU budget it can hide in — with the
 * benchmark's bookkeeping. It takes one job per IPC message, drives the target with
 * autocannon for the job's duration at its concurrency, and answers with the numbers the
 * benchmark keeps. Warm-ups are jobs of their own (the benchmark waits for the database to
 * go quiet between them: autocannon abandons the requests still in flight when it stops).
 */
import autocannon from 'autocannon';

export interface LoadJob {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  connections: number;
  durationSeconds: number;
  /** When set, request i goes to `template` with `{}` replaced by values[i mod n] (path only). */
  vary?: { template: string; values: (string | number)[] };
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  durationSeconds: number;
}

export async function drive(job: LoadJob): Promise<LoadResult> {
  let next = 0;
  const vary = job.vary;
  const result = await autocannon({
    url: job.url,
    method: job.method,
    headers: job.headers,
    body: job.body,
    connections: job.connections,
    duration: job.durationSeconds,
    // A response later than this counts as an error; slow scenarios (a deep page under 16
    // connections) legitimately take tens of seconds, and the server's own statement_timeout
    // (30 s by default) is what should cut them off, not the load generator.
    timeout: 120,
    // autocannon stops at its next sample: sample every 100 ms so short runs last what they say.
    sampleInt: 100,
    ...(vary
      ? {
          requests: [
            {
              setupRequest: (request) => {
                request.path = vary.template.replace('{}', String(vary.values[next++ % vary.values.length]));
                return request;
              },
            },
          ],
        }
      : {}),
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]));
  return {
    requests: result['2xx'],
    requestsPerSecond: result['2xx'] / result.duration,
    latencyMs: {
      mean: result.latency.mean,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    durationSeconds: result.duration,
  };
}

export type DriverReply = { ok: true; result: LoadResult } | { ok: false; error: string };

if (require.main === module && process.send) {
  process.on('message', (job: LoadJob) => {
    drive(job).then(
      (result) => process.send!({ ok: true, result } satisfies DriverReply),
      (error: unknown) =>
        process.send!({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies DriverReply),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
