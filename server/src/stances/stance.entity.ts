import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TimestampedEntity } from '../records/collection/timestamped.entity';

export const STANCE_SCORE_MIN = -2;
export const STANCE_SCORE_MAX = 2;

/** How a statement was said, on a scale from −2 (rejecting) to +2 (conciliatory). */
@Entity('stances')
@Unique('uq_stances_name', ['name'])
@Check('chk_stances_score', `score BETWEEN ${STANCE_SCORE_MIN} AND ${STANCE_SCORE_MAX}`)
@Check('chk_stances_color', `color ~ '^#[0-9A-Fa-f]{6}$'`)
export class Stance extends TimestampedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'smallint' })
  score: number;

  /** `#rrggbb`, the colour the timeline draws it in. */
  @Column({ type: 'char', length: 7, nullable: true })
  color: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;
}
