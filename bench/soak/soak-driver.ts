/**
 * The soak's load, in a process of its own (`child_process.fork` of this file) so that the
 * sampler in the parent reads /proc and pg_stat_activity on time whatever the load does.
 * It takes one job, runs `connections` workers for its duration — each drawing operations by
 * weight (soak-operations.ts), one of them exporting everything every 10 s, and waiting for each answer before the next, so concurrency
 * stays fixed — lets the operations in flight finish (their writes must be in the ledger),
 * reports, then verifies every acknowledged write (soak-verify.ts) and reports again.
 */
import { SoakClient } from './soak-http';
import { WriteLedger } from './soak-ledger';
import { drawOperation, exportEverything, OperationContext, OPERATIONS } from './soak-operations';
import { LoadStats } from './soak-stats';
import type { DriverJob, DriverMessage } from './soak-types';
import { verifyLedger } from './soak-verify';

/** How often one of the workers exports everything instead of drawing an operation. */
export const EXPORT_ALL_EVERY_MS = 10_000;

const send = (message: DriverMessage) => process.send!(message);

export async function runJob(job: DriverJob): Promise<void> {
  // Two sockets per worker: a conflict operation sends two saves at once.
  const client = new SoakClient(job.base, job.headers, job.connections * 2);
  const stats = new LoadStats(client);
  const ledger = new WriteLedger();
  const context: OperationContext = { stats, ledger, parameters: job.parameters };
  const ticker = setInterval(() => send({ type: 'tick', totals: { ...stats.totals } }), 1000);
  const started = performance.now();
  const endAt = started + job.durationMs;

  let nextExportAll = started + EXPORT_ALL_EVERY_MS;
  const worker = async () => {
    while (performance.now() < endAt) {
      if (performance.now() >= nextExportAll) {
        nextExportAll += EXPORT_ALL_EVERY_MS;
        await exportEverything(context);
        stats.operationRan('export-all');
        continue;
      }
      const name = drawOperation();
      if (await OPERATIONS[name].run(context)) stats.operationRan(name);
    }
  };
  try {
    await Promise.all(Array.from({ length: job.connections }, worker));
  } finally {
    clearInterval(ticker);
  }
  send({ type: 'tick', totals: { ...stats.totals } });
  send({ type: 'loaded', summary: stats.summary((performance.now() - started) / 1000) });
  const verification = await verifyLedger(client, ledger, job.parameters.soakSpeakerIds, job.connections);
  send({ type: 'verified', verification });
  client.close();
}

if (require.main === module && process.send) {
  process.once('message', (job: DriverJob) => {
    runJob(job).catch((error: unknown) =>
      send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
