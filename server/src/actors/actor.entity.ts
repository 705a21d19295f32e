import { Check, Entity, Index } from 'typeorm';
import { RecordEntity } from '../records/collection/record.entity';
import { declareColumns } from '../records/fields/declare-fields';
import { ACTOR_FIELDS } from './actor.fields';

/** Who speaks: a person or an organisation; its columns are ACTOR_FIELDS. */
@Entity('actors')
@Index('uq_actors_wikidata_id', ['wikidataId'], { unique: true, where: 'wikidata_id IS NOT NULL' })
@Check('chk_actors_country', `country ~ '^[A-Z]{2}$'`)
@Check('chk_actors_wikidata_id', `wikidata_id ~ '^Q[1-9][0-9]*$'`)
export class Actor extends RecordEntity {}
declareColumns(Actor, ACTOR_FIELDS);
