import {
  Column,
  CreateDateColumn,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/**
 * The table of accounts that authors are rows of. Named rather than imported: the engine
 * knows the schema fact (created_by_id points at users.id), not the accounts feature.
 */
const AUTHORS_TABLE = 'users';

/** An account as a foreign key sees it. */
type AuthorRow = { id: number };

/**
 * What every curated record carries for provenance and safe concurrent editing: its id, when
 * and by whom it was created and last changed, its version (1, then +1 on each change; an
 * update may name the version it was based on), and when it went to the trash.
 */
export abstract class RecordEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;

  @ManyToOne(AUTHORS_TABLE, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy: Relation<AuthorRow> | null;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @ManyToOne(AUTHORS_TABLE, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by_id' })
  updatedBy: Relation<AuthorRow> | null;

  @Column({ type: 'integer', nullable: true })
  updatedById: number | null;

  /** In the trash since; null while live. Lists, exports and the timeline show live records only. */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @ManyToOne(AUTHORS_TABLE, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deleted_by_id' })
  deletedBy: Relation<AuthorRow> | null;

  @Column({ type: 'integer', nullable: true })
  deletedById: number | null;
}
