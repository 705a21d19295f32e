import type { Pool, PoolClient } from 'pg';
import { deferredConstraints, RunQuery } from '../database/deferred-constraints';
import { checkOut } from '../database/pg-pool';
import { CopyWriter } from './copy-rows';
import { EdtfPool } from './edtf-pool';
import { Random } from './random';
import {
  ACTOR_COLUMNS,
  actorRow,
  SOURCE_COLUMNS,
  sourceRow,
  SpeakerRecord,
  STATEMENT_COLUMNS,
  statementRow,
  syntheticActor,
} from './synthetic-records';
import { STANCES, TOPICS } from './vocabulary';

export interface GenerateOptions {
  statements: number;
  actors?: number;
  sources?: number;
  seed?: number;
  firstYear?: number;
  lastYear?: number;
  /** Called now and then with the number of statements written so far. */
  onProgress?: (written: number) => void;
  /** Called when a stage begins ("copying statements", "building indexes", …). */
  onStage?: (stage: string) => void;
}

export interface GenerateReport {
  statements: number;
  actors: number;
  sources: number;
  topics: number;
  stances: number;
  milliseconds: number;
}

/** Most links a statement gets of one kind (participants, topics, sources). */
const LINK_SLOTS = 3;

/** Tables whose foreign keys and secondary indexes are restored after a bulk load instead of kept row by row. */
const BULK_TABLES = ['statements', 'statement_participants', 'statement_topics', 'statement_sources'];

