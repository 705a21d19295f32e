import { Entity, Unique } from 'typeorm';
import { RecordEntity } from '../records/collection/record.entity';
import { declareColumns } from '../records/fields/declare-fields';
import { TOPIC_FIELDS } from './topic.fields';

/** What a statement is about (a controlled vocabulary); its columns are TOPIC_FIELDS. */
@Entity('topics')
@Unique('uq_topics_name', ['name'])
export class Topic extends RecordEntity {}
declareColumns(Topic, TOPIC_FIELDS);
