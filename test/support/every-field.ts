import type { Test } from 'supertest';
import { STATEMENT_FIELDS, StatementField } from '../../server/src/statements/statement.fields';

/**
 * A statement with a value in every field a client writes, made from the one declaration
 * (statement.fields.ts), with the text each value should show as: so that tests of "every
 * field" take in a new field without being told. A field of a kind this does not know fails
 * here, naming it, until it is taught.
 */
export interface EveryField {
  /** The body to POST. */
  body: Record<string, unknown>;
  /** Per field, a text a reader should find for its value (a name for a reference, the text itself…). */
  shown: Record<string, string>;
}

type Agent = (method: 'post', url: string) => Test;

/** Values of fields whose format text alone does not satisfy, and what they show as. */
const SPECIAL: Record<string, [value: unknown, shown: string]> = {
  date: ['2019-02', 'February 2019'],
  quoteLanguage: ['ja', 'ja'],
  quoteOriginalLanguage: ['ru', 'ru'],
  dateInferred: [true, 'true'],
};

/** A record of `table` named `marker`, made through the API; its id. */
async function recordIn(post: Agent, table: string, marker: string, speakerId: number): Promise<number> {
  const bodies: Record<string, object> = {
    actors: { name: marker },
    stances: { name: marker, score: 1 },
    topics: { name: marker },
    sources: { title: marker },
    // By its key too: an export names the statement replied to by id and key.
    statements: { date: '2019-01', headline: marker, key: marker, speakerId },
  };
  if (!bodies[table]) throw new Error(`every-field.ts cannot make a record in ${table}: teach it`);
  return ((await post('post', `/api/${table}`).send(bodies[table]).expect(201)).body as { id: number }).id;
}

export async function statementWithEveryField(post: Agent, tag: string): Promise<EveryField> {
  const speakerForReplies = await recordIn(post, 'actors', `${tag} someone`, 0);
  const body: Record<string, unknown> = {};
  const shown: Record<string, string> = {};
  for (const [name, field] of Object.entries(STATEMENT_FIELDS as Record<string, StatementField>)) {
    if (field.derived) continue;
    const marker = `${tag} ${name}`;
    const { storage } = field;
    const schema = field.schema as { type?: string; enum?: string[] };
    if (SPECIAL[name]) [body[name], shown[name]] = SPECIAL[name];
    else if (storage.kind === 'linkDetails' || name === 'interpretationSourceId') {
      continue; // below, once the sources they name are made
    } else if (storage.kind === 'reference') {
      body[name] = await recordIn(post, storage.table, marker, speakerForReplies);
      shown[name] = marker;
    } else if (storage.kind === 'links') {
      body[name] = [await recordIn(post, storage.linkedTable, marker, speakerForReplies)];
      shown[name] = marker;
    } else if (schema.enum) {
      // A value, not the null of a field that may be left unset (oneOfOrNull lists null last).
      const values = schema.enum.filter((value) => value !== null);
      body[name] = values[values.length - 1];
      shown[name] = String(body[name]);
    } else if (schema.type === 'string') {
      body[name] = marker;
      shown[name] = marker;
    } else {
      throw new Error(`every-field.ts has no value for the statement field ${name}: teach it`);
    }
  }
  // A statement's sources with their details, and the source whose reading its interpretation is: one it cites.
  const [sourceId] = body.sourceIds as number[];
  body.sources = [{ sourceId, role: 'primary', locator: `${tag} locator`, excerpt: `${tag} sources` }];
  shown.sources = `${tag} sources`;
  body.interpretationSourceId = sourceId;
  shown.interpretationSourceId = shown.sourceIds;
  return { body, shown };
}
