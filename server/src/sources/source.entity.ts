import { Entity } from 'typeorm';
import { RecordEntity } from '../records/collection/record.entity';
import { declareColumns } from '../records/fields/declare-fields';
import { SOURCE_FIELDS } from './source.fields';

/** Where we know a statement from; its columns are SOURCE_FIELDS. */
@Entity('sources')
export class Source extends RecordEntity {}
declareColumns(Source, SOURCE_FIELDS);
