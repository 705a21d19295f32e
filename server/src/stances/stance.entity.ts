import { Check, Entity, Unique } from 'typeorm';
import { RecordEntity } from '../records/collection/record.entity';
import { declareColumns } from '../records/fields/declare-fields';
import { STANCE_FIELDS, STANCE_SCORE_MAX, STANCE_SCORE_MIN } from './stance.fields';

/** How a statement was said; its columns are STANCE_FIELDS. */
@Entity('stances')
@Unique('uq_stances_name', ['name'])
@Check('chk_stances_score', `score BETWEEN ${STANCE_SCORE_MIN} AND ${STANCE_SCORE_MAX}`)
@Check('chk_stances_color', `color ~ '^#[0-9A-Fa-f]{6}$'`)
export class Stance extends RecordEntity {}
declareColumns(Stance, STANCE_FIELDS);
