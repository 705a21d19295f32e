import * as http from 'node:http';
import type { Client } from 'pg';
import type { AddressInfo } from 'node:net';
import { SoakClient } from '../../bench/soak/soak-http';
import { contentDifferences, recordDifferences, StatementContent, WriteLedger } from '../../bench/soak/soak-ledger';
import { OPERATIONS } from '../../bench/soak/soak-operations';
import { Sample, Sampler } from '../../bench/soak/soak-sampler';
import { LoadStats } from '../../bench/soak/soak-stats';
import type { LoadSummary, Verification } from '../../bench/soak/soak-types';
import { judge, JudgeInput } from '../../bench/soak/soak-verdict';
import { verifyLedger } from '../../bench/soak/soak-verify';

/**
 * The soak (soak.e2e-spec.ts, `npm run soak`) can fail: its verdict on made-up runs with a
 * 5xx, a lost write, a leak, too many sessions; its request accounting and its read-back
 * against a stand-in API on loopback that answers a 500, loses an update, resurrects a
 * trashed record and exports a record nobody wrote.
 */
const OPERATION_NAMES = [...Object.keys(OPERATIONS), 'export-all'];
const content: StatementContent = {
  type: 'meeting',
  status: 'planned',
  date: '2019-06',
  headline: 'Summit',
  quote: null,
  quoteLanguage: null,
  summary: null,
  speakerId: 5,
  speakerTitle: null,
  participantIds: [7, 3],
  topicIds: [1],
  sourceIds: [],
  stanceId: null,
  respondsToId: 12,
  venue: null,
  location: null,
  reviewStatus: 'draft',
  notes: null,
};

const POOL = 10;
const CONNECTIONS = 8;

/** A clean run: flat RSS and descriptors, sessions within the pool, every write read back. */
function cleanRun(
  measuredSeconds = 200,
  change: { rss?: (t: number) => number; fds?: (t: number) => number; db?: number; fdsAfter?: number } = {},
): JudgeInput {
  const totals = { requests: 0, fiveXx: 0, networkErrors: 0, unexpected: 0, violations: 0 };
  const sample = (t: number, phase: Sample['phase']): Sample => ({
    t,
    phase,
    rssMb: change.rss?.(t) ?? 120 + (t % 7),
    fds: phase === 'idle' ? 24 : phase === 'after' ? (change.fdsAfter ?? 30) : (change.fds?.(t) ?? 40),
    sockets: 10,
    dbConnections: phase === 'idle' ? 1 : (change.db ?? POOL),
    dbActive: 2,
    cpuPercent: 70,
    driverCpuPercent: 30,
    totals,
  });
  const samples = [
    ...[-3, -2, -1].map((t) => sample(t, 'idle')),
    ...Array.from({ length: 10 }, (_, t) => sample(t, 'warm-up')),
    ...Array.from({ length: measuredSeconds }, (_, i) => sample(10 + i, 'measured')),
    sample(10 + measuredSeconds, 'verify'),
    sample(12 + measuredSeconds, 'after'),
  ];
  const load: LoadSummary = {
    ...totals,
    requests: 1000,
    seconds: 10 + measuredSeconds,
    requestsPerSecond: 1000 / (10 + measuredSeconds),
    byKind: {},
    operations: Object.fromEntries(OPERATION_NAMES.map((name) => [name, 5])),
    samples: { networkErrors: [], unexpected: [], violations: [] },
  };
  const verification: Verification = {
    records: 100,
    live: 90,
    trashed: 10,
    acknowledgedWrites: 250,
    readById: 100,
    readInList: 90,
    readInExport: 90,
    mismatches: 0,
    mismatchSamples: [],
    seconds: 1,
  };
  return {
    samples,
    load,
    verification,
    operations: OPERATION_NAMES,
    poolSize: POOL,
    connections: CONNECTIONS,
    serverAlive: true,
    healthAfter: 200,
  };
}

const failed = (input: JudgeInput) =>
  judge(input)
    .checks.filter((c) => !c.ok)
    .map((c) => c.name);

