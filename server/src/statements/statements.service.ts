import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { asConflict, CollectionService, TIMESTAMP_FIELDS, Usage, WriteMode } from '../records/collection/collection.service';
import { RevisionsService } from '../history/revisions.service';
import { parseEdtf } from './edtf/parse-edtf';
import { StatementParticipant, StatementSource, StatementTopic } from './statement-links.entity';
import { STATEMENT_FILTERS, STATEMENT_TABLE, StatementSort } from './statement-query';
import { checkStatementReferences } from './statement-references';
import { StatementInput, StatementRecord } from './statement.dto';
import { Statement } from './statement.entity';

/** Columns a client may set; the rest (id, derived dates, timestamps) the server owns. */
const COLUMN_FIELDS = [
  'type',
  'status',
  'headline',
  'quote',
  'quoteLanguage',
  'summary',
  'speakerId',
  'speakerTitle',
  'stanceId',
  'respondsToId',
  'venue',
  'location',
  'reviewStatus',
  'notes',
] as const;
// The link lists too: a PATCH that sends null for one would otherwise be read as "leave it".
const REQUIRED_FIELDS = [
  'type',
  'status',
  'date',
  'headline',
  'speakerId',
  'reviewStatus',
  'participantIds',
  'topicIds',
  'sourceIds',
] as const;

/** What a PUT that leaves a field out stores in it. */
const EMPTY_STATEMENT: Partial<Statement> = {
  type: 'statement',
  status: 'occurred',
  quote: null,
  quoteLanguage: null,
  summary: null,
  speakerTitle: null,
  stanceId: null,
  respondsToId: null,
  venue: null,
  location: null,
  reviewStatus: 'draft',
  notes: null,
};

const LINKS = [
  { field: 'participantIds', entity: StatementParticipant, column: 'actorId' },
  { field: 'topicIds', entity: StatementTopic, column: 'topicId' },
  { field: 'sourceIds', entity: StatementSource, column: 'sourceId' },
] as const;
type LinkField = (typeof LINKS)[number]['field'];

/** Fields derived from `date` on every write; a client never sets them. */
const DERIVED_FIELDS = ['dateStart', 'dateEnd', 'displayDate'] as const;

/**
 * Statements: the shared versioned collection machinery, plus the EDTF-derived dates, the
 * ordered link tables (participants, topics, sources) and the reference checks.
 */
@Injectable()
export class StatementsService extends CollectionService<Statement, StatementRecord, typeof STATEMENT_FILTERS, StatementSort> {
  constructor(dataSource: DataSource, revisions: RevisionsService) {
    super(
      dataSource,
      STATEMENT_TABLE,
      {
        resource: 'statements',
        label: 'Statement',
        labelField: 'headline',
        entity: Statement,
        readOnlyFields: [...TIMESTAMP_FIELDS, ...DERIVED_FIELDS],
        requiredFields: REQUIRED_FIELDS,
        emptyRecord: EMPTY_STATEMENT,
      },
      revisions,
    );
  }

  /** Replies keep pointing at a statement in the trash (restorable); a purge needs them gone. */
  protected async usage(manager: EntityManager, id: number, statements: 'live' | 'all'): Promise<Usage> {
    if (statements === 'live') return { statements: 0 };
    const replies: { id: number }[] = await manager.query('SELECT id FROM statements WHERE responds_to_id = $1 ORDER BY id LIMIT 20', [id]);
    return { statements: replies.length, detail: replies.length ? `replies: ${replies.map((r) => r.id).join(', ')}` : undefined };
  }

  protected override async checkInput(manager: EntityManager, input: object, mode: WriteMode, before?: StatementRecord) {
    const statement = input as Partial<StatementInput>;
    const speakerId = statement.speakerId ?? before?.speakerId;
    const participantIds = statement.participantIds ?? (mode === 'patch' ? before?.participantIds : []);
    await checkStatementReferences(manager, { ...statement, speakerId, participantIds }, before?.id);
  }

  protected override columnsOf(input: object): Partial<Statement> {
    const statement = input as Partial<StatementInput>;
    const fields: Record<string, unknown> = {};
    for (const key of COLUMN_FIELDS) if (statement[key] !== undefined) fields[key] = statement[key];
    if (statement.date !== undefined) Object.assign(fields, parseEdtf(statement.date));
    return fields;
  }

  /** Writes each link list the input names (all of them unless patching), keeping the order given. */
  protected override async writeLinks(manager: EntityManager, statementId: number, input: object, mode: WriteMode) {
    const links = input as Partial<Record<LinkField, number[]>>;
    for (const link of LINKS) {
      const ids = links[link.field] ?? (mode === 'patch' ? undefined : []);
      if (ids === undefined) continue;
      if (mode !== 'create') await manager.delete(link.entity, { statementId });
      if (!ids.length) continue;
      await manager.insert(
        link.entity,
        ids.map((linkedId, position) => ({ statementId, [link.column]: linkedId, position })),
      );
    }
  }

  protected override async checkRestorable(manager: EntityManager, record: StatementRecord) {
    try {
      await checkStatementReferences(manager, record, record.id);
    } catch (error) {
      throw asConflict(error, `Statement ${record.id} refers to records that are gone; restore or change them first`);
    }
  }

  protected override inputFromSnapshot(snapshot: Record<string, unknown>): StatementInput {
    const input: Record<string, unknown> = { date: snapshot.date };
    for (const key of [...COLUMN_FIELDS, ...LINKS.map((l) => l.field)]) input[key] = snapshot[key];
    return input as unknown as StatementInput;
  }
}
