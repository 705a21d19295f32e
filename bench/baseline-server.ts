/**
 * The bare-`pg` baseline: a minimal `node:http` server that answers `/run/<scenario>` by
 * replaying the SQL the Chronicle server ran for that scenario (captured, see sql-plan.ts)
 * through a `pg.Pool` of the same size and settings, and sends the rows as JSON. No
 * framework, no validation, no authentication: what is left is the database's work plus
 * the least HTTP and JSON a server can do.
 *
 *   node bench/dist/bench/baseline-server.js <plans.json> <port>
 *   env: DATABASE_URL, BASELINE_POOL_SIZE, BASELINE_STATEMENT_TIMEOUT_MS, BASELINE_PG_OPTIONS (the
 *   server's session settings, `-c max_parallel_workers_per_gather=0`)
 */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import { Pool } from 'pg';
import { installPgTypeParsers } from '../server/src/database/pg-types';
import { SqlPlan } from './sql-plan';
import { replay } from './sql-replay';

const [plansFile, port] = process.argv.slice(2);
const plans = JSON.parse(readFileSync(plansFile, 'utf8')) as Record<string, SqlPlan>;

// The server's own type parsers (SQL dates stay `YYYY-MM-DD`), so both send the same JSON.
installPgTypeParsers();
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.BASELINE_POOL_SIZE),
  statement_timeout: Number(process.env.BASELINE_STATEMENT_TIMEOUT_MS),
  ...(process.env.BASELINE_PG_OPTIONS ? { options: process.env.BASELINE_PG_OPTIONS } : {}),
  connectionTimeoutMillis: 5000,
  keepAlive: true,
  application_name: 'chronicle-baseline',
});
pool.on('error', (error) => console.error(`idle connection failed: ${error.message}`));

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://baseline');
  const plan = url.pathname.startsWith('/run/') ? plans[url.pathname.slice('/run/'.length)] : undefined;
  // Read the body (a create sends one) before answering, as any server must.
  request.resume();
  request.on('end', () => {
    if (!plan) {
      response.writeHead(404).end();
      return;
    }
    const ids = new Map<number, number>();
    const value = url.searchParams.get('v');
    if (plan.varies !== undefined && value !== null) ids.set(plan.varies, Number(value));
    replay(pool, plan, ids).then(
      ({ body: rows }) => {
        response.writeHead(request.method === 'POST' ? 201 : 200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify(rows));
      },
      (error: Error) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(error.message);
      },
    );
  });
});

server.listen(Number(port), '127.0.0.1', () => console.log(`baseline ready on ${port}`));
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
