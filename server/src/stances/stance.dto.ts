import { RecordBody, RecordOutput } from '../records/collection/record-bodies';
import { declareChangeBody, declareCreateBody, declareRecord } from '../records/fields/declare-fields';
import { FieldInput } from '../records/fields/field';
import { STANCE_FIELDS } from './stance.fields';

/** A new stance (POST). */
export class StanceInput extends RecordBody {}
declareCreateBody(StanceInput, STANCE_FIELDS);
export type StanceInputValues = FieldInput<typeof STANCE_FIELDS>;

/** Any of a stance's fields (PUT, PATCH). */
export class StanceChange extends RecordBody {}
declareChangeBody(StanceChange, STANCE_FIELDS);

/** A stance as the API returns it. */
export class StanceRecord extends RecordOutput {}
declareRecord(StanceRecord, STANCE_FIELDS);
