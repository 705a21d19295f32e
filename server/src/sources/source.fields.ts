import { IsUrl } from 'class-validator';
import { calendarDate, languageTag, oneOf, text, textList } from '../records/fields/field-kinds';

export const SOURCE_KINDS = ['news', 'transcript', 'official', 'interview', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const httpUrl = (field: string) =>
  IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: `${field} must be an http(s) URL` });

/** Where we know a statement from. Each field declared once (records/fields). */
export const SOURCE_FIELDS = {
  title: text({ maxLength: 500, required: true, example: 'Deep gap emerges between Japan, Russia over territorial dispute' }),
  publisher: text({ maxLength: 300, example: 'The Mainichi' }),
  url: text({ maxLength: 2048, validate: [httpUrl('url')], example: 'https://mainichi.jp/english/articles/20190115/p2a/00m/0na/009000c' }),
  authors: textList({ maxItems: 100, maxLength: 300 }),
  publishedOn: calendarDate({ description: 'Publication date, YYYY-MM-DD' }),
  accessedOn: calendarDate({ description: 'When the source was read, YYYY-MM-DD' }),
  archiveUrl: text({ maxLength: 2048, validate: [httpUrl('archiveUrl')], description: 'Web archive copy' }),
  /** BCP 47 language tag of the source text. */
  language: languageTag({ description: 'BCP 47 language of the source' }),
  translatedFrom: languageTag({
    description: "When the source is itself a translation (a paper's English edition), the BCP 47 language of its original",
    example: 'ja',
  }),
  kind: oneOf(SOURCE_KINDS, { enumName: 'source_kind', default: 'news' }),
};
