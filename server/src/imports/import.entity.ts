import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { User } from '../users/user.entity';

export const IMPORT_FORMATS = ['csv', 'xlsx', 'ndjson', 'json'] as const;
/** running: being written; finished: committed; failed: nothing written; undone: reverted by its undo. */
export const IMPORT_STATUSES = ['running', 'finished', 'failed', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const ROW_OUTCOMES = ['created', 'updated', 'unchanged', 'failed'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/**
 * One import that was committed or failed, with its report (a dry run is never stored: it
 * writes nothing). Written in the transaction of its statements, so that an import and what it
 * wrote are stored together or not at all.
 */
@Entity('imports')
@Index('idx_imports_user_id', ['userId'])
export class ImportEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User>;

  @Column({ type: 'integer' })
  userId: number;

  /** The file's name as the client gave it (the admin's upload, the CLI's path); '' when none was. */
  @Column({ type: 'varchar', length: 300 })
  fileName: string;

  @Column({ type: 'enum', enum: IMPORT_FORMATS, enumName: 'import_format' })
  format: (typeof IMPORT_FORMATS)[number];

  /** createMissing, skipInvalid, sheet and the column mapping, as given. */
  @Column({ type: 'jsonb' })
  options: Record<string, unknown>;

  @Column({ type: 'enum', enum: IMPORT_STATUSES, enumName: 'import_status' })
  status: ImportStatus;

  /** Why a failed import wrote nothing, when the file itself could not be read. */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'integer' })
  totalRows: number;

  @Column({ type: 'integer' })
  created: number;

  @Column({ type: 'integer' })
  updated: number;

  @Column({ type: 'integer' })
  unchanged: number;

  @Column({ type: 'integer' })
  failed: number;

  /** The records the file's cells named: which were matched (and how) and which created. */
  @Column({ type: 'jsonb' })
  references: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  undoneAt: Date | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'undone_by_id' })
  undoneBy: Relation<User> | null;

  @Column({ type: 'integer', nullable: true })
  undoneById: number | null;
}

/** What an import did with one row of its file. */
@Entity('import_rows')
export class ImportRowEntity {
  @ManyToOne(() => ImportEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  import: Relation<ImportEntity>;

  @PrimaryColumn({ type: 'integer' })
  importId: number;

  /** The row as the user sees it in the file (spreadsheet row, NDJSON line, JSON item). */
  @PrimaryColumn({ type: 'integer' })
  row: number;

  @Column({ type: 'enum', enum: ROW_OUTCOMES, enumName: 'import_row_outcome' })
  outcome: RowOutcome;

  /** The statement the row created or changed (no foreign key: the report outlives a purge). */
  @Column({ type: 'integer', nullable: true })
  statementId: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  key: string | null;

  /** Column → what is wrong, for a failed row. */
  @Column({ type: 'jsonb', nullable: true })
  errors: Record<string, string> | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  changedFields: string[];
}
