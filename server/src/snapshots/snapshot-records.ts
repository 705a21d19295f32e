import { ACTOR_FIELDS } from '../actors/actor.fields';
import { fieldColumns } from '../records/fields/field-rules';
import { SOURCE_FIELDS } from '../sources/source.fields';
import { STANCE_FIELDS } from '../stances/stance.fields';
import { STATEMENT_FIELDS } from '../statements/statement.fields';
import { TOPIC_FIELDS } from '../topics/topic.fields';

/*
 * What a snapshot's NDJSON holds besides the export's columns: each statement's references
 * by id, and the records they name, in full (every declared field), as they were.
 */

const READ = fieldColumns(STATEMENT_FIELDS, 's');

/** A statement line's reference ids (snake_case, like the export's columns), and the SQL that reads them. */
export const REFERENCE_ID_COLUMNS: Record<string, string> = {
  speaker_id: READ.speakerId,
  participant_ids: READ.participantIds,
  stance_id: READ.stanceId,
  topic_ids: READ.topicIds,
  source_ids: READ.sourceIds,
  interpretation_source_id: READ.interpretationSourceId,
};

/** The records a snapshot freezes with its statements: the line's `record`, its table, and which ids of a statement name one. */
export const REFERENCED_RECORDS = [
  { record: 'actor', table: 'actors', fields: ACTOR_FIELDS, ids: ['speaker_id', 'participant_ids'] },
  { record: 'topic', table: 'topics', fields: TOPIC_FIELDS, ids: ['topic_ids'] },
  { record: 'stance', table: 'stances', fields: STANCE_FIELDS, ids: ['stance_id'] },
  { record: 'source', table: 'sources', fields: SOURCE_FIELDS, ids: ['source_ids', 'interpretation_source_id'] },
] as const;

export type ReferencedRecord = (typeof REFERENCED_RECORDS)[number];

/** `SELECT id, <each field as the API reads it> FROM <table> WHERE id = ANY($1) ORDER BY id`. */
export function referencedRecordsSql({ table, fields }: ReferencedRecord): string {
  const columns = Object.entries(fieldColumns(fields, 'x')).map(([name, sql]) => `${sql} AS "${name}"`);
  return `SELECT x.id, ${columns.join(', ')} FROM ${table} x WHERE x.id = ANY($1) ORDER BY x.id`;
}

/** The ids a statement line names, per record kind. */
export function collectReferences(line: Record<string, unknown>, into: Map<ReferencedRecord['record'], Set<number>>): void {
  for (const { record, ids } of REFERENCED_RECORDS) {
    let set = into.get(record);
    if (!set) into.set(record, (set = new Set()));
    for (const key of ids) {
      const value = line[key];
      if (Array.isArray(value)) for (const id of value) set.add(id as number);
      else if (typeof value === 'number') set.add(value);
    }
  }
}
