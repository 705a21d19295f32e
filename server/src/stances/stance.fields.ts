import { Matches } from 'class-validator';
import { integer, text } from '../records/fields/field-kinds';

export const STANCE_SCORE_MIN = -2;
export const STANCE_SCORE_MAX = 2;
const COLOR = /^#[0-9A-Fa-f]{6}$/;

/** How a statement was said, on a scale from −2 (rejecting) to +2 (conciliatory). Each field declared once (records/fields). */
export const STANCE_FIELDS = {
  name: text({ maxLength: 100, required: true, description: 'Unique name', example: 'Rejecting' }),
  score: integer({
    min: STANCE_SCORE_MIN,
    max: STANCE_SCORE_MAX,
    required: true,
    column: { type: 'smallint' },
    description: '−2 rejecting … 0 neutral … +2 conciliatory',
  }),
  /** `#rrggbb`, the colour the timeline draws it in. */
  color: text({
    maxLength: 7,
    column: { type: 'char', length: 7 },
    pattern: COLOR.source,
    example: '#c62828',
    validate: [Matches(COLOR, { message: 'color must be a colour written #rrggbb' })],
  }),
  description: text({ maxLength: 20_000 }),
};
