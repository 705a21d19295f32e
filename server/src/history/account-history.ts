import type { EntityManager } from 'typeorm';
import { changedFields } from '../records/collection/record-history';
import type { AccountResource } from './revision.entity';

/**
 * An account as its history keeps it. Built field by field from an allow-list, so that whatever
 * row it is given, no password, password hash or one-time password reaches the revisions table.
 */
export interface AccountState {
  id: number;
  email: string;
  displayName: string;
  role: string;
  active: boolean;
  mustChangePassword: boolean;
  oneTimePasswordExpiresAt: Date | string | null;
}

export const accountState = (user: AccountState): AccountState => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
  active: user.active,
  mustChangePassword: user.mustChangePassword,
  oneTimePasswordExpiresAt: user.oneTimePasswordExpiresAt,
});

/** A personal API token as its history keeps it: never the token nor its hash. */
export interface TokenState {
  id: number;
  name: string | null;
  scope: string;
  /** The account the token acts for (by whoever made or revoked it), named as it was then. */
  owner: { id: number; name: string };
  expiresAt: Date | string | null;
  revokedAt: Date | string | null;
}

/** The columns a token's state is read from (a RETURNING of auth_tokens joined with its owner in users). */
export interface TokenStateRow {
  id: number;
  name: string | null;
  scope: string;
  user_id: number;
  owner_name: string;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export const tokenState = (row: TokenStateRow): TokenState => ({
  id: row.id,
  name: row.name,
  scope: row.scope,
  owner: { id: row.user_id, name: row.owner_name },
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

/** Named in changedFields when a password was set (invitation, reset, own change); its value is never kept. */
export const PASSWORD_FIELD = 'password';

export interface AccountChange {
  resource: AccountResource;
  recordId: number;
  /** users: create (an invitation), update; tokens: create, delete (revoked). */
  action: 'create' | 'update' | 'delete';
  /** Who made the change: the admin, or the account's owner for their own password and tokens. */
  actorId: number;
  /** The account's name or the token's, at the time. */
  label: string;
  before: AccountState | TokenState | null;
  after: AccountState | TokenState | null;
  /** A new password (or one-time password) was set: shown as a change of `password`, with no value. */
  passwordSet?: boolean;
}

/**
 * Writes one account change to the history, in the caller's transaction (the change and its
 * revision are stored together or not at all). A change that changed nothing is not written.
 * The version counts the account's (or token's) revisions: it has no version column of its own.
 */
export async function recordAccountChange(manager: EntityManager, change: AccountChange): Promise<void> {
  const fields = [...(change.passwordSet ? [PASSWORD_FIELD] : []), ...changedFields(change.before, change.after)];
  if (!fields.length) return;
  await manager.query(
    `INSERT INTO revisions (resource, record_id, version, action, user_id, label, changed_fields, before, after)
     VALUES ($1::revision_resource, $2,
             (SELECT count(*)::int + 1 FROM revisions WHERE resource = $1::revision_resource AND record_id = $2),
             $3::revision_action, $4, $5, $6::text[], $7::jsonb, $8::jsonb)`,
    [
      change.resource,
      change.recordId,
      change.action,
      change.actorId,
      change.label.slice(0, 300),
      fields,
      change.before && JSON.stringify(change.before),
      change.after && JSON.stringify(change.after),
    ],
  );
}
