import { text } from '../records/fields/field-kinds';

/** What a statement is about: a controlled vocabulary. Each field declared once (records/fields). */
export const TOPIC_FIELDS = {
  name: text({ maxLength: 100, required: true, description: 'Unique name', example: 'Sovereignty' }),
  description: text({ maxLength: 20_000 }),
};
