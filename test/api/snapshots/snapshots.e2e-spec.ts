import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { createTestApp, TestApp } from '../../support/test-app';
import { download, downloadNetwork, fileHashes, NETWORK_FILES, SNAPSHOT_FORMATS } from './snapshot-files';

/**
 * Making, reading, citing, editing and deleting snapshots on the seed case: the hash is the
 * SHA-256 of the NDJSON as served, the NDJSON is canonical (RFC 8785 lines), every file carries
 * its hash, and only title and note change.
 */
const PUBLIC_URL = 'https://chronicle.example.org';
let t: TestApp;
let lavrov: number;
let snapshot: { id: number; sha256: string; count: number; files: { format: string; sha256: string; bytes: number }[] } & Record<
  string,
  unknown
>;
const QUERY = 'speakerId=LAVROV&_sort=date&_order=ASC';

beforeAll(async () => {
  t = await createTestApp({ seed: true, snapshots: { publicUrl: PUBLIC_URL } });
  lavrov = (await t.http().get('/api/actors?q=Lavrov').expect(200)).body[0].id;
  snapshot = (
    await t
      .as('editor')
      .post('/api/snapshots')
      .send({ title: 'Lavrov, January 2019', note: 'For the ISA paper', query: QUERY.replace('LAVROV', String(lavrov)) })
      .expect(201)
  ).body;
});
afterAll(() => t.close());

