import { ApiProperty } from '@nestjs/swagger';
import { declareCreateBody } from '../records/fields/declare-fields';
import { oneOfOrNull, reference, text } from '../records/fields/field-kinds';

/*
 * A statement's source as it cites it: which source, in what role, where in it, and the
 * passage that supports the entry. Kept in statement_sources beside the link itself.
 */

export const CITATION_ROLES = ['primary', 'reporting', 'commentary'] as const;
export type CitationRole = (typeof CITATION_ROLES)[number];

/** What a citation says beyond the source's id: the columns of statement_sources and the properties of a citation. */
export const CITATION_DETAILS = {
  role: oneOfOrNull(CITATION_ROLES, {
    enumName: 'citation_role',
    description:
      'primary: where the words were said or first published (a transcript, a press release, an interview); ' +
      'reporting: a news report of them; commentary: an analysis or opinion about them. Null until chosen.',
  }),
  locator: text({ maxLength: 200, description: 'Where in the source: page, paragraph, time code or URL fragment', example: 'para. 5' }),
  excerpt: text({ maxLength: 2000, description: 'The exact passage of the source that supports the entry' }),
};

export class SourceCitation {
  sourceId: number;
  role: CitationRole | null;
  locator: string | null;
  excerpt: string | null;
}
declareCreateBody(SourceCitation, {
  sourceId: reference({ table: 'sources', relation: 'source', required: true, description: 'Source id' }),
  ...CITATION_DETAILS,
});

/** A source as the timeline names it. */
export class SourceName {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty({ example: 'Deep gap emerges between Japan, Russia over territorial dispute' }) title: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'The Mainichi' }) publisher: string | null;
}
