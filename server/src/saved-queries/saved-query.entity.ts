import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { User } from '../users/user.entity';

/** The pages a saved query opens: the statement list (filters, _sort, _order), or the timeline (filters, view, order). */
export const SAVED_QUERY_RESOURCES = ['statements', 'timeline', 'analysis'] as const;
export type SavedQueryResource = (typeof SAVED_QUERY_RESOURCES)[number];

/** The longest name a saved query takes. */
export const SAVED_QUERY_NAME_MAX = 200;

/**
 * A query a researcher keeps under a name: "All Lavrov statements on sovereignty". It is its
 * owner's, in every browser they sign in from; shared, the whole team sees it and may apply
 * it, and only its owner changes it (an admin may delete a shared one).
 */
@Entity('saved_queries')
@Index('idx_saved_queries_owner_id', ['ownerId'])
export class SavedQueryEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'varchar', length: SAVED_QUERY_NAME_MAX })
  name: string;

  @Column({ type: 'enum', enum: SAVED_QUERY_RESOURCES, enumName: 'saved_query_resource', default: 'statements' })
  resource: SavedQueryResource;

  /** The page's readable query string, normalised: `speakerId=4&topicId=1&_sort=date&_order=ASC`. */
  @Column({ type: 'text' })
  query: string;

  /** Visible to the whole team, read-only to all but its owner. */
  @Column({ type: 'boolean', default: false })
  shared: boolean;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner: Relation<User>;

  @Column({ type: 'integer' })
  ownerId: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
