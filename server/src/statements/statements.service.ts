import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { asConflict, CollectionService, RecordRow, Usage, usedBy, WriteMode } from '../records/collection/collection.service';
import { badRequest } from '../kernel/errors/api-errors';
import { parseEdtf } from './edtf/parse-edtf';
import { PUBLISHED_STATEMENTS, STATEMENT_FILTERS, STATEMENT_TABLE, StatementSort } from './statement-query';
import { checkStatementReferences, StatementReferences } from './statement-references';
import { applyStatementRules } from './statement-rules';
import { Statement } from './statement.entity';
import { STATEMENT_FIELDS } from './statement.fields';

type StatementRow = RecordRow<typeof STATEMENT_FIELDS>;

/**
 * Statements: the records engine's versioned collection, with the dates derived from the
 * EDTF `date` on every write, and the checks that what a statement refers to is live (and that
 * replies do not loop).
 */
@Injectable()
export class StatementsService extends CollectionService<typeof STATEMENT_FIELDS, typeof STATEMENT_FILTERS, StatementSort> {
  constructor() {
    super({
      resource: 'statements',
      label: 'Statement',
      labelField: 'headline',
      entity: Statement,
      fields: STATEMENT_FIELDS,
      table: STATEMENT_TABLE,
      published: PUBLISHED_STATEMENTS,
    });
  }

  /** Replies keep pointing at a statement in the trash (restorable); a purge needs them gone. */
  protected async usage(manager: EntityManager, id: number, users: 'live' | 'all'): Promise<Usage> {
    if (users === 'live') return usedBy(0, { one: 'reply', many: 'replies' });
    const replies = await manager.query<{ id: number }[]>('SELECT id FROM statements WHERE responds_to_id = $1 ORDER BY id LIMIT 20', [id]);
    return usedBy(
      replies.length,
      { one: 'statement', many: 'statements' },
      replies.length ? `replies: ${replies.map((r) => r.id).join(', ')}` : undefined,
    );
  }

  protected override async checkInput(manager: EntityManager, input: object, mode: WriteMode, before?: StatementRow) {
    const statement = input as StatementReferences;
    const speakerId = statement.speakerId ?? before?.speakerId;
    const participantIds = statement.participantIds ?? (mode === 'change' ? before?.participantIds : []);
    await checkStatementReferences(manager, { ...statement, speakerId, participantIds }, before?.id);
    const errors = applyStatementRules(input as Record<string, unknown>, before);
    if (Object.keys(errors).length) throw badRequest(errors);
  }

  /** The columns the input names, and the day bounds and display form of its date. */
  protected override columnsOf(input: object): Record<string, unknown> {
    const columns = super.columnsOf(input);
    const { date } = input as { date?: string };
    return date === undefined ? columns : { ...columns, ...parseEdtf(date) };
  }

  protected override async checkRestorable(manager: EntityManager, record: StatementRow) {
    try {
      await checkStatementReferences(manager, record, record.id);
    } catch (error) {
      throw asConflict(error, `Statement ${record.id} refers to records that are gone; restore or change them first`);
    }
  }
}
