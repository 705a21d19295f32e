import { RecordBody, RecordOutput } from '../records/collection/record-bodies';
import { declareChangeBody, declareCreateBody, declareRecord } from '../records/fields/declare-fields';
import { FieldInput } from '../records/fields/field';
import { ACTOR_FIELDS } from './actor.fields';

/** A new actor (POST). */
export class ActorInput extends RecordBody {}
declareCreateBody(ActorInput, ACTOR_FIELDS);
export type ActorInputValues = FieldInput<typeof ACTOR_FIELDS>;

/** Any of an actor's fields (PUT, PATCH). */
export class ActorChange extends RecordBody {}
declareChangeBody(ActorChange, ACTOR_FIELDS);

/** An actor as the API returns it. */
export class ActorRecord extends RecordOutput {}
declareRecord(ActorRecord, ACTOR_FIELDS);
