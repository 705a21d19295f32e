import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampedEntity } from '../records/collection/timestamped.entity';

export const SOURCE_KINDS = ['news', 'transcript', 'official', 'interview', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Where we know a statement from. */
@Entity('sources')
export class Source extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  publisher: string | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  url: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  authors: string[];

  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ type: 'date', nullable: true })
  accessedOn: string | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  archiveUrl: string | null;

  /** BCP 47 language tag of the source text. */
  @Column({ type: 'varchar', length: 35, nullable: true })
  language: string | null;

  @Column({ type: 'enum', enum: SOURCE_KINDS, enumName: 'source_kind', default: 'news' })
  kind: SourceKind;
}
