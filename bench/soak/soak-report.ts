import type { LoadSummary, Verification } from './soak-types';
import type { Check, SoakFigures } from './soak-verdict';

const n = (value: number) => Math.round(value).toLocaleString('en');
const ms = (value: number) => (value < 10 ? value.toFixed(1) : String(Math.round(value)));
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

/** Per request kind: count, rate, latency percentiles, statuses. */
export function requestTable(load: LoadSummary): string {
  const lines = [
    row(['requests', 'count', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'statuses']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---']),
  ];
  for (const [kind, k] of Object.entries(load.byKind)) {
    const statuses = Object.entries(k.statuses)
      .map(([status, count]) => `${status}: ${n(count)}`)
      .join(', ');
    lines.push(row([kind, n(k.requests), (k.requests / load.seconds).toFixed(1), ms(k.p50Ms), ms(k.p99Ms), ms(k.maxMs), statuses]));
  }
  lines.push(
    row([
      '**all**',
      n(load.requests),
      load.requestsPerSecond.toFixed(1),
      '',
      '',
      '',
      `5xx: ${load.fiveXx}, network errors: ${load.networkErrors}, unexpected: ${load.unexpected}`,
    ]),
  );
  return lines.join('\n');
}

/** Resources of the server process and the database, and the writes read back. */
export function figuresTable(f: SoakFigures, v: Verification): string {
  return [
    row(['figure', 'value']),
    row(['---', '---']),
    row([
      'server RSS',
      `idle ${f.rss.idleMb} MB; after warm-up ${f.rss.startMb} → end ${f.rss.endMb} MB (medians of ${f.rss.windowSeconds} s); max ${f.rss.maxMb} MB`,
    ]),
    row([
      'RSS trend',
      `${f.rss.growthMb >= 0 ? '+' : ''}${f.rss.growthMb} MB, slope ${f.rss.slopeMbPerMin} MB/min over ${f.rss.measuredSeconds} s`,
    ]),
    row([
      'file descriptors',
      `idle ${f.fds.idle}; max ${f.fds.max}; after warm-up ${f.fds.start} → end ${f.fds.end}; after the load ${f.fds.after ?? '—'}`,
    ]),
    row(['sockets', `idle ${f.sockets.idle}; max ${f.sockets.max}`]),
    row(['DB sessions (chronicle)', `max ${f.db.max} (max ${f.db.maxActive} active) of a pool of ${f.db.poolSize}`]),
    row(['CPU under load (medians)', `server ${f.cpu.serverPercent}%, load process ${f.cpu.driverPercent}% of one core`]),
    row([
      'writes read back',
      `${n(v.records)} statements created, ${n(v.acknowledgedWrites)} acknowledged writes; ${n(v.live)} live, ${n(v.trashed)} in the trash; ` +
        `${n(v.readById)} by id, ${n(v.readInList)} listed, ${n(v.readInExport)} exported as acknowledged; ${v.mismatches} mismatches (${v.seconds.toFixed(1)} s)`,
    ]),
  ].join('\n');
}

export function checksTable(checks: Check[]): string {
  return [
    row(['check', 'measured', 'bound', '']),
    row(['---', '---', '---', '---']),
    ...checks.map((c) => row([c.name, c.value, c.bound, c.judged ? (c.ok ? '✓' : '✗ FAILED') : 'not judged'])),
  ].join('\n');
}

/** The problems the driver and the verification kept, for a failed run. */
export function problems(load: LoadSummary, v: Verification): string[] {
  return [
    ...load.samples.unexpected.map((s) => `status: ${s}`),
    ...load.samples.networkErrors.map((s) => `network: ${s}`),
    ...load.samples.violations.map((s) => `violation: ${s}`),
    ...v.mismatchSamples.map((s) => `read back: ${s}`),
  ];
}
