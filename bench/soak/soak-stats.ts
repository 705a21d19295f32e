import type { HttpAnswer, RequestOptions, SoakClient } from './soak-http';
import type { KindFigures, LoadSummary, Totals } from './soak-types';

/** The p-th percentile (0–100) of sorted values, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Problems kept word for word per category; beyond this only their number. */
const SAMPLES_KEPT = 20;

/**
 * Every request of the load goes through `send`, which records its latency and status under
 * a label and classifies the answer: a status the request expects, a 5xx, another
 * unexpected status, or no answer at all (a network error).
 */
export class LoadStats {
  readonly totals: Totals = { requests: 0, fiveXx: 0, networkErrors: 0, unexpected: 0, violations: 0 };
  private readonly latencies = new Map<string, number[]>();
  private readonly statuses = new Map<string, Record<string, number>>();
  private readonly operations: Record<string, number> = {};
  private readonly samples = { networkErrors: [] as string[], unexpected: [] as string[], violations: [] as string[] };

  constructor(private readonly client: SoakClient) {}

  /** Sends one request; resolves to its answer, or undefined when none came (counted as a network error). */
  async send(
    label: string,
    method: string,
    path: string,
    expected: readonly number[],
    options?: RequestOptions,
  ): Promise<HttpAnswer | undefined> {
    const started = performance.now();
    let answer: HttpAnswer;
    try {
      answer = await this.client.request(method, path, options);
    } catch (error) {
      this.totals.requests++;
      this.totals.networkErrors++;
      this.count(label, 'network error', performance.now() - started);
      this.keep('networkErrors', `${label}: ${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    this.totals.requests++;
    this.count(label, String(answer.status), answer.ms);
    if (answer.status >= 500) {
      this.totals.fiveXx++;
      this.keep('unexpected', `${label}: ${method} ${path} → ${answer.status} ${answer.body.slice(0, 300)}`);
    } else if (!expected.includes(answer.status)) {
      this.totals.unexpected++;
      this.keep(
        'unexpected',
        `${label}: ${method} ${path} → ${answer.status} (expected ${expected.join(' or ')}) ${answer.body.slice(0, 300)}`,
      );
    }
    return answer;
  }

  /** A well-formed answer that contradicts what was acknowledged before (see Totals.violations). */
  violation(message: string): void {
    this.totals.violations++;
    this.keep('violations', message);
  }

  operationRan(kind: string): void {
    this.operations[kind] = (this.operations[kind] ?? 0) + 1;
  }

  summary(seconds: number): LoadSummary {
    const byKind: Record<string, KindFigures> = {};
    for (const [label, values] of [...this.latencies].sort(([a], [b]) => a.localeCompare(b))) {
      const sorted = [...values].sort((a, b) => a - b);
      byKind[label] = {
        requests: values.length,
        statuses: this.statuses.get(label)!,
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        maxMs: sorted[sorted.length - 1],
        meanMs: values.reduce((sum, v) => sum + v, 0) / values.length,
      };
    }
    return {
      ...this.totals,
      seconds,
      requestsPerSecond: this.totals.requests / seconds,
      byKind,
      operations: { ...this.operations },
      samples: this.samples,
    };
  }

  private count(label: string, status: string, ms: number): void {
    let latencies = this.latencies.get(label);
    if (!latencies) this.latencies.set(label, (latencies = []));
    latencies.push(ms);
    let statuses = this.statuses.get(label);
    if (!statuses) this.statuses.set(label, (statuses = {}));
    statuses[status] = (statuses[status] ?? 0) + 1;
  }

  private keep(kind: keyof LoadStats['samples'], message: string): void {
    if (this.samples[kind].length < SAMPLES_KEPT) this.samples[kind].push(message);
  }
}
