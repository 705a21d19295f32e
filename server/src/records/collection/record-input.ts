import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { INT32_MAX, ReadOnlyField } from '../../kernel/validation/field-decorators';

/**
 * Base of every create/update body: the fields the server owns, which react-admin sends back
 * with each PUT, are accepted and ignored; `version` says which version an update is based on.
 */
export abstract class RecordInput {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() createdBy?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
  @ReadOnlyField() updatedBy?: unknown;
  @ReadOnlyField() deletedAt?: unknown;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    nullable: true,
    description: 'Updates: the version your change is based on (or send If-Match; null or left out: If-Match only). Ignored on create.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  version?: number;
}

/** An account as records name it: created by, updated by. */
export class AuthorRef {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'Ada Editor' }) name: string;
}