describe('the soak verdict', () => {
  it('passes a clean run, and judges the RSS slope only over 100 s of measured load or more', () => {
    expect(failed(cleanRun())).toEqual([]);
    expect(judge(cleanRun()).checks.find((c) => c.name === 'RSS slope after warm-up')!.judged).toBe(true);
    expect(judge(cleanRun(20)).checks.find((c) => c.name === 'RSS slope after warm-up')!.judged).toBe(false);
  });

  it('fails on a single 5xx, network error, unexpected status or inconsistent answer', () => {
    for (const [field, check] of [
      ['fiveXx', 'no 5xx'],
      ['networkErrors', 'no network errors'],
      ['unexpected', 'only expected statuses'],
      ['violations', 'consistent answers'],
    ] as const) {
      const run = cleanRun();
      run.load[field] = 1;
      expect(failed(run)).toEqual([check]);
    }
  });

  it('fails on a lost write, a write missing from the list or export, and on a run that wrote nothing', () => {
    const lost = cleanRun();
    lost.verification = { ...lost.verification, mismatches: 1, readById: 99 };
    expect(failed(lost)).toEqual(['every acknowledged write read back']);
    const unexported = cleanRun();
    unexported.verification = { ...unexported.verification, readInExport: 89 };
    expect(failed(unexported)).toEqual(['every acknowledged write read back']);
    const nothing = cleanRun();
    nothing.verification = { ...nothing.verification, records: 0, live: 0, trashed: 0, readById: 0, readInList: 0, readInExport: 0 };
    expect(failed(nothing)).toEqual(['every acknowledged write read back']);
  });

  it('fails on an operation that never ran', () => {
    const run = cleanRun();
    delete run.load.operations.restore;
    expect(failed(run)).toEqual(['every operation ran']);
  });

  it('fails on a leak: RSS climbing 3 MB a minute, or, in a short run, 2 MB a second', () => {
    expect(failed(cleanRun(200, { rss: (t) => 120 + (t / 60) * 3 }))).toEqual(['RSS slope after warm-up']);
    expect(failed(cleanRun(600, { rss: (t) => 120 + (t / 60) * 3 }))).toEqual(['RSS growth after warm-up', 'RSS slope after warm-up']);
    expect(failed(cleanRun(20, { rss: (t) => 120 + 2 * t }))).toEqual(['RSS growth after warm-up']);
  });

  it('fails on more database sessions than the pool, and on descriptors that grow or stay open', () => {
    expect(failed(cleanRun(200, { db: POOL + 1 }))).toEqual(['DB sessions within the pool']);
    expect(failed(cleanRun(200, { fds: (t) => 40 + Math.floor(t / 20) }))).toEqual(['descriptors not growing']);
    expect(failed(cleanRun(200, { fds: (t) => (t === 100 ? 24 + POOL + 2 * CONNECTIONS + 9 : 40) }))).toEqual(['descriptors bounded']);
    expect(failed(cleanRun(200, { fdsAfter: 24 + POOL + 1 }))).toEqual(['client sockets closed after']);
  });

  it('fails when the server died or is unhealthy at the end', () => {
    expect(failed({ ...cleanRun(), serverAlive: false })).toEqual(['server alive and healthy']);
    expect(failed({ ...cleanRun(), healthAfter: 503 })).toEqual(['server alive and healthy']);
  });
});

describe('the soak write ledger', () => {
  it('sees a stale version, a changed field and links out of order as differences', () => {
    const ledger = new WriteLedger();
    ledger.add(40, 1, content);
    const entry = ledger.claim('live')!;
    ledger.acknowledge(entry, 2, 'live', { ...content, headline: 'Summit, updated' });
    expect(recordDifferences(entry, { id: 40, version: 2, ...content, headline: 'Summit, updated' })).toEqual([]);
    expect(recordDifferences(entry, { id: 40, version: 1, ...content })).toEqual([
      'version: expected 2, got 1',
      'headline: expected "Summit, updated", got "Summit"',
    ]);
    expect(contentDifferences(content, { ...content, participantIds: [3, 7] })).toEqual(['participantIds: expected [7,3], got [3,7]']);
  });

  it('lends a record to one worker at a time, by state', () => {
    const ledger = new WriteLedger();
    ledger.add(1, 1, content);
    const held = ledger.claim('live')!;
    expect(ledger.claim('live')).toBeUndefined();
    ledger.acknowledge(held, 2, 'trashed');
    ledger.release(held);
    expect(ledger.claim('live')).toBeUndefined();
    expect(ledger.claim('trashed')).toBe(held);
    expect(() => ledger.add(1, 1, content)).toThrow(/two creates/);
  });
});

