import { Check, Column, Entity, Index } from 'typeorm';
import { RecordEntity } from '../records/collection/record.entity';
import { declareColumns } from '../records/fields/declare-fields';
import { STATEMENT_FIELDS } from './statement.fields';

/**
 * One timeline entry; its columns and foreign keys are STATEMENT_FIELDS. `date` is the EDTF
 * text as entered; `dateStart`/`dateEnd` (the earliest and latest day it allows) and
 * `displayDate` are derived from it on every write.
 */
@Entity('statements')
// Lists, the timeline and exports read live rows only (deleted_at IS NULL): partial indexes
// serve their order and filters index-only, and keep the trash out of them.
@Index('idx_statements_live_date_start_id', ['dateStart', 'id'], { where: 'deleted_at IS NULL' })
@Index('idx_statements_live_speaker_id_date_start_id', ['speakerId', 'dateStart', 'id'], { where: 'deleted_at IS NULL' })
@Index('idx_statements_live_stance_id_date_start_id', ['stanceId', 'dateStart', 'id'], { where: 'deleted_at IS NULL' })
// A key names one live statement; a trashed one keeps its key, and gives it up to a new statement.
@Index('uq_statements_live_key', ['key'], { unique: true, where: 'deleted_at IS NULL AND key IS NOT NULL' })
@Index('idx_statements_trashed_deleted_at', ['deletedAt'], { where: 'deleted_at IS NOT NULL' })
// Foreign-key checks (deleting an actor or stance) look up every row, trashed or not.
@Index('idx_statements_speaker_id', ['speakerId'])
@Index('idx_statements_stance_id', ['stanceId'])
@Index('idx_statements_responds_to_id', ['respondsToId'])
@Index('idx_statements_interpretation_source_id', ['interpretationSourceId'], { where: 'interpretation_source_id IS NOT NULL' })
// Full-text indexes are created by hand in the migration (expression and operator-class
// indexes TypeORM cannot describe); synchronize:false keeps the schema diff away from them.
@Index('idx_statements_search_vector', { synchronize: false })
@Index('idx_statements_search_text_trgm', { synchronize: false })
// The analysis's covering index (INCLUDE, which TypeORM cannot describe): migration IndexStatementsForAnalysis.
@Index('idx_statements_live_analysis', { synchronize: false })
@Check('chk_statements_date_range', 'date_start <= date_end')
@Check('chk_statements_not_self_reply', 'responds_to_id <> id')
export class Statement extends RecordEntity {
  /**
   * Search document (headline, quote, original wording, summary, the speaker's names), kept by a trigger
   * (`statement_search_text()`); indexed as a `simple` tsvector and as trigrams. Never
   * written or read by the ORM.
   */
  @Column({ type: 'text', nullable: true, select: false, insert: false, update: false })
  searchText: string | null;

  /**
   * `search_text` as a `simple` tsvector, computed by PostgreSQL and stored, GIN-indexed.
   * Stored rather than an index expression so that checking a row against a query is a
   * cheap `@@`: a rare word walks the date index row by row (bench/FINDINGS.md §5), and
   * recomputing to_tsvector for each row made its first page cost 0.9–1.4 s at 1,000,000.
   */
  @Column({
    type: 'tsvector',
    nullable: true,
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: `to_tsvector('simple'::regconfig, search_text)`,
  })
  searchVector: string | null;
}
declareColumns(Statement, STATEMENT_FIELDS);
