import { Box, Typography } from '@mui/material';
import { formatInstant } from '../common/formatInstant';
import { RevisionChanges } from '../history/RevisionChanges';
import type { Revision, RevisionAction, RevisionResource } from '../types';

/*
 * Account changes in the activity feed (admins only): invitations, name, role and active
 * changes, password resets and changes (resource users), personal API tokens made and revoked
 * (resource tokens). Their states hold no secret; a password change is named, never shown.
 */

export const ACCOUNT_RESOURCES = ['users', 'tokens'] as const satisfies readonly RevisionResource[];
export type AccountResource = (typeof ACCOUNT_RESOURCES)[number];
export const isAccountResource = (resource: string): resource is AccountResource =>
  (ACCOUNT_RESOURCES as readonly string[]).includes(resource);

/** What the feed calls them: an account rather than a "user", a token by what it is for. */
export const ACCOUNT_RESOURCE_LABELS: Record<AccountResource, { one: string; many: string }> = {
  users: { one: 'Account', many: 'Accounts' },
  tokens: { one: 'API token', many: 'API tokens' },
};

/** Their actions in words: an account is invited, a token revoked (nothing goes to a trash). */
export const ACCOUNT_ACTION_LABELS: Record<AccountResource, Partial<Record<RevisionAction, string>>> = {
  users: { create: 'invited', update: 'changed' },
  tokens: { create: 'created', delete: 'revoked' },
};

type AccountState = { displayName?: string; email?: string; role?: string; active?: boolean; mustChangePassword?: boolean };
type TokenState = { name?: string; owner?: { id: number; name: string }; expiresAt?: string | null; scope?: string };

const possessive = (name: string) => (name.endsWith('s') ? `${name}’` : `${name}’s`);

/** What an account change did, each part a phrase: "role: editor → admin", "password reset", "deactivated". */
function accountParts(revision: Revision): string[] {
  const before = (revision.before ?? {}) as AccountState;
  const after = (revision.after ?? {}) as AccountState;
  if (revision.action === 'create') return [`invited as ${after.role ?? 'viewer'}`];
  return revision.changedFields.flatMap((field) => {
    // A reset leaves a one-time password to replace; a change of one's own, none.
    if (field === 'password') return [after.mustChangePassword ? 'password reset' : 'password changed'];
    if (field === 'role') return [`role: ${before.role} → ${after.role}`];
    if (field === 'active') return [after.active ? 'reactivated' : 'deactivated'];
    if (field === 'displayName') return [`name: ${before.displayName} → ${after.displayName}`];
    return []; // what follows from a password change (one-time password state), shown in the details
  });
}

/** The "Fields changed" column of an account change: what it did, in short. */
export function accountChangeSummary(revision: Revision): string {
  if (revision.resource === 'tokens') {
    const after = (revision.after ?? revision.before ?? {}) as TokenState;
    return revision.action === 'create' ? `${after.scope ?? ''} token` : ''; // "revoked" is the action
  }
  return accountParts(revision).join(', ');
}

/**
 * The change as a sentence: "Ada changed Bob’s role: editor → admin", "Ada reset Bob’s
 * password", "Bob created token ‘laptop’", "Ada revoked Bob’s token ‘laptop’".
 */
export function accountSentence(revision: Revision): string {
  const actor = revision.user?.name ?? 'Someone';
  if (revision.resource === 'tokens') {
    const state = (revision.after ?? revision.before ?? {}) as TokenState;
    const whose = state.owner && state.owner.id !== revision.user?.id ? `${possessive(state.owner.name)} ` : '';
    const verb = revision.action === 'create' ? 'created' : 'revoked';
    return `${actor} ${verb} ${whose}token ‘${revision.label}’`;
  }
  const target = revision.label;
  const before = (revision.before ?? {}) as AccountState;
  const after = (revision.after ?? {}) as AccountState;
  if (revision.action === 'create') return `${actor} invited ${target} (${after.email}) as ${after.role}`;
  const own = revision.user?.id === revision.recordId;
  const phrases = revision.changedFields.flatMap((field) => {
    if (field === 'password') {
      if (after.mustChangePassword) return [own ? 'reset their own password' : `reset ${possessive(target)} password`];
      return [own ? 'changed their password' : `changed ${possessive(target)} password`];
    }
    if (field === 'role') return [`changed ${possessive(target)} role: ${before.role} → ${after.role}`];
    if (field === 'active') return [`${after.active ? 'reactivated' : 'deactivated'} ${target}`];
    if (field === 'displayName') return [`renamed ${before.displayName} to ${after.displayName}`];
    return [];
  });
  return `${actor} ${phrases.join(' and ') || `changed ${target}`}`;
}

/** Never shown field by field: the password has no value to show, the owner is in the sentence. */
const NOT_FIELD_BY_FIELD = new Set(['password', 'owner', 'revokedAt']);

/** Instants the states hold as ISO strings, shown as the reader's local time. */
const INSTANT_FIELDS = ['oneTimePasswordExpiresAt', 'expiresAt'];
const readable = (state: Record<string, unknown> | null) =>
  state &&
  Object.fromEntries(
    Object.entries(state).map(([field, value]) => [
      field,
      INSTANT_FIELDS.includes(field) && typeof value === 'string' ? formatInstant(value) : value,
    ]),
  );

/** An account change opened in the feed: the sentence, when, and what else changed field by field. */
export const AccountActivityDetails = ({ revision }: { revision: Revision }) => {
  const fields = revision.changedFields.filter((field) => !NOT_FIELD_BY_FIELD.has(field));
  return (
    <Box>
      <Typography variant="body2" data-testid="account-change" sx={{ mb: fields.length ? 1 : 0 }}>
        {accountSentence(revision)}, {formatInstant(revision.at)}.
      </Typography>
      {fields.length > 0 && (
        <RevisionChanges
          revision={{ ...revision, changedFields: fields, before: readable(revision.before), after: readable(revision.after) }}
        />
      )}
    </Box>
  );
};