/** A stand-in for the API on loopback: statements by id and many by id, their NDJSON export, and a route that fails. */
async function standIn(records: Map<number, Record<string, unknown>>, trashed: Set<number>, exported: number[]) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url!, 'http://localhost');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    const one = /^\/api\/statements\/(\d+)$/.exec(url.pathname);
    const live = (id: number) => records.has(id) && !trashed.has(id);
    if (url.pathname === '/api/statements/export') {
      response.end(
        exported.map((id) => `${JSON.stringify({ id, date: records.get(id)?.date, headline: records.get(id)?.headline })}\n`).join(''),
      );
    } else if (one) {
      const id = Number(one[1]);
      if (live(id)) send(200, records.get(id), { etag: `"${String(records.get(id)!.version)}"` });
      else
        send(404, {
          message: trashed.has(id) ? `Statement ${id} is in the trash (an admin can restore it).` : `Statement ${id} not found`,
        });
    } else if (url.pathname === '/api/statements') {
      send(
        200,
        url.searchParams
          .getAll('id')
          .map(Number)
          .filter(live)
          .map((id) => records.get(id)),
      );
    } else if (url.pathname === '/boom') {
      send(500, { message: 'Internal server error' });
    } else {
      send(404, { message: 'no such route' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new SoakClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, {}, 4);
  return { client, close: () => (client.close(), new Promise((resolve) => server.close(resolve))) };
}

describe('the soak against a stand-in API', () => {
  // The ledger: 1 live at version 2, 2 live at version 3, 3 in the trash at version 2.
  const ledger = new WriteLedger();
  const acknowledged = {
    1: { version: 2, headline: 'one' },
    2: { version: 3, headline: 'two, updated' },
    3: { version: 2, headline: 'three' },
  };
  for (const [id, { version, headline }] of Object.entries(acknowledged)) {
    ledger.add(Number(id), 1, { ...content, headline });
    Object.assign(ledger.entries.get(Number(id))!, { version, state: id === '3' ? 'trashed' : 'live' });
  }
  const stored = (id: number, version: number, headline: string) => [id, { id, version, ...content, headline }] as const;

  it('reads back an API that kept every acknowledged write without a mismatch', async () => {
    const api = await standIn(new Map([stored(1, 2, 'one'), stored(2, 3, 'two, updated'), stored(3, 2, 'three')]), new Set([3]), [1, 2]);
    const result = await verifyLedger(api.client, ledger, [5], 2).finally(api.close);
    expect(result.mismatchSamples).toEqual([]);
    expect(result).toMatchObject({ records: 3, live: 2, trashed: 1, readById: 3, readInList: 2, readInExport: 2, mismatches: 0 });
  });

  it('finds a lost update, a trashed record come back, and an exported record nobody wrote', async () => {
    const api = await standIn(new Map([stored(1, 2, 'one'), stored(2, 2, 'two'), stored(3, 2, 'three')]), new Set(), [1, 2, 3, 99]);
    const result = await verifyLedger(api.client, ledger, [5], 2).finally(api.close);
    expect(result.mismatchSamples).toEqual(
      expect.arrayContaining([
        'statement 2: version: expected 3, got 2; headline: expected "two, updated", got "two"; ETag "2", expected "3"',
        expect.stringMatching(/^statement 3 was moved to the trash, but GET answers 200/),
        'statement 3 is in the trash but is listed',
        'statement 3 is in the trash but exported',
        'statement 99 was exported but never acknowledged',
      ]),
    );
    expect(result.readById).toBe(1);
  });

  it('counts a 500 as a 5xx, a status the request did not expect as unexpected, and no answer as a network error', async () => {
    const api = await standIn(new Map([stored(1, 2, 'one')]), new Set(), []);
    const stats = new LoadStats(api.client);
    await stats.send('probe', 'GET', '/api/statements/1', [200]);
    await stats.send('probe', 'GET', '/boom', [200]);
    await stats.send('probe', 'GET', '/api/statements/2', [200]);
    await api.close();
    await stats.send('probe', 'GET', '/api/statements/1', [200]);
    const summary = stats.summary(1);
    expect(summary).toMatchObject({ requests: 4, fiveXx: 1, unexpected: 1, networkErrors: 1, violations: 0 });
    expect(summary.byKind.probe.statuses).toEqual({ '200': 1, '500': 1, '404': 1, 'network error': 1 });
    expect(failed({ ...cleanRun(), load: { ...cleanRun().load, ...summary, operations: cleanRun().load.operations } })).toEqual([
      'no 5xx',
      'no network errors',
      'only expected statuses',
    ]);
  });
});

describe('the soak HTTP client', () => {
  it("drops an idle socket before the server's Keep-Alive timeout, never racing the server's close (ECONNRESET)", async () => {
    let connections = 0;
    const server = http.createServer((_request, response) => response.end('{}'));
    server.keepAliveTimeout = 2000; // announced as Keep-Alive: timeout=2
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = new SoakClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, {}, 2);
    try {
      await client.request('GET', '/');
      await client.request('GET', '/');
      expect(connections).toBe(1); // kept alive between requests
      await new Promise((resolve) => setTimeout(resolve, 1500)); // past the hint minus a second, before the server's 2 s
      await client.request('GET', '/');
      expect(connections).toBe(2);
    } finally {
      client.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the soak sampler', () => {
  it('samples every phase as it begins, however short, each with the phase it began in', async () => {
    // Each sample's database query takes 50 ms; the phases change faster than that, and far faster than the 1 s tick.
    let queries = 0;
    const db = {
      query: () => new Promise((resolve) => setTimeout(() => resolve({ rows: [{ total: ++queries, active: 0 }] }), 50)),
    } as unknown as Client;
    const sampler = new Sampler(process.pid, db, 'chronicle');
    sampler.start(60_000);
    for (const phase of ['warm-up', 'measured', 'verify', 'after'] as const) sampler.enter(phase);
    await sampler.stop();
    expect(sampler.samples.map((s) => s.phase)).toEqual(['idle', 'warm-up', 'measured', 'verify', 'after']);
    expect(sampler.samples.map((s) => s.dbConnections)).toEqual([1, 2, 3, 4, 5]);
  });
});
