import { ROLES, type AccountUser } from '../types';

export const ROLE_CHOICES = ROLES.map((role) => ({ id: role, name: role }));

export const ROLE_HINTS: Record<string, string> = {
  viewer: 'reads everything, changes nothing',
  editor: 'also creates, edits, deletes and reverts statements, actors, sources and topics',
  admin: 'also stances, users and the trash',
};

export const ACTIVE_CHOICES = [
  { id: 'true', name: 'Active' },
  { id: 'false', name: 'Deactivated' },
];

export const userRepresentation = (user: AccountUser) => `${user.displayName} <${user.email}>`;

/** The changes an account made, in the activity feed. */
export const activityOfUserPath = (userId: number) => `/revisions?${new URLSearchParams({ filter: JSON.stringify({ userId }) })}`;

/** The changes made to an account (invitation, role, deactivation, passwords), in the activity feed. */
export const accountHistoryPath = (userId: number) =>
  `/revisions?${new URLSearchParams({ filter: JSON.stringify({ resource: 'users', recordId: userId }) })}`;