/** Ensures the vocabularies exist and brings actors and sources up to the wanted counts; returns their ids. */
async function vocabularies(
  client: PoolClient,
  random: Random,
  options: Required<Pick<GenerateOptions, 'actors' | 'sources' | 'firstYear' | 'lastYear'>>,
) {
  for (const [name, score, color] of STANCES) {
    await client.query('INSERT INTO stances (name, score, color) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [name, score, color]);
  }
  for (const name of TOPICS) await client.query('INSERT INTO topics (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);

  const [{ actors, sources }] = (
    await client.query('SELECT (SELECT count(*) FROM actors)::int AS actors, (SELECT count(*) FROM sources)::int AS sources')
  ).rows;
  const actorWriter = await CopyWriter.open(client, 'actors', ACTOR_COLUMNS);
  for (let i = actors; i < options.actors; i++) if (actorWriter.write(actorRow(syntheticActor(random, i + 1)))) await actorWriter.flush();
  await actorWriter.close();
  const sourceWriter = await CopyWriter.open(client, 'sources', SOURCE_COLUMNS);
  for (let i = sources; i < options.sources; i++) {
    const day = `${random.int(options.firstYear, options.lastYear)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    if (sourceWriter.write(sourceRow(random, i + 1, day))) await sourceWriter.flush();
  }
  await sourceWriter.close();

  const ids = async (sql: string) => (await client.query(sql)).rows;
  return {
    actors: (await ids('SELECT id, kind, name, native_name AS "nativeName", aliases, title FROM actors ORDER BY id')) as SpeakerRecord[],
    sources: (await ids('SELECT id FROM sources ORDER BY id')).map((r) => r.id as number),
    topics: (await ids('SELECT id FROM topics ORDER BY id')).map((r) => r.id as number),
    stances: (await ids('SELECT id FROM stances ORDER BY id')).map((r) => r.id as number),
  };
}

/**
 * Fills the database with realistic synthetic statements through COPY, in one transaction:
 * a failed run leaves nothing behind. Statements spread over the years with every EDTF
 * form, multi-script text and links to actors, topics and sources; some reply to earlier ones.
 */
export async function generateData(pool: Pool, options: GenerateOptions): Promise<GenerateReport> {
  const started = Date.now();
  const random = new Random(options.seed ?? 1);
  const firstYear = options.firstYear ?? 1995;
  const lastYear = options.lastYear ?? 2024;
  const dates = new EdtfPool(random, firstYear, lastYear);
  const { client, release } = await checkOut(pool);
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    await client.query('LOCK TABLE statements IN EXCLUSIVE MODE');
    options.onStage?.('actors, sources, topics, stances');
    const vocab = await vocabularies(client, random, {
      actors: options.actors ?? 1000,
      sources: options.sources ?? 5000,
      firstYear,
      lastYear,
    });

    const query: RunQuery = async <T>(sql: string, parameters?: unknown[]) => (await client.query(sql, parameters)).rows as T[];
    const deferred = options.statements >= 50_000 ? await deferredConstraints(query, BULK_TABLES) : { foreignKeys: [], indexes: [] };
    for (const { drop } of [...deferred.foreignKeys, ...deferred.indexes]) await client.query(drop);
    // search_text comes ready-made in the rows (see searchText()); the per-row trigger would dominate the load.
    await client.query('ALTER TABLE statements DISABLE TRIGGER statements_search_document');
    options.onStage?.('copying statements');

    const [{ next }] = (await client.query('SELECT COALESCE(max(id), 0) + 1 AS next FROM statements')).rows;
    // One connection runs one COPY at a time: statements first, keeping their links in
    // compact arrays (up to LINK_SLOTS per kind and statement, 0 = none), then each link table.
    const links = {
      participants: new Int32Array(options.statements * LINK_SLOTS),
      topics: new Int32Array(options.statements * LINK_SLOTS),
      sources: new Int32Array(options.statements * LINK_SLOTS),
    };
    const statements = await CopyWriter.open(client, 'statements', STATEMENT_COLUMNS);
    for (let n = 0; n < options.statements; n++) {
      const id = next + n;
      const speaker = random.pick(vocab.actors);
      const full = statements.write(
        statementRow(random, {
          id,
          date: dates.draw(random),
          speaker,
          stanceId: random.chance(0.8) ? random.pick(vocab.stances) : null,
          respondsToId: n > 100 && random.chance(0.05) ? id - random.int(1, Math.min(n, 1000)) : null,
          createdAt: new Date(Date.UTC(2020, 0, 1) + n * 1000).toISOString(),
        }),
      );
      if (full) await statements.flush();
      const others = random
        .sample(
          vocab.actors,
          random.weighted([
            [0, 50],
            [1, 30],
            [2, 15],
            [3, 5],
          ] as const),
        )
        .filter((a) => a.id !== speaker.id);
      others.forEach((actor, i) => (links.participants[n * LINK_SLOTS + i] = actor.id));
      random.sample(vocab.topics, random.int(1, 3)).forEach((topic, i) => (links.topics[n * LINK_SLOTS + i] = topic));
      random.sample(vocab.sources, random.int(1, 2)).forEach((source, i) => (links.sources[n * LINK_SLOTS + i] = source));
      if (n % 10_000 === 0) options.onProgress?.(Math.floor(n * 0.8));
    }
    await statements.close();
    options.onStage?.('copying links');
    for (const [table, column, ids] of [
      ['statement_participants', 'actor_id', links.participants],
      ['statement_topics', 'topic_id', links.topics],
      ['statement_sources', 'source_id', links.sources],
    ] as const) {
      const writer = await CopyWriter.open(client, table, ['statement_id', column, 'position']);
      for (let n = 0; n < options.statements; n++) {
        for (let slot = 0; slot < LINK_SLOTS && ids[n * LINK_SLOTS + slot]; slot++) {
          if (writer.write([next + n, ids[n * LINK_SLOTS + slot], slot])) await writer.flush();
        }
      }
      await writer.close();
      options.onProgress?.(
        Math.floor(options.statements * (table === 'statement_participants' ? 0.85 : table === 'statement_topics' ? 0.9 : 0.95)),
      );
    }

    await client.query('ALTER TABLE statements ENABLE TRIGGER statements_search_document');
    if (deferred.indexes.length) options.onStage?.('building indexes');
    for (const { restore } of deferred.indexes) await client.query(restore);
    if (deferred.foreignKeys.length) options.onStage?.('checking foreign keys');
    for (const { restore } of deferred.foreignKeys) await client.query(restore);
    await client.query(`SELECT setval('statements_id_seq', GREATEST((SELECT max(id) FROM statements), 1))`);
    await client.query('COMMIT');
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    // A failed load may have left a COPY half sent: the connection is closed, not reused,
    // and PostgreSQL rolls the whole transaction back (dropped indexes and keys included).
    release(failure);
  }
  options.onStage?.('analysing');
  // VACUUM as well: bulk-loaded tables have no visibility map, so index-only scans would read the heap.
  for (const table of [...BULK_TABLES, 'actors', 'sources', 'topics', 'stances']) await pool.query(`VACUUM (ANALYZE) ${table}`);
  const [counts] = (
    await pool.query(`SELECT (SELECT count(*) FROM statements)::int AS statements, (SELECT count(*) FROM actors)::int AS actors,
     (SELECT count(*) FROM sources)::int AS sources, (SELECT count(*) FROM topics)::int AS topics, (SELECT count(*) FROM stances)::int AS stances`)
  ).rows;
  return { ...counts, milliseconds: Date.now() - started };
}
