import { RecordBody, RecordOutput } from '../records/collection/record-bodies';
import { declareChangeBody, declareCreateBody, declareRecord } from '../records/fields/declare-fields';
import { FieldInput } from '../records/fields/field';
import { TOPIC_FIELDS } from './topic.fields';

/** A new topic (POST). */
export class TopicInput extends RecordBody {}
declareCreateBody(TopicInput, TOPIC_FIELDS);
export type TopicInputValues = FieldInput<typeof TOPIC_FIELDS>;

/** Any of a topic's fields (PUT, PATCH). */
export class TopicChange extends RecordBody {}
declareChangeBody(TopicChange, TOPIC_FIELDS);

/** A topic as the API returns it. */
export class TopicRecord extends RecordOutput {}
declareRecord(TopicRecord, TOPIC_FIELDS);
