import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TimestampedEntity } from '../records/collection/timestamped.entity';

/** What a statement is about (a controlled vocabulary). */
@Entity('topics')
@Unique('uq_topics_name', ['name'])
export class Topic extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;
}
