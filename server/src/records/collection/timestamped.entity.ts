import { Column, CreateDateColumn, JoinColumn, ManyToOne, Relation, UpdateDateColumn, VersionColumn } from 'typeorm';
import { User } from '../../users/user.entity';

/**
 * What every curated record carries for provenance and safe concurrent editing: when and by
 * whom it was created and last changed, its version (1, then +1 on each change; an update
 * must name the version it was based on), and when it went to the trash.
 */
export abstract class TimestampedEntity {
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy: Relation<User> | null;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by_id' })
  updatedBy: Relation<User> | null;

  @Column({ type: 'integer', nullable: true })
  updatedById: number | null;

  /** In the trash since; null while live. Lists, exports and the timeline show live records only. */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deleted_by_id' })
  deletedBy: Relation<User> | null;

  @Column({ type: 'integer', nullable: true })
  deletedById: number | null;
}
