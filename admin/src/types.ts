/**
 * The admin's names for what the API returns. Every shape and enum comes from the server's
 * OpenAPI document, generated into api/schema.ts (npm run api-types); nothing is copied here.
 */
import type {
  AccountRecord,
  ActorKind,
  ActorRecord,
  AuthorRef,
  NewPersonalToken,
  PersonalTokenRecord,
  ReviewStatus,
  RevisionAction,
  RevisionRecord,
  RevisionResource,
  SourceRecord,
  StanceRecord,
  StatementRecord,
  StatementStatus,
  StatementType,
  TimelineEntry,
  TimelinePage,
  TokenScope,
  TopicRecord,
  TrashRow,
  UserRole,
} from './api/schema';
import {
  actorKindValues,
  reviewStatusValues,
  revisionActionValues,
  revisionResourceValues,
  sourceKindValues,
  statementStatusValues,
  statementTypeValues,
  userRoleValues,
} from './api/schema';

export type { ActorKind, ReviewStatus, RevisionAction, StatementStatus, StatementType, TimelineEntry, TimelinePage, TokenScope };

/** Who made a change: an account, or null for rows loaded without an author (generator, fixtures). */
export type Author = AuthorRef;

export type Statement = StatementRecord;
export type Actor = ActorRecord;
export type Source = SourceRecord;
export type Topic = TopicRecord;
export type Stance = StanceRecord;

/** What every statement, actor, source, topic and stance carries for versions and provenance. */
export type Versioned = Pick<StatementRecord, 'version' | 'createdBy' | 'updatedBy' | 'createdAt' | 'updatedAt'>;

export const STATEMENT_TYPES = statementTypeValues;
export const STATEMENT_STATUSES = statementStatusValues;
export const REVIEW_STATUSES = reviewStatusValues;
export const ACTOR_KINDS = actorKindValues;
export const SOURCE_KINDS = sourceKindValues;

export const ROLES = userRoleValues;
export type Role = UserRole;

/** An account (GET /api/auth/me, /api/users). */
export type AccountUser = AccountRecord;

/** A personal API token (GET /api/auth/tokens); `token` itself only in the answer to its creation. */
export type PersonalToken = PersonalTokenRecord & Partial<Pick<NewPersonalToken, 'token'>>;

/** The collections that keep a history and a trash. */
export const VERSIONED_RESOURCES = revisionResourceValues;
export type VersionedResource = RevisionResource;

export const REVISION_ACTIONS = revisionActionValues;

/** One change of one record (GET /api/<collection>/:id/revisions, GET /api/revisions). */
export type Revision = RevisionRecord;

/** A record in the trash (GET /api/trash); id is "statements:7". */
export type TrashItem = TrashRow;
