import { EXPORT_COLUMNS } from '../../server/src/exports/export-columns';
import { snakeCase } from '../../server/src/database/snake-naming.strategy';
import { STATEMENT_FIELDS, StatementField } from '../../server/src/statements/statement.fields';
import { statementWithEveryField } from '../support/every-field';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A statement field is declared once (statement.fields.ts) and that declaration drives every
 * place the field goes. A statement with every field filled in comes back whole from each: the
 * record, the list, the revision, the flat export and the timeline. A new field is taken in
 * without this test being told (every-field.ts).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const FIELDS = Object.entries(STATEMENT_FIELDS as Record<string, StatementField>);
/** A value as a reader would search it: a list of objects as its JSON. */
const asText = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

describe('every statement field', () => {
  it('is stored and read back by a single read, the list and the revision', async () => {
    const { body } = await statementWithEveryField((method, url) => t.http()[method](url), 'Round trip');
    const created = (await t.http().post('/api/statements').send(body).expect(201)).body;
    const read = (await t.http().get(`/api/statements/${created.id}`).expect(200)).body;
    const [listed] = (await t.http().get(`/api/statements?id=${created.id}`).expect(200)).body;
    const [revision] = (await t.http().get(`/api/statements/${created.id}/revisions`).expect(200)).body;
    for (const [name, value] of Object.entries(body)) {
      expect({ name, created: created[name], read: read[name], listed: listed[name], revision: revision.after[name] }).toEqual({
        name,
        created: value,
        read: value,
        listed: value,
        revision: value,
      });
    }
    // The derived fields too, and nothing the declaration does not have.
    const declared = ['id', ...FIELDS.map(([name]) => name), 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt'];
    expect(Object.keys(read)).toEqual(declared);
  });

  it('is in the flat export by its export role, and in the timeline by its timeline role', async () => {
    const { body, shown } = await statementWithEveryField((method, url) => t.http()[method](url), 'Exported');
    const created = (await t.http().post('/api/statements').send(body).expect(201)).body;
    const [row] = JSON.parse((await t.http().get(`/api/statements/export?format=json&id=${created.id}`).expect(200)).text);
    const [entry] = (await t.http().get(`/api/timeline?id=${created.id}`).expect(200)).body.entries;
    for (const [name, field] of FIELDS) {
      const value = created[name];
      if (field.export === true) expect({ name, exported: row[snakeCase(name)] }).toEqual({ name, exported: value });
      else if (field.export) {
        // A reference or a link list exports what it names, by name, in one of its columns.
        const columns = Object.keys(field.export);
        expect({ name, columns: columns.filter((c) => c in row) }).toEqual({ name, columns });
        expect({ name, exported: columns.some((c) => asText(row[c]).includes(shown[name] ?? String(value))) }).toEqual({
          name,
          exported: true,
        });
      } else {
        expect({ name, exported: Object.values(row).includes(value) }).toEqual({ name, exported: false });
      }
      if (field.timeline === true) expect({ name, entry: entry[name] }).toEqual({ name, entry: value });
      else if (field.timeline)
        expect({ name, entry: JSON.stringify(entry[field.timeline.as]) }).toEqual({ name, entry: expect.stringContaining(shown[name]) });
      else expect({ name, inEntry: name in entry }).toEqual({ name, inEntry: false });
    }
    // Every column of the flat export is declared by a field (or is the id and the timestamps).
    expect(Object.keys(row)).toEqual(Object.keys(EXPORT_COLUMNS));
  });
});
