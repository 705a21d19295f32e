import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TimestampedEntity } from '../records/collection/timestamped.entity';
import { Actor } from '../actors/actor.entity';
import { Stance } from '../stances/stance.entity';

export const STATEMENT_TYPES = ['statement', 'meeting', 'document', 'event'] as const;
export type StatementType = (typeof STATEMENT_TYPES)[number];
export const STATEMENT_STATUSES = ['occurred', 'planned', 'cancelled'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
export const REVIEW_STATUSES = ['draft', 'verified'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * One timeline entry. `date` is the EDTF text as entered; `dateStart`/`dateEnd` (the
 * earliest and latest day it allows) and `displayDate` are derived from it on every write.
 */
@Entity('statements')
// Lists, the timeline and exports read live rows only (deleted_at IS NULL): partial indexes
// serve their order and filters index-only, and keep the trash out of them.
@Index('idx_statements_live_date_start_id', ['dateStart', 'id'], { where: 'deleted_at IS NULL' })
@Index('idx_statements_live_speaker_id_date_start_id', ['speakerId', 'dateStart', 'id'], { where: 'deleted_at IS NULL' })
@Index('idx_statements_live_stance_id_date_start_id', ['stanceId', 'dateStart', 'id'], { where: 'deleted_at IS NULL' })
@Index('idx_statements_trashed_deleted_at', ['deletedAt'], { where: 'deleted_at IS NOT NULL' })
// Foreign-key checks (deleting an actor or stance) look up every row, trashed or not.
@Index('idx_statements_speaker_id', ['speakerId'])
@Index('idx_statements_stance_id', ['stanceId'])
@Index('idx_statements_responds_to_id', ['respondsToId'])
// Full-text indexes are created by hand in the migration (expression and operator-class
// indexes TypeORM cannot describe); synchronize:false keeps the schema diff away from them.
@Index('idx_statements_search_vector', { synchronize: false })
@Index('idx_statements_search_text_trgm', { synchronize: false })
@Check('chk_statements_date_range', 'date_start <= date_end')
@Check('chk_statements_not_self_reply', 'responds_to_id <> id')
export class Statement extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'enum', enum: STATEMENT_TYPES, enumName: 'statement_type', default: 'statement' })
  type: StatementType;

  @Column({ type: 'enum', enum: STATEMENT_STATUSES, enumName: 'statement_status', default: 'occurred' })
  status: StatementStatus;

  /** EDTF (ISO 8601-2, levels 0–1), e.g. `2019-01-14`, `2019-06`, `2018-23`, `2019-01/2019-06`. */
  @Column({ type: 'varchar', length: 100 })
  date: string;

  @Column({ type: 'date' })
  dateStart: string;

  @Column({ type: 'date' })
  dateEnd: string;

  @Column({ type: 'varchar', length: 200 })
  displayDate: string;

  @Column({ type: 'varchar', length: 300 })
  headline: string;

  @Column({ type: 'text', nullable: true })
  quote: string | null;

  @Column({ type: 'varchar', length: 35, nullable: true })
  quoteLanguage: string | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @ManyToOne(() => Actor, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'speaker_id' })
  speaker: Relation<Actor>;

  @Column({ type: 'integer' })
  speakerId: number;

  /** The speaker's role at the time (titles change). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  speakerTitle: string | null;

  @ManyToOne(() => Stance, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stance_id' })
  stance: Relation<Stance> | null;

  @Column({ type: 'integer', nullable: true })
  stanceId: number | null;

  @ManyToOne(() => Statement, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responds_to_id' })
  respondsTo: Relation<Statement> | null;

  @Column({ type: 'integer', nullable: true })
  respondsToId: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venue: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  location: string | null;

  @Column({ type: 'enum', enum: REVIEW_STATUSES, enumName: 'review_status', default: 'draft' })
  reviewStatus: ReviewStatus;

  /** Internal notes for the curators; never part of a report. */
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /**
   * Search document (headline, quote, summary, the speaker's names), kept by a trigger
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
