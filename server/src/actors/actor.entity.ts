import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampedEntity } from '../records/collection/timestamped.entity';

export const ACTOR_KINDS = ['person', 'organization'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Who speaks: a person or an organisation. */
@Entity('actors')
@Index('uq_actors_wikidata_id', ['wikidataId'], { unique: true, where: 'wikidata_id IS NOT NULL' })
@Check('chk_actors_country', `country ~ '^[A-Z]{2}$'`)
@Check('chk_actors_wikidata_id', `wikidata_id ~ '^Q[1-9][0-9]*$'`)
export class Actor extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The name in its own script: Сергей Лавров, 河野太郎. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  nativeName: string | null;

  @Column({ type: 'enum', enum: ACTOR_KINDS, enumName: 'actor_kind', default: 'person' })
  kind: ActorKind;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  title: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  @Column({ type: 'varchar', length: 20, nullable: true })
  wikidataId: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;
}