/** A check of RFC 8785 independent of the server's: parse, then write back with members sorted at every depth. */
const recanonical = (value: unknown): string =>
  value === null || typeof value !== 'object'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? `[${value.map(recanonical).join(',')}]`
      : `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${recanonical((value as Record<string, unknown>)[k])}`)
          .join(',')}}`;

describe('a snapshot', () => {
  it('says what it froze: the query in words, who, when, how many, and the hash', async () => {
    const list = (await t.http().get(`/api/statements?speakerId=${lavrov}&_sort=date&_order=ASC`).expect(200)).body;
    expect(snapshot).toMatchObject({
      title: 'Lavrov, January 2019',
      note: 'For the ISA paper',
      query: `speakerId=${lavrov}&_sort=date&_order=ASC`,
      queryWords: 'Statements by Sergey Lavrov, sorted by date',
      count: list.length,
      createdBy: { id: t.users.editor.id, name: 'Eddie Editor' },
      url: `${PUBLIC_URL}/api/snapshots/${snapshot.id}`,
      version: 1,
    });
    expect(snapshot.files.map((f) => f.format).sort()).toEqual([...SNAPSHOT_FORMATS, ...NETWORK_FILES.map((f) => f.name)].sort());
    expect(snapshot.files.find((f) => f.format === 'ndjson')!.sha256).toBe(snapshot.sha256);
    expect((await t.as('viewer').get(`/api/snapshots/${snapshot.id}`).expect(200)).body).toEqual(snapshot);
    const listed = await t.as('viewer').get('/api/snapshots').expect(200);
    expect(listed.headers['x-total-count']).toBe('1');
    expect(listed.body).toEqual([snapshot]);
  });

  it('is hashed over the NDJSON exactly as served, and every file carries its own hash', async () => {
    const networkQuery = new Map(NETWORK_FILES.map((file) => [file.name, file.query]));
    for (const file of snapshot.files) {
      const network = networkQuery.get(file.format);
      const served = network ? await downloadNetwork(t, snapshot.id, network) : await download(t, snapshot.id, file.format);
      expect(served.sha256).toBe(file.sha256);
      expect(served.bytes.length).toBe(file.bytes);
      expect(served.headers.etag).toBe(`"${file.sha256}"`);
      expect(served.headers['repr-digest']).toBe(`sha-256=:${createHash('sha256').update(served.bytes).digest('base64')}:`);
      expect(served.headers['content-length']).toBe(String(file.bytes));
      expect(served.headers['content-disposition']).toMatch(
        new RegExp(`^attachment; filename="snapshot-${snapshot.id}-${snapshot.sha256.slice(0, 8)}${network ? `-${file.format}` : '\\.'}`),
      );
    }
    const ndjson = await download(t, snapshot.id, 'ndjson');
    expect(ndjson.sha256).toBe(snapshot.sha256);
    // A client that has it gets 304, nothing else.
    await t.http().get(`/api/snapshots/${snapshot.id}/export?format=ndjson`).set('If-None-Match', `"${snapshot.sha256}"`).expect(304);
  });

  it('writes canonical NDJSON: RFC 8785 lines, statements in the query order, then the records they name', async () => {
    const { text } = await download(t, snapshot.id, 'ndjson');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    const lines = text.slice(0, -1).split('\n');
    for (const line of lines) expect(recanonical(JSON.parse(line))).toBe(line);
    const records = lines.map((line) => JSON.parse(line));
    const statements = records.filter((r) => r.record === 'statement');
    const list = (await t.http().get(`/api/statements?speakerId=${lavrov}&_sort=date&_order=ASC`).expect(200)).body;
    expect(statements.map((s) => s.id)).toEqual(list.map((s: { id: number }) => s.id));
    expect(records.slice(0, statements.length)).toEqual(statements);
    // Each statement line holds the export's columns (the same values as the NDJSON export) and its reference ids.
    const exported = (await t.http().get(`/api/statements.ndjson?speakerId=${lavrov}&_sort=date&_order=ASC`).expect(200)).text;
    const exportRows = exported
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    statements.forEach((statement, i) => {
      const { record, speaker_id, participant_ids, stance_id, topic_ids, source_ids, interpretation_source_id, ...columns } = statement;
      expect(record).toBe('statement');
      expect(columns).toEqual(exportRows[i]);
      expect(speaker_id).toBe(lavrov);
      expect(list[i]).toMatchObject({ participantIds: participant_ids, stanceId: stance_id, topicIds: topic_ids, sourceIds: source_ids });
      expect(list[i].interpretationSourceId).toBe(interpretation_source_id);
    });
    // Then every actor, topic, stance and source they name, in full, by kind and id.
    const rest = records.slice(statements.length);
    expect(rest.map((r) => r.record)).toEqual(
      [...rest.map((r) => r.record)].sort(
        (a, b) => ['actor', 'topic', 'stance', 'source'].indexOf(a) - ['actor', 'topic', 'stance', 'source'].indexOf(b),
      ),
    );
    const named = (kind: string, ids: number[]) =>
      expect(rest.filter((r) => r.record === kind).map((r) => r.id)).toEqual([...new Set(ids)].sort((a, b) => a - b));
    named(
      'actor',
      statements.flatMap((s) => [s.speaker_id, ...s.participant_ids]),
    );
    named(
      'topic',
      statements.flatMap((s) => s.topic_ids),
    );
    named(
      'stance',
      statements.flatMap((s) => (s.stance_id ? [s.stance_id] : [])),
    );
    named(
      'source',
      statements.flatMap((s) => [...s.source_ids, ...(s.interpretation_source_id ? [s.interpretation_source_id] : [])]),
    );
    const actor = (await t.http().get(`/api/actors/${lavrov}`).expect(200)).body;
    expect(rest.find((r) => r.record === 'actor' && r.id === lavrov)).toEqual({
      record: 'actor',
      ...Object.fromEntries(
        ['id', 'name', 'nativeName', 'kind', 'country', 'title', 'aliases', 'wikidataId', 'description'].map((k) => [k, actor[k]]),
      ),
    });
  });

  it('freezes the CSV, JSON, Markdown and TimelineJS of the same statements', async () => {
    const csv: { id: string }[] = parseCsv((await download(t, snapshot.id, 'csv')).text, { columns: true });
    const frozenIds = (await download(t, snapshot.id, 'ndjson')).text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((record) => record.record === 'statement')
      .map((record) => record.id);
    expect(csv.map((row) => Number(row.id))).toEqual(frozenIds);
    const live = (await t.http().get(`/api/statements.csv?speakerId=${lavrov}&_sort=date&_order=ASC`).expect(200)).text;
    expect((await download(t, snapshot.id, 'csv')).text).toBe(live);
    const json = JSON.parse((await download(t, snapshot.id, 'json')).text);
    expect(json).toEqual(
      JSON.parse((await t.http().get(`/api/statements.json?speakerId=${lavrov}&_sort=date&_order=ASC`).expect(200)).text),
    );
    const timeline = JSON.parse((await download(t, snapshot.id, 'timelinejs')).text);
    expect(timeline.title.text.headline).toBe('Lavrov, January 2019');
    expect(timeline.events).toHaveLength(snapshot.count);
  });

  it('names itself and its hash at the top of the Markdown report, and its citation at the end', async () => {
    const { text } = await download(t, snapshot.id, 'markdown');
    const [title, , line] = text.split('\n');
    expect(title).toBe('# Lavrov, January 2019');
    expect(line).toContain(
      `*Snapshot ${snapshot.id} of Chronicle, made on ${String(snapshot.createdAt).slice(0, 10)} by Eddie Editor: Statements by Sergey Lavrov, sorted by date.`,
    );
    expect(line).toContain(`SHA-256 of its NDJSON: ${snapshot.sha256}`);
    const citation = (await t.http().get(`/api/snapshots/${snapshot.id}/citation?style=apa`).expect(200)).text.trim();
    expect(text).toMatch(/\n## How to cite this dataset\n\n.+\n$/);
    expect(text.trimEnd().split('\n').pop()).toBe(citation.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`));
    // The body is the report the live export writes, without the live export's own heading.
    const live = (await t.http().get(`/api/statements.md?speakerId=${lavrov}&_sort=date&_order=ASC`).expect(200)).text;
    const body = live.slice(live.indexOf('\n## '));
    expect(text).toContain(body);
  });
});

describe('citation', () => {
  it.each([
    ['apa', 'text/plain; charset=utf-8'],
    ['bibtex', 'application/x-bibtex; charset=utf-8'],
    ['ris', 'application/x-research-info-systems; charset=utf-8'],
    ['csl-json', 'application/vnd.citationstyles.csl+json; charset=utf-8'],
  ])('%s gives the title, the creator, the date, the count, the permanent address and the hash', async (style, type) => {
    const res = await t.as('viewer').get(`/api/snapshots/${snapshot.id}/citation?style=${style}`).expect(200);
    expect(res.headers['content-type']).toBe(type);
    // BibTeX keeps capitals with braces: {Lavrov}, {January} 2019.
    const text = style === 'bibtex' ? res.text.replace(/[{}]/g, '') : res.text;
    expect(text).toContain('Lavrov, January 2019');
    expect(text).toContain(`${PUBLIC_URL}/api/snapshots/${snapshot.id}`);
    expect(text).toContain(snapshot.sha256);
    expect(text).toMatch(/Editor/);
    expect(text).toContain(String(snapshot.createdAt).slice(0, 4));
    expect(text).toMatch(new RegExp(`\\b${snapshot.count}\\b`));
  });

  it('refuses an unknown style, listing the styles', async () => {
    const res = await t.http().get(`/api/snapshots/${snapshot.id}/citation?style=chicago`).expect(400);
    expect(res.body.errors.style).toBe('must be one of: apa, bibtex, ris, csl-json');
  });
});

describe('editing and deleting', () => {
  it('changes the title and the note only, and the files not at all', async () => {
    const before = await fileHashes(t, snapshot.id);
    const changed = (
      await t.as('editor').patch(`/api/snapshots/${snapshot.id}`).send({ title: 'Lavrov, Jan. 2019', note: null }).expect(200)
    ).body;
    expect(changed).toMatchObject({ title: 'Lavrov, Jan. 2019', note: null, version: 2, sha256: snapshot.sha256 });
    expect(await fileHashes(t, snapshot.id)).toEqual(before);
    const refused = await t
      .as('editor')
      .patch(`/api/snapshots/${snapshot.id}`)
      .send({ count: 1, sha256: '0'.repeat(64) })
      .expect(400);
    expect(refused.body.errors).toEqual({
      count: 'count cannot be changed: a snapshot is frozen (only title and note can be edited)',
      sha256: 'sha256 cannot be changed: a snapshot is frozen (only title and note can be edited)',
    });
    // react-admin's PUT sends the whole record back: accepted, with the title changed.
    const put = await t
      .as('editor')
      .put(`/api/snapshots/${snapshot.id}`)
      .send({ ...changed, title: 'Lavrov in January 2019' })
      .expect(200);
    expect(put.body).toMatchObject({ title: 'Lavrov in January 2019', version: 3 });
    const stale = await t.as('editor').patch(`/api/snapshots/${snapshot.id}`).send({ title: 'stale', version: 2 }).expect(409);
    expect(stale.body).toMatchObject({
      errors: { version: 'is 3 now' },
      current: { id: snapshot.id, title: 'Lavrov in January 2019', version: 3 },
    });
    // The address a record was read at may differ from the one it is sent back to (no PUBLIC_URL): url is not compared.
    await t
      .as('editor')
      .put(`/api/snapshots/${snapshot.id}`)
      .send({ ...put.body, url: 'http://elsewhere/api/snapshots/1' })
      .expect(200);
    await t.as('viewer').patch(`/api/snapshots/${snapshot.id}`).send({ title: 'no' }).expect(403);
  });

  it('lets editors make snapshots, viewers not; deleting is for admins, recorded, and the id is never given again', async () => {
    await t.as('viewer').post('/api/snapshots').send({ title: 'no', query: '' }).expect(403);
    const other = (await t.as('editor').post('/api/snapshots').send({ title: 'Everything', query: '' }).expect(201)).body;
    await t.as('editor').delete(`/api/snapshots/${other.id}`).expect(403);
    await t.as('admin').delete(`/api/snapshots/${other.id}`).expect(200);
    const gone = await t.as('viewer').get(`/api/snapshots/${other.id}`).expect(410);
    expect(gone.body.current).toMatchObject({ id: other.id, deletedBy: { id: t.users.admin.id, name: 'Ada Admin' } });
    expect(gone.body.message).toMatch(new RegExp(`^Snapshot ${other.id} was deleted on \\d{4}-\\d\\d-\\d\\dT.* by Ada Admin$`));
    await t.http().get(`/api/snapshots/${other.id}/export?format=ndjson`).expect(410);
    await t.http().get(`/api/snapshots/${other.id}/citation?style=apa`).expect(410);
    await t.http().delete(`/api/snapshots/${other.id}`).expect(410);
    expect((await t.http().get('/api/snapshots').expect(200)).body.map((s: { id: number }) => s.id)).toEqual([snapshot.id]);
    const next = (await t.as('editor').post('/api/snapshots').send({ title: 'Everything again', query: '' }).expect(201)).body;
    expect(next.id).toBe(other.id + 1);
    await t.http().get('/api/snapshots/999999').expect(404);
    const [{ files }] = await t.dataSource.query('SELECT count(*)::int AS files FROM snapshot_files WHERE snapshot_id = $1', [other.id]);
    expect(files).toBe(0);
  });
});

describe('bad input: a 400 naming the problem, and nothing stored', () => {
  it.each([
    [{ title: 'x', query: 'colour=red' }, 'query.colour', 'is not a filter of statements'],
    [{ title: 'x', query: 'date_gte=2019-13' }, 'query.date_gte', ''],
    [{ title: 'x', query: '_start=0&_end=10' }, 'query._start', 'a snapshot holds every matching statement: no paging'],
    [{ title: 'x', query: '_sort=colour' }, 'query._sort', 'cannot sort statements by "colour"'],
    [{ title: 'x', query: 7 }, 'query', 'must be the query string of a statement list'],
    [{ title: '  ', query: '' }, 'title', 'title must be a non-empty text'],
    [{ title: 'x'.repeat(301), query: '' }, 'title', 'title must be at most 300 characters'],
    [{ title: 'x', query: '', count: 3 }, 'count', 'is not a field of a snapshot'],
  ])('%j → %s', async (body, field, reason) => {
    const before = (await t.http().get('/api/snapshots').expect(200)).headers['x-total-count'];
    const res = await t.http().post('/api/snapshots').send(body).expect(400);
    expect(res.body.errors[field]).toContain(reason);
    expect((await t.http().get('/api/snapshots').expect(200)).headers['x-total-count']).toBe(before);
  });

  it('refuses an unknown format and unknown parameters', async () => {
    expect((await t.http().get(`/api/snapshots/${snapshot.id}/export?format=pdf`).expect(400)).body.errors.format).toBe(
      'must be one of: ndjson, csv, json, markdown, timelinejs',
    );
    expect((await t.http().get(`/api/snapshots/${snapshot.id}/diff?against=now`).expect(400)).body.errors.against).toMatch(
      /is not a parameter here/,
    );
    expect((await t.http().get(`/api/snapshots/${snapshot.id}/diff?to=abc`).expect(400)).body.errors.to).toMatch(/is not an id/);
  });
});
