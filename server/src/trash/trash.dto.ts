import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { RECORD_RESOURCES } from '../history/revision.entity';
import { AuthorRef } from '../records/collection/record-bodies';

/** A record in the trash, whatever its collection. */
export class TrashRow {
  @ApiProperty({ example: 'statements:7', description: 'resource:recordId' }) id: string;
  @ApiProperty({ enum: RECORD_RESOURCES, enumName: 'RecordResource' }) resource: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) recordId: number;
  @ApiProperty({ description: 'Its headline, name or title.' }) label: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) deletedAt: string;
  @ApiProperty({ type: AuthorRef, nullable: true }) deletedBy: AuthorRef | null;
}

/**
 * A record of any collection, as that collection returns it: StatementRecord, ActorRecord, …
 * Named, not imported: a name that does not resolve fails the document's lint.
 */
export const ANY_RECORD = {
  anyOf: RECORD_RESOURCES.map((resource) => ({
    $ref: getSchemaPath(`${resource[0].toUpperCase()}${resource.slice(1, -1)}Record`),
  })),
};
