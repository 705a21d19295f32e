import type { RaRecord } from 'react-admin';

/** Records as the API returns them (see /api/docs and docs/ACCOUNTS.md). */

/** Who made a change: an account, or null for rows loaded without an author (generator, fixtures). */
export interface Author {
  id: number;
  name: string;
}

/** What every statement, actor, source, topic and stance carries since accounts exist. */
export interface Versioned {
  /** 1 on creation, +1 on every change; an update must say which version it was based on. */
  version: number;
  createdBy: Author | null;
  updatedBy: Author | null;
  createdAt?: string;
  updatedAt?: string;
}

export const STATEMENT_TYPES = ['statement', 'meeting', 'document', 'event'] as const;
export const STATEMENT_STATUSES = ['occurred', 'planned', 'cancelled'] as const;
export const REVIEW_STATUSES = ['draft', 'verified'] as const;
export const ACTOR_KINDS = ['person', 'organization'] as const;
export const SOURCE_KINDS = ['news', 'transcript', 'official', 'interview', 'other'] as const;

export type StatementType = (typeof STATEMENT_TYPES)[number];
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface Statement extends RaRecord<number>, Versioned {
  type: StatementType;
  status: StatementStatus;
  date: string;
  dateStart: string;
  dateEnd: string;
  displayDate: string;
  headline: string;
  quote: string | null;
  quoteLanguage: string | null;
  summary: string | null;
  speakerId: number;
  speakerTitle: string | null;
  participantIds: number[];
  stanceId: number | null;
  topicIds: number[];
  sourceIds: number[];
  respondsToId: number | null;
  venue: string | null;
  location: string | null;
  reviewStatus: ReviewStatus;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Actor extends RaRecord<number>, Versioned {
  name: string;
  nativeName: string | null;
  kind: (typeof ACTOR_KINDS)[number];
  country: string | null;
  title: string | null;
  aliases: string[];
  wikidataId: string | null;
  description: string | null;
}

export interface Source extends RaRecord<number>, Versioned {
  title: string;
  publisher: string | null;
  url: string | null;
  authors: string[];
  publishedOn: string | null;
  accessedOn: string | null;
  archiveUrl: string | null;
  language: string | null;
  kind: (typeof SOURCE_KINDS)[number];
}

export interface Topic extends RaRecord<number>, Versioned {
  name: string;
  description: string | null;
}

export interface Stance extends RaRecord<number>, Versioned {
  name: string;
  score: number;
  color: string | null;
  description: string | null;
}

/** One entry of GET /api/timeline: names already joined in. */
export interface TimelineEntry {
  id: number;
  date: string;
  dateStart: string;
  dateEnd: string;
  displayDate: string;
  type: StatementType;
  status: StatementStatus;
  headline: string;
  quote: string | null;
  quoteLanguage: string | null;
  summary: string | null;
  speaker: { id: number; name: string; nativeName: string | null };
  speakerTitle: string | null;
  participants: Array<{ id: number; name: string }>;
  stance: { id: number; name: string; score: number; color: string | null } | null;
  topics: Array<{ id: number; name: string }>;
  respondsToId: number | null;
  venue: string | null;
  location: string | null;
  reviewStatus: ReviewStatus;
}

export interface TimelinePage {
  entries: TimelineEntry[];
  nextCursor: string | null;
  total: number;
}

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** An account (GET /api/auth/me, /api/users). */
export interface AccountUser extends RaRecord<number> {
  email: string;
  displayName: string;
  role: Role;
  active: boolean;
  /** A one-time password not yet replaced: the session may do nothing else until it is. */
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

export type TokenScope = 'read' | 'read-write';

/** A personal API token (GET /api/auth/tokens); `token` itself only in the answer to its creation. */
export interface PersonalToken {
  id: number;
  name: string;
  scope: TokenScope;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  token?: string;
}

/** The collections that keep a history and a trash. */
export const VERSIONED_RESOURCES = ['statements', 'actors', 'sources', 'topics', 'stances'] as const;
export type VersionedResource = (typeof VERSIONED_RESOURCES)[number];

export const REVISION_ACTIONS = ['create', 'update', 'delete', 'restore', 'revert', 'purge'] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

/** One change of one record (GET /api/<collection>/:id/revisions, GET /api/revisions). */
export interface Revision extends RaRecord<number> {
  resource: VersionedResource;
  recordId: number;
  version: number;
  action: RevisionAction;
  at: string;
  user: Author | null;
  label: string;
  changedFields: string[];
  /** The record as GET returned it before the change; null for a creation. */
  before: Record<string, unknown> | null;
  /** …and after it; null for a purge. */
  after: Record<string, unknown> | null;
  /** For a revert: the revision whose state was brought back. */
  revertedFrom: number | null;
}

/** A record in the trash (GET /api/trash); id is "statements:7". */
export interface TrashItem extends RaRecord<string> {
  resource: VersionedResource;
  recordId: number;
  label: string;
  deletedAt: string;
  deletedBy: Author | null;
}
