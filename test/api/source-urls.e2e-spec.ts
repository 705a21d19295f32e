import { RequireWebSourceUrls1796700000003 } from '../../migrations/1796700000003-RequireWebSourceUrls';
import { migrate } from '../../server/src/database/migrate';
import { diffSchema } from '../../server/src/database/schema-diff';
import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A source's addresses are web addresses (http or https) in the database, not only in the API's
 * input check: SQL, an import or a restore cannot store `javascript:` for a report to publish
 * as a link (issue 19, item 11). A database that already holds one is named, not changed.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const insertSource = (url: string | null, archiveUrl: string | null = null) =>
  t.dataSource.query(`INSERT INTO sources (title, url, archive_url) VALUES ('Inserted by SQL', $1, $2) RETURNING id`, [url, archiveUrl]);

const constraintsOnSources = async () =>
  (
    await t.dataSource.query<{ name: string }[]>(
      `SELECT conname AS name FROM pg_constraint WHERE conrelid = 'sources'::regclass AND contype = 'c' ORDER BY conname`,
    )
  ).map((row) => row.name);

describe("sources' addresses", () => {
  it('are http(s) or null whatever writes them: the database refuses any other scheme', async () => {
    for (const url of ['https://example.org/a', 'HTTP://EXAMPLE.ORG/', null]) await insertSource(url, url);
    for (const [url, archiveUrl, constraint] of [
      ['javascript:alert(1)', null, 'chk_sources_url'],
      [' https://example.org/', null, 'chk_sources_url'],
      ['data:text/html,<script>alert(1)</script>', null, 'chk_sources_url'],
      [null, 'ftp://archive.example.org/a', 'chk_sources_archive_url'],
    ]) {
      await expect(insertSource(url, archiveUrl)).rejects.toMatchObject({ driverError: { code: '23514', constraint } });
    }
    await expect(
      t.dataSource.query(`UPDATE sources SET url = 'javascript:alert(1)' WHERE id = (SELECT min(id) FROM sources)`),
    ).rejects.toThrow(/chk_sources_url/);
    // The API refuses it before the database does, naming the field.
    const refused = await t.http().post('/api/sources').send({ title: 'Script', url: 'javascript:alert(1)' }).expect(400);
    expect(refused.body.errors).toEqual({ url: 'url must be an http(s) URL' });
  });

  it('a database that holds another scheme is named, source by source, and not migrated until they are corrected', async () => {
    const runner = t.dataSource.createQueryRunner();
    try {
      // The database as it was before the migration, with addresses that only SQL could store.
      await new RequireWebSourceUrls1796700000003().down(runner);
      await runner.query(`DELETE FROM migrations WHERE name = 'RequireWebSourceUrls1796700000003'`);
    } finally {
      await runner.release();
    }
    const [script] = await insertSource('javascript:alert(document.cookie)');
    const [ftp] = await insertSource('https://example.org/kept', 'ftp://archive.example.org/b');
    const [kept] = await insertSource('https://example.org/c');

    // TypeORM prints the failed migration's error as well: the assertion below is what is said.
    const printed = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await expect(migrate(t.dataSource).finally(() => printed.mockRestore())).rejects.toThrow(
      new RegExp(
        `^Migration RequireWebSourceUrls: 2 source address\\(es\\) are not web addresses \\(http or https\\), and reports would publish them as links: ` +
          `source ${script.id} url "javascript:alert\\(document.cookie\\)"; source ${ftp.id} archive_url "ftp://archive.example.org/b"\\. ` +
          `No address was changed\\. Correct or clear them \\(UPDATE sources SET url = NULL WHERE id IN \\(${script.id}\\); ` +
          `UPDATE sources SET archive_url = NULL WHERE id IN \\(${ftp.id}\\);\\), then start again\\.$`,
      ),
    );
    const rows = await t.dataSource.query(`SELECT id, url, archive_url FROM sources WHERE id = ANY($1) ORDER BY id`, [
      [script.id, ftp.id, kept.id],
    ]);
    expect(rows).toEqual([
      { id: script.id, url: 'javascript:alert(document.cookie)', archive_url: null },
      { id: ftp.id, url: 'https://example.org/kept', archive_url: 'ftp://archive.example.org/b' },
      { id: kept.id, url: 'https://example.org/c', archive_url: null },
    ]);
    expect(await constraintsOnSources()).toEqual([]);

    await t.dataSource.query(`UPDATE sources SET url = NULL WHERE id = $1`, [script.id]);
    await t.dataSource.query(`UPDATE sources SET archive_url = NULL WHERE id = $1`, [ftp.id]);
    expect((await migrate(t.dataSource)).applied).toEqual(['RequireWebSourceUrls1796700000003']);
    expect(await constraintsOnSources()).toEqual(['chk_sources_archive_url', 'chk_sources_url']);
    expect(await diffSchema(t.dataSource)).toEqual({ up: [], down: [] });
  });

  it('a report links no address that is not a web one, should the database hold one', async () => {
    const make = factories(t);
    const speaker = await make.actor({ name: 'Speaker of the unsafe source' });
    const safe = await make.source({ title: 'Safe', url: 'https://example.org/safe' });
    const unsafe = await make.source({ title: 'Unsafe', url: 'https://example.org/soon-unsafe' });
    await make.statement({ speakerId: speaker.id, headline: 'Cites both', sourceIds: [safe.id, unsafe.id] });
    // A database the constraint does not guard (a copy made before it, a server without it).
    await t.dataSource.query('ALTER TABLE sources DROP CONSTRAINT chk_sources_url');
    try {
      await t.dataSource.query(`UPDATE sources SET url = 'javascript:alert(document.cookie)' WHERE id = $1`, [unsafe.id]);
      const markdown = (await t.http().get(`/api/statements.md?speakerId=${speaker.id}`).expect(200)).text;
      expect(markdown).toMatch(/\n1\. “Safe”\. <https:\/\/example\.org\/safe>\n2\. “Unsafe”\.\n$/);
      const timeline = await t.http().get(`/api/statements/export?format=timelinejs&speakerId=${speaker.id}`).buffer(true).expect(200);
      const html: string = JSON.parse(timeline.text).events[0].text.text;
      expect(html).toContain('<a href="https://example.org/safe" target="_blank" rel="noopener noreferrer">Safe</a>; Unsafe</p>');
      expect(`${markdown}${html}`).not.toContain('javascript');
    } finally {
      await t.dataSource.query(`UPDATE sources SET url = NULL WHERE id = $1`, [unsafe.id]);
      await t.dataSource.query(`ALTER TABLE sources ADD CONSTRAINT chk_sources_url CHECK (url IS NULL OR url ~* '^https?://')`);
    }
  });
});
