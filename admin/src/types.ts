/**
 * The admin's names for what the API returns. Every shape and enum comes from the server's
 * OpenAPI document, generated into api/schema.ts (npm run api-types); nothing is copied here.
 */
import type {
  AccountRecord,
  ActorKind,
  ActorRecord,
  AuthorRef,
  ImportCountsDto,
  ImportCreatable,
  ImportReferenceDto,
  ImportReportDto,
  ImportRowDto,
  ImportRowOutcome,
  ImportStatus,
  ImportSummaryDto,
  IntervalEntry,
  NetworkDocument,
  NetworkLink,
  NetworkNodeEntry,
  NewPersonalToken,
  PersonalTokenRecord,
  ChangedEntry,
  DiffEntryDto,
  FieldChangeDto,
  RemovedEntry,
  ReviewStatus,
  RevisionAction,
  RevisionRecord,
  RecordResource,
  RevisionResource,
  SavedQueryRecord,
  ScaleEntry,
  SnapshotDiffDto,
  SnapshotFile as SnapshotFileDto,
  SnapshotRecordDto,
  SourceRecord,
  StanceGroup,
  StanceOverTime,
  StancePoint,
  StanceRecord,
  StanceShift,
  StatementRecord,
  StatementStatus,
  StatementType,
  TimelineEntry,
  TimelinePage,
  TokenScope,
  TopicRecord,
  TrashRow,
  UserRef,
  UserRole,
} from './api/schema';
import {
  actorKindValues,
  importCreatableValues,
  importRowOutcomeValues,
  importStatusValues,
  networkDocumentKindValues,
  recordResourceValues,
  reviewStatusValues,
  revisionActionValues,
  revisionResourceValues,
  sourceKindValues,
  stanceOverTimeGroupByValues,
  stanceOverTimeIntervalValues,
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

/**
 * What the activity feed names: the collections' records, imports (an entry for each import and
 * each undo), and, for admins, accounts and their personal API tokens (users, tokens).
 */
export const REVISION_RESOURCES = revisionResourceValues;
export type { RevisionResource };

/** The collections that keep a history and a trash (imports and account changes have entries in the feed, but no trash). */
export type VersionedResource = RecordResource;
export const VERSIONED_RESOURCES = recordResourceValues;

export const REVISION_ACTIONS = revisionActionValues;

/** One change of one record (GET /api/<collection>/:id/revisions, GET /api/revisions). */
export type Revision = RevisionRecord;

/** A record in the trash (GET /api/trash); id is "statements:7". */
export type TrashItem = TrashRow;

/** An import with its report (GET /api/imports/:id, and the answer to the upload). */
export type ImportReport = ImportReportDto;
/** A past import as listed (GET /api/imports). */
export type ImportSummary = ImportSummaryDto;
/** How many rows an import created, updated, left unchanged, and could not import. */
export type ImportCounts = ImportCountsDto;
/** What an import did with one row of its file. */
export type ImportRow = ImportRowDto;
/** A text of the file that named an actor, topic, stance or source, and how it was found or created. */
export type ImportReference = ImportReferenceDto;
export type { ImportCreatable, ImportRowOutcome, ImportStatus };

export const IMPORT_CREATABLE = importCreatableValues;
export const IMPORT_ROW_OUTCOMES = importRowOutcomeValues;
export const IMPORT_STATUSES = importStatusValues;

/** GET /api/analysis/stance-over-time: the mean stance per interval, a group (line) per speaker. */
export type { StanceGroup, StanceOverTime, StancePoint, StanceShift };
/** One interval of the x axis (2019-01, 2019-Q1, 2019) with its first and last day. */
export type StanceInterval = IntervalEntry;
/** A stance as the analysis routes send the scale: id, name, score, colour. */
export type AnalysisStance = ScaleEntry;
export const ANALYSIS_INTERVALS = stanceOverTimeIntervalValues;
export const ANALYSIS_GROUPINGS = stanceOverTimeGroupByValues;

/** GET /api/analysis/network as JSON. */
export type Network = NetworkDocument;
export type NetworkNode = NetworkNodeEntry;
export type { NetworkLink };
export const NETWORK_KINDS = networkDocumentKindValues;
export type NetworkKind = Network['kind'];

/** Filters (and sort) kept under a name on the server (GET /api/saved-queries/:id): the account's own, or shared by the team. */
export type SavedQuery = SavedQueryRecord;

/** A statement query frozen with its result (GET /api/snapshots/:id): its files, hash and citation never change. */
export type Snapshot = SnapshotRecordDto;
/** One of a snapshot's frozen files, with its own SHA-256 (the NDJSON's is the snapshot's). */
export type SnapshotFile = SnapshotFileDto;
export type SnapshotFormat = SnapshotFile['format'];

/** GET /api/snapshots/:id/diff: what changed between a snapshot and now (or another snapshot). */
export type SnapshotDiff = SnapshotDiffDto;
export type SnapshotDiffEntry = DiffEntryDto;
export type SnapshotRemoved = RemovedEntry;
export type SnapshotChanged = ChangedEntry;
/** One field of a changed statement, by its export column name: its value in the snapshot, and now. */
export type SnapshotFieldChange = FieldChangeDto;

/** What a deleted snapshot's 410 says in `current` (ApiError's `current`, typed there as any record): when and by whom. */
export interface SnapshotGone {
  deletedAt: string;
  deletedBy: UserRef | null;
}
