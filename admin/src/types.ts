import type { RaRecord } from 'react-admin';

/** Records as the API returns them (see /api/docs). */

export const STATEMENT_TYPES = ['statement', 'meeting', 'document', 'event'] as const;
export const STATEMENT_STATUSES = ['occurred', 'planned', 'cancelled'] as const;
export const REVIEW_STATUSES = ['draft', 'verified'] as const;
export const ACTOR_KINDS = ['person', 'organization'] as const;
export const SOURCE_KINDS = ['news', 'transcript', 'official', 'interview', 'other'] as const;

export type StatementType = (typeof STATEMENT_TYPES)[number];
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface Statement extends RaRecord<number> {
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

export interface Actor extends RaRecord<number> {
  name: string;
  nativeName: string | null;
  kind: (typeof ACTOR_KINDS)[number];
  country: string | null;
  title: string | null;
  aliases: string[];
  wikidataId: string | null;
  description: string | null;
}

export interface Source extends RaRecord<number> {
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

export interface Topic extends RaRecord<number> {
  name: string;
  description: string | null;
}

export interface Stance extends RaRecord<number> {
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
