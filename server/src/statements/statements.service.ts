import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { badRequest, conflict, notFound } from '../common/errors/api-errors';
import { Page, readOne, readPage } from '../common/list-query/collection-reader';
import { ListQuery } from '../common/list-query/filter-definitions';
import { parseEdtf } from './edtf/parse-edtf';
import { StatementParticipant, StatementSource, StatementTopic } from './statement-links.entity';
import { STATEMENT_FILTERS, STATEMENT_TABLE, StatementSort } from './statement-query';
import { checkStatementReferences } from './statement-references';
import { StatementInput, StatementPatch, StatementRecord } from './statement.dto';
import { Statement } from './statement.entity';

type StatementListQuery = ListQuery<typeof STATEMENT_FILTERS, StatementSort>;

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
const REQUIRED_FIELDS = ['type', 'status', 'date', 'headline', 'speakerId', 'reviewStatus'] as const;

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

@Injectable()
export class StatementsService {
  constructor(private readonly dataSource: DataSource) {}

  list(query: StatementListQuery): Promise<Page<StatementRecord>> {
    return readPage<StatementRecord, typeof STATEMENT_FILTERS, StatementSort>(this.dataSource, STATEMENT_TABLE, query);
  }

  async get(id: number): Promise<StatementRecord> {
    const row = await readOne<StatementRecord, typeof STATEMENT_FILTERS, StatementSort>(this.dataSource, STATEMENT_TABLE, id);
    if (!row) throw notFound('Statement', id);
    return row;
  }

  async create(input: StatementInput): Promise<StatementRecord> {
    const id = await this.dataSource.transaction((manager) => this.createWith(manager, input));
    return this.get(id);
  }

  /** Inserts within the caller's transaction (the fixture loader uses it too); returns the new id. */
  async createWith(manager: EntityManager, input: StatementInput): Promise<number> {
    await checkStatementReferences(manager, input);
    const statement = manager.create(Statement, { ...EMPTY_STATEMENT, ...this.columns(input), ...this.dates(input.date) });
    const { id } = await manager.save(Statement, statement);
    await this.writeLinks(manager, id, input, 'create');
    return id;
  }

  /** PUT replaces the entry (fields left out return to empty); PATCH changes what it names. */
  async update(id: number, input: StatementInput | StatementPatch, mode: 'replace' | 'patch'): Promise<StatementRecord> {
    if (mode === 'patch') this.refuseNullRequired(input);
    await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(Statement, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw notFound('Statement', id);
      const speakerId = input.speakerId ?? existing.speakerId;
      const participantIds =
        input.participantIds ?? (mode === 'replace' ? [] : await this.linkedIds(manager, id, 'participantIds'));
      await checkStatementReferences(manager, { ...input, speakerId, participantIds }, id);
      const next = mode === 'replace' ? { ...EMPTY_STATEMENT, ...this.columns(input) } : this.columns(input);
      manager.merge(Statement, existing, next, input.date === undefined ? {} : this.dates(input.date));
      await manager.save(Statement, existing);
      await this.writeLinks(manager, id, input, mode);
    });
    return this.get(id);
  }

  async remove(id: number): Promise<StatementRecord> {
    const before = await this.get(id);
    await this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOne(Statement, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw notFound('Statement', id);
      const replies: { id: number }[] = await manager.query(
        'SELECT id FROM statements WHERE responds_to_id = $1 ORDER BY id LIMIT 20',
        [id],
      );
      if (replies.length) {
        const ids = replies.map((r) => r.id).join(', ');
        throw conflict(
          `Statement ${id} has replies (statements ${ids}) that respond to it; clear their respondsToId first.`,
        );
      }
      await manager.delete(Statement, id);
    });
    return before;
  }

  private columns(input: Partial<StatementInput>): Partial<Statement> {
    const fields: Record<string, unknown> = {};
    for (const key of COLUMN_FIELDS) if (input[key] !== undefined) fields[key] = input[key];
    return fields as Partial<Statement>;
  }

  private dates(date: string): Pick<Statement, 'date' | 'dateStart' | 'dateEnd' | 'displayDate'> {
    return parseEdtf(date);
  }

  private async linkedIds(manager: EntityManager, id: number, field: LinkField): Promise<number[]> {
    const link = LINKS.find((l) => l.field === field)!;
    const rows = await manager.find(link.entity, { where: { statementId: id }, order: { position: 'ASC' } });
    return rows.map((row) => (row as unknown as Record<string, number>)[link.column]);
  }

  /** Writes each link list the input names (all of them unless patching), keeping the order given. */
  private async writeLinks(
    manager: EntityManager,
    statementId: number,
    input: Partial<Record<LinkField, number[]>>,
    mode: 'create' | 'replace' | 'patch',
  ) {
    for (const link of LINKS) {
      const ids = input[link.field] ?? (mode === 'patch' ? undefined : []);
      if (ids === undefined) continue;
      if (mode !== 'create') await manager.delete(link.entity, { statementId });
      if (!ids.length) continue;
      await manager.insert(
        link.entity,
        ids.map((linkedId, position) => ({ statementId, [link.column]: linkedId, position })),
      );
    }
  }

  private refuseNullRequired(input: Partial<StatementInput>): void {
    const errors: Record<string, string> = {};
    for (const key of REQUIRED_FIELDS) if (input[key] === null) errors[key] = `${key} must not be null`;
    if (Object.keys(errors).length) throw badRequest(errors);
  }
}
