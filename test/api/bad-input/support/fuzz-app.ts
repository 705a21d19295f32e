import { Agent, request } from 'node:http';
import { Client } from 'pg';
import { createTestApp, TestApp } from '../../../support/test-app';
import { newTokenSecret, tokenHash } from '../../../../server/src/auth/token-secret';
import { Route, routesOf } from './routes';

/** One request exactly as it goes on the wire: the path is sent as given, garbage encodings included. */
export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  /** From the first byte sent to the last byte received. */
  ms: number;
}

export type Caller = 'admin' | 'editor' | 'viewer' | 'anonymous' | 'forged';

/** Live records, for paths and references that should reach a route's code rather than stop at a 404. */
export interface KnownIds {
  statements: number[];
  actors: number[];
  sources: number[];
  topics: number[];
  stances: number[];
  /** A user made for the fuzzer: changing it cannot lock the test accounts out. */
  users: number[];
  /** The admin's personal tokens. */
  tokens: number[];
  /** Snapshots not deleted. */
  snapshots: number[];
  /** The admin's saved queries (the admin is the caller whose refusals must name the field). */
  'saved-queries': number[];
  /** Revision ids by `resource/recordId`. */
  revisions: Record<string, number[]>;
}

const COLLECTIONS = ['statements', 'actors', 'sources', 'topics', 'stances'] as const;
type Collection = (typeof COLLECTIONS)[number];

/** The id lists of KnownIds (everything but the revisions). */
export type IdListName = Exclude<keyof KnownIds, 'revisions'>;

export interface FuzzApp {
  t: TestApp;
  routes: Route[];
  known: KnownIds;
  /** Every record of each collection, trashed ones too. */
  all: Record<string, Set<number>>;
  send(request: RawRequest): Promise<RawResponse>;
  /** Authorization header of a caller (a fresh session each call for `fresh`: logout revokes the token it is sent with). */
  authorization(caller: Caller, fresh?: boolean): Promise<string | undefined>;
  /** Per table, an md5 over all its rows in a stable order (see tableChecksums). */
  checksums(): Promise<Record<string, string>>;
  /** Reloads the known ids (after writes). */
  refreshKnown(): Promise<void>;
  close(): Promise<void>;
}

/**
 * md5 of every public table's rows, each row as JSON text, sorted. `auth_tokens.last_used_at`
 * is left out: it is bookkeeping the server writes, at most once a minute per token and after
 * the response, whenever a token is used, whatever the request was. Sequences are left out too:
 * a refused insert may have drawn an id, which changes no row.
 */
async function tableChecksums(client: Client, tables: string[]): Promise<Record<string, string>> {
  const parts = tables.map(
    (table) =>
      `'${table}', (SELECT md5(coalesce(string_agg(r, '|' ORDER BY r), '')) FROM (SELECT (to_jsonb(x) - 'last_used_at')::text AS r FROM "${table}" x) s)`,
  );
  const { rows } = await client.query(`SELECT json_build_object(${parts.join(', ')}) AS sums`);
  return rows[0].sums;
}

const ids = async (client: Client, sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows.map((r) => Number(r.id));

async function allIds(client: Client): Promise<Record<Collection, Set<number>>> {
  const all = {} as Record<Collection, Set<number>>;
  for (const table of COLLECTIONS) all[table] = new Set(await ids(client, `SELECT id FROM ${table}`));
  return all;
}

function revisionsByRecord(rows: { id: number; resource: string; record_id: number }[]): Record<string, number[]> {
  const byRecord: Record<string, number[]> = {};
  for (const row of rows) (byRecord[`${row.resource}/${row.record_id}`] ??= []).push(Number(row.id));
  return byRecord;
}

async function knownIds(client: Client, fuzzUserId: number, adminId: number): Promise<KnownIds> {
  const live = (table: Collection) => ids(client, `SELECT id FROM ${table} WHERE deleted_at IS NULL ORDER BY id`);
  return {
    statements: await live('statements'),
    actors: await live('actors'),
    sources: await live('sources'),
    topics: await live('topics'),
    stances: await live('stances'),
    users: [fuzzUserId],
    tokens: await ids(client, `SELECT id FROM auth_tokens WHERE user_id = $1 AND kind = 'personal' AND revoked_at IS NULL ORDER BY id`, [
      adminId,
    ]),
    snapshots: await ids(client, 'SELECT id FROM snapshots WHERE deleted_at IS NULL ORDER BY id'),
    'saved-queries': await ids(client, 'SELECT id FROM saved_queries WHERE owner_id = $1 ORDER BY id', [adminId]),
    revisions: revisionsByRecord((await client.query('SELECT id, resource, record_id FROM revisions ORDER BY id')).rows),
  };
}

/** The real app on its own seeded database, listening on loopback, and a raw HTTP client for it. */
export async function startFuzzApp(): Promise<FuzzApp> {
  const t = await createTestApp({ seed: true });
  const base = new URL(await t.listen());
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const client = new Client({ connectionString: t.databaseUrl });
  await client.connect();
  const tables = (await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows.map(
    (r) => r.tablename,
  );

  const fuzzUser = (
    await t.http().post('/api/users').send({ email: 'fuzz.target@test.example', displayName: 'Fuzz Target', role: 'editor' }).expect(201)
  ).body;
  await t.http().post('/api/auth/tokens').send({ name: 'fuzz token', scope: 'read' }).expect(201);
  await t.http().post('/api/snapshots').send({ title: 'Seed snapshot', query: '_sort=date' }).expect(201);
  await t.http().post('/api/saved-queries').send({ name: 'Seed saved query', query: '_sort=date', shared: true }).expect(201);
  await t.as('editor').post('/api/saved-queries').send({ name: "The editor's", query: 'type=event' }).expect(201);
  const routes = await routesOf(t);

  const app: FuzzApp = {
    t,
    routes,
    known: await knownIds(client, fuzzUser.id, t.users.admin.id),
    all: await allIds(client),
    send: (req) =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        const headers = { ...(req.headers ?? {}), ...(req.body ? { 'Content-Length': String(req.body.length) } : {}) };
        const outgoing = request({ host: base.hostname, port: base.port, method: req.method, path: req.path, headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              text: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - started,
            }),
          );
        });
        outgoing.on('error', reject);
        outgoing.end(req.body);
      }),
    authorization: async (caller, fresh = false) => {
      if (caller === 'anonymous' || caller === 'forged') return undefined;
      if (!fresh) return `Bearer ${t.users[caller].token}`;
      const token = newTokenSecret('session');
      await client.query(
        `INSERT INTO auth_tokens (user_id, kind, scope, token_hash, expires_at) VALUES ($1, 'session', 'read-write', $2, now() + interval '1 hour')`,
        [t.users[caller].id, tokenHash(token)],
      );
      return `Bearer ${token}`;
    },
    checksums: () => tableChecksums(client, tables),
    refreshKnown: async () => {
      app.known = await knownIds(client, fuzzUser.id, t.users.admin.id);
      app.all = await allIds(client);
    },
    close: async () => {
      agent.destroy();
      await client.end();
      await t.close();
    },
  };
  return app;
}
