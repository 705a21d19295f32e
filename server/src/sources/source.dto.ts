import { RecordBody, RecordOutput } from '../records/collection/record-bodies';
import { declareChangeBody, declareCreateBody, declareRecord } from '../records/fields/declare-fields';
import { FieldInput } from '../records/fields/field';
import { SOURCE_FIELDS } from './source.fields';

/** A new source (POST). */
export class SourceInput extends RecordBody {}
declareCreateBody(SourceInput, SOURCE_FIELDS);
export type SourceInputValues = FieldInput<typeof SOURCE_FIELDS>;

/** Any of a source's fields (PUT, PATCH). */
export class SourceChange extends RecordBody {}
declareChangeBody(SourceChange, SOURCE_FIELDS);

/** A source as the API returns it. */
export class SourceRecord extends RecordOutput {}
declareRecord(SourceRecord, SOURCE_FIELDS);
