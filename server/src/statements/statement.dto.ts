import { RecordBody, RecordOutput } from '../records/collection/record-bodies';
import { declareChangeBody, declareCreateBody, declareRecord } from '../records/fields/declare-fields';
import { FieldInput, FieldValues } from '../records/fields/field';
import { STATEMENT_FIELDS } from './statement.fields';

/** A new statement (POST). */
export class StatementInput extends RecordBody {}
declareCreateBody(StatementInput, STATEMENT_FIELDS);
export type StatementInputValues = FieldInput<typeof STATEMENT_FIELDS>;

/** Any of a statement's fields (PUT, PATCH); a link list whole or as `{ add, remove }`. */
export class StatementChange extends RecordBody {}
declareChangeBody(StatementChange, STATEMENT_FIELDS);

/** A statement as the API returns it: relations as id arrays, as react-admin expects. */
export class StatementRecord extends RecordOutput {}
declareRecord(StatementRecord, STATEMENT_FIELDS);
export type StatementValues = FieldValues<typeof STATEMENT_FIELDS>;
