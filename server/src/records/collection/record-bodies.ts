import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { INT32_MAX, ReadOnlyField } from '../../kernel/validation/field-decorators';

/**
 * Base of every create and change body: the fields the server owns, which react-admin sends
 * back with each PUT, are accepted and ignored; `version` says which version a change is based on.
 */
export abstract class RecordBody {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() createdBy?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
  @ReadOnlyField() updatedBy?: unknown;
  @ReadOnlyField() deletedAt?: unknown;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: INT32_MAX,
    nullable: true,
    description:
      'Changes: the version the change is based on (or send If-Match). Required when the change names every field ' +
      '(a whole record, as an edit form sends it); optional when it names some. Ignored on create.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  version?: number;
}

/** An account as records name it: created by, updated by. */
export class AuthorRef {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty({ example: 'Ada Editor' }) name: string;
}

/** What every record the API returns carries besides its fields. */
export abstract class RecordOutput {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty({ type: 'integer', minimum: 1, description: '1 on creation, +1 on every change; send it back with a change' })
  version: number;
  @ApiProperty({ type: 'string', format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: AuthorRef,
    nullable: true,
    required: false,
    description: 'null for records loaded without an author (generator, restore); left out for anonymous readers (PUBLIC_READ)',
  })
  createdBy?: AuthorRef | null;
  @ApiProperty({ type: 'string', format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: AuthorRef, nullable: true, required: false, description: 'Left out for anonymous readers (PUBLIC_READ)' })
  updatedBy?: AuthorRef | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'Always null outside the trash' })
  deletedAt: string | null;
}
