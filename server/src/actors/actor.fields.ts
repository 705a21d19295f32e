import { IsISO31661Alpha2, Matches } from 'class-validator';
import { oneOf, text, textList } from '../records/fields/field-kinds';

export const ACTOR_KINDS = ['person', 'organization'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

const COUNTRY_MESSAGE = { message: 'country must be an ISO 3166-1 alpha-2 code in capitals, such as JP or RU' };
const WIKIDATA_ID = /^Q[1-9]\d{0,15}$/;

/** Who speaks: a person or an organisation. Each field declared once (records/fields). */
export const ACTOR_FIELDS = {
  name: text({ maxLength: 200, required: true, description: 'Name as usually written in English', example: 'Sergey Lavrov' }),
  /** The name in its own script: Сергей Лавров, 河野太郎. */
  nativeName: text({ maxLength: 200, description: 'Name in its own script', example: 'Сергей Лавров' }),
  kind: oneOf(ACTOR_KINDS, { enumName: 'actor_kind', default: 'person' }),
  country: text({
    maxLength: 2,
    column: { type: 'char', length: 2 },
    pattern: '^[A-Z]{2}$',
    description: 'ISO 3166-1 alpha-2 code',
    example: 'RU',
    validate: [Matches(/^[A-Z]{2}$/, COUNTRY_MESSAGE), IsISO31661Alpha2(COUNTRY_MESSAGE)],
  }),
  title: text({ maxLength: 300, description: 'Current or best-known role', example: 'Foreign Minister of Russia' }),
  aliases: textList({ maxItems: 50, maxLength: 200, description: 'Other spellings and names; searched too' }),
  wikidataId: text({
    maxLength: 20,
    pattern: WIKIDATA_ID.source,
    example: 'Q123',
    validate: [Matches(WIKIDATA_ID, { message: 'wikidataId must be a Wikidata item id such as Q42' })],
  }),
  description: text({ maxLength: 20_000 }),
};
