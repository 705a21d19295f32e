import { diffSchema } from '../../server/src/database/schema-diff';
import { SPACELESS_SCRIPT_CHARS } from '../../server/src/statements/full-text';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../../server/src/database/data-source-options';
import { migrate } from '../../server/src/database/migrate';
import { createTestApp, TestApp } from '../support/test-app';
import { adminUrl, databaseUrl } from '../support/test-database';

/** The schema comes only from migrations: they must say exactly what the entities say. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('schema', () => {
  it('the migrated database matches the entities (TypeORM would generate nothing)', async () => {
    expect(await diffSchema(t.dataSource)).toEqual({ up: [], down: [] });
  });

  it('names a column no field declares, and a declared field no migration made: a field cannot be half added', async () => {
    // Another database of its own: this one is left broken.
    const other = await createTestApp();
    try {
      await other.dataSource.query('ALTER TABLE statements ADD COLUMN venue_note text');
      expect((await diffSchema(other.dataSource)).up).toEqual(['ALTER TABLE "statements" DROP COLUMN "venue_note"']);
      await other.dataSource.query('ALTER TABLE statements DROP COLUMN venue_note, DROP COLUMN location');
      expect((await diffSchema(other.dataSource)).up).toEqual(['ALTER TABLE "statements" ADD "location" character varying(300)']);
    } finally {
      await other.close();
    }
  });

  it('reverting the saved queries of the analysis page drops those (the older type has no place for them) and keeps the others', async () => {
    const migration = 'LetSavedQueriesOpenTheAnalysis1796700000009';
    const applied = async () => (await t.dataSource.query<{ name: string }[]>('SELECT name FROM migrations')).map((row) => row.name);
    expect(await applied()).toContain(migration);
    await t.dataSource.query(
      `INSERT INTO saved_queries (name, resource, query, owner_id) VALUES ('Lavrov', 'statements', 'speakerId=1', $1), ('Network', 'analysis', 'view=network', $1)`,
      [t.users.admin.id],
    );
    while ((await applied()).includes(migration)) await t.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await t.dataSource.query('SELECT name, resource::text FROM saved_queries')).toEqual([
      { name: 'Lavrov', resource: 'statements' },
    ]);
    const [column] = await t.dataSource.query(
      `SELECT column_default FROM information_schema.columns WHERE table_name = 'saved_queries' AND column_name = 'resource'`,
    );
    expect(column.column_default).toBe(`'statements'::saved_query_resource`);
    await t.dataSource.runMigrations({ transaction: 'each' });
    expect(await diffSchema(t.dataSource)).toEqual({ up: [], down: [] });
    await t.dataSource.query('DELETE FROM saved_queries');
  });

  it('every migration reverts (down) and re-applies (up) cleanly', async () => {
    const count = t.dataSource.migrations.length;
    for (let i = 0; i < count; i++) await t.dataSource.undoLastMigration({ transaction: 'each' });
    // TypeORM's own tables stay: the list of migrations and the expressions of generated columns.
    const tables = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('migrations', 'typeorm_metadata')`,
    );
    expect(tables[0].n).toBe(0);
    await t.dataSource.runMigrations({ transaction: 'each' });
    expect(await diffSchema(t.dataSource)).toEqual({ up: [], down: [] });
  });

  it('serialises migrations: replicas starting together on a new database take turns', async () => {
    const name = `chronicle_migrate_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const replicas = [0, 1, 2].map(() => new DataSource(createDataSourceOptions(databaseUrl(name))));
    try {
      await Promise.all(replicas.map((replica) => replica.initialize()));
      const outcomes = await Promise.all(replicas.map((replica) => migrate(replica)));
      expect(outcomes.filter((outcome) => outcome.applied.length === t.dataSource.migrations.length)).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome.applied.length === 0 && !outcome.createdSchema)).toHaveLength(2);
      expect(await diffSchema(replicas[0])).toEqual({ up: [], down: [] });
    } finally {
      await Promise.all(replicas.filter((replica) => replica.isInitialized).map((replica) => replica.destroy()));
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('keeps the search document and its stored tsvector current through its triggers', async () => {
    const [actor] = await t.dataSource.query(`INSERT INTO actors (name) VALUES ('Alpha') RETURNING id`);
    const [statement] = await t.dataSource.query(
      `INSERT INTO statements (date, date_start, date_end, display_date, headline, speaker_id)
       VALUES ('2019', '2019-01-01', '2019-12-31', '2019', 'Headline', $1) RETURNING id`,
      [actor.id],
    );
    await t.dataSource.query(`UPDATE actors SET native_name = 'Альфа' WHERE id = $1`, [actor.id]);
    const [row] = await t.dataSource.query(`SELECT search_text, search_vector::text AS v FROM statements WHERE id = $1`, [statement.id]);
    expect(row.search_text).toBe('Headline Alpha Альфа');
    expect(row.v).toBe("'alpha':2 'headline':1 'альфа':3");
  });

  it('spaceless_script_text() keeps exactly the characters full-text search treats as spaceless', async () => {
    // Every code point from Thai up to the end of the CJK extension planes, in chunks.
    const spaceless = new RegExp(`[^${SPACELESS_SCRIPT_CHARS}]+`, 'gu');
    for (let from = 0x0e00; from < 0x33000; from += 0x4000) {
      const chars: string[] = [];
      for (let cp = from; cp < from + 0x4000; cp++) if (cp < 0xd800 || cp > 0xdfff) chars.push(String.fromCodePoint(cp));
      const text = chars.join('');
      const [row] = await t.dataSource.query('SELECT spaceless_script_text($1) AS kept', [text]);
      expect(row.kept).toBe(text.replace(spaceless, ' '));
    }
  });
});
