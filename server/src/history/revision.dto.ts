import { ApiProperty } from '@nestjs/swagger';
import { AuthorRef } from '../records/collection/record-bodies';
import { REVISION_ACTIONS, REVISION_RESOURCES } from './revision.entity';

const RECORD_STATE = {
  type: 'object',
  additionalProperties: true,
  nullable: true,
} as const;

/**
 * One change of one record, as the history and the activity feed return it. For an account change
 * (resource users or tokens, admins only), `before` and `after` hold only what is safe to show.
 */
export class RevisionRecord {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty({
    enum: REVISION_RESOURCES,
    enumName: 'RevisionResource',
    description:
      'The collection; imports for an import and its undo; users for a change to an account, tokens for a personal API token made or revoked.',
  })
  resource: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) recordId: number;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: "The record's version after the change (before it, for a purge); for an account or a token, the count of its changes.",
  })
  version: number;
  @ApiProperty({
    enum: REVISION_ACTIONS,
    enumName: 'RevisionAction',
    description: 'For an account: create (invited) or update; for a token: create or delete (revoked).',
  })
  action: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) at: string;
  @ApiProperty({
    type: AuthorRef,
    nullable: true,
    description: 'Who made the change; null for changes made without an account (restore of old data).',
  })
  user: AuthorRef | null;
  @ApiProperty({ description: "The record's headline or name at the time (an account's name, a token's name)." }) label: string;
  @ApiProperty({
    type: [String],
    description:
      'The fields the change touched, in the record’s order. `password` when a password was set (invitation, reset, own change): its value is never kept.',
  })
  changedFields: string[];
  @ApiProperty({
    ...RECORD_STATE,
    description:
      'The record as the API returned it before the change; null for a creation. An account: id, email, displayName, role, active, ' +
      'mustChangePassword, oneTimePasswordExpiresAt. A token: id, name, scope, owner { id, name }, expiresAt, revokedAt. Never a secret.',
  })
  before: Record<string, unknown> | null;
  @ApiProperty({ ...RECORD_STATE, description: 'The record after the change; null for a purge.' })
  after: Record<string, unknown> | null;
  @ApiProperty({ type: 'integer', minimum: 1, nullable: true, description: 'For a revert: the revision whose state was brought back.' })
  revertedFrom: number | null;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    nullable: true,
    description: 'For a revert: the record\'s version that revision made, the one brought back ("Restored version 3").',
  })
  revertedFromVersion: number | null;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    nullable: true,
    description: 'The import that made the change, if one did (GET /api/imports/{id}); for resource imports, the import itself.',
  })
  importId: number | null;
}
