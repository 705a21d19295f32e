import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { RECORD_ACTIONS, RecordAction } from '../records/collection/record-history';
import { User } from '../users/user.entity';

/** The curated collections: their records are versioned, trashed and restored. */
export const RECORD_RESOURCES = ['statements', 'actors', 'sources', 'topics', 'stances'] as const;
export type RecordResource = (typeof RECORD_RESOURCES)[number];
/**
 * Accounts and their personal API tokens: their changes are kept (account-history.ts) but never
 * restored, and only admins see them. Sign-ins, sessions and export tickets are not kept.
 */
export const ACCOUNT_RESOURCES = ['users', 'tokens'] as const;
export type AccountResource = (typeof ACCOUNT_RESOURCES)[number];
export const isAccountResource = (resource: string): resource is AccountResource =>
  (ACCOUNT_RESOURCES as readonly string[]).includes(resource);
/**
 * What revisions are of: the curated records, imports (one per import and per undo: the activity
 * feed's entry for it), and account changes.
 */
export const REVISION_RESOURCES = [...RECORD_RESOURCES, 'imports', ...ACCOUNT_RESOURCES] as const;
export type RevisionResource = (typeof REVISION_RESOURCES)[number];
/** What the records engine reports: create, update, delete (to the trash), restore, revert, purge. */
export const REVISION_ACTIONS = RECORD_ACTIONS;
export type RevisionAction = RecordAction;

/**
 * One change to one record, written in the transaction of the change: who, when, what, and
 * the record as the API showed it before and after. Never updated or deleted; a purged
 * record's revisions stay (record_id has no foreign key on purpose).
 */
@Entity('revisions')
@Index('idx_revisions_resource_record_id_id', ['resource', 'recordId', 'id'])
@Index('idx_revisions_user_id_id', ['userId', 'id'])
@Index('idx_revisions_at', ['at'])
@Index('idx_revisions_import_id', ['importId'], { where: 'import_id IS NOT NULL' })
// The foreign key from a revert to the revision it brought back: without it, deleting revisions (a restore's --replace) scans the table once per row.
@Index('idx_revisions_reverted_from_id', ['revertedFromId'], { where: 'reverted_from_id IS NOT NULL' })
// The activity feed's default page (FEED_ENTRY): newest first without walking an import's rows.
@Index('idx_revisions_feed_id', ['id'], { where: 'import_id IS NULL' })
export class Revision {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'enum', enum: REVISION_RESOURCES, enumName: 'revision_resource' })
  resource: RevisionResource;

  @Column({ type: 'integer' })
  recordId: number;

  /** The record's version after the change (before it, for a purge). */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'enum', enum: REVISION_ACTIONS, enumName: 'revision_action' })
  action: RevisionAction;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User> | null;

  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  /** The record's headline or name at the time, so that the activity feed reads without lookups. */
  @Column({ type: 'varchar', length: 300 })
  label: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  changedFields: string[];

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  /** The import that made the change (its rows' revisions, and its undo's), if one did; never set on the import's own entry. */
  @ManyToOne('imports', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'import_id' })
  import: unknown;

  @Column({ type: 'integer', nullable: true })
  importId: number | null;

  @ManyToOne(() => Revision, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reverted_from_id' })
  revertedFrom: Relation<Revision> | null;

  @Column({ type: 'integer', nullable: true })
  revertedFromId: number | null;
}
