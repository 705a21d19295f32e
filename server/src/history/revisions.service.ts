import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Author } from '../auth/principal';
import { notFound } from '../kernel/errors/api-errors';
import { Page, readOne, readPage } from '../records/list-query/collection-reader';
import { ListQuery } from '../records/list-query/filter-definitions';
import { Revision, RevisionAction, RevisionResource } from './revision.entity';
import { RECORD_REVISION_FILTERS, REVISION_FILTERS, REVISION_TABLE, RevisionSort } from './revisions.table';

/** Bookkeeping fields that change with every write; a diff that only touches them is no change. */
const NOT_CHANGES = new Set(['version', 'updatedAt', 'updatedBy']);

export interface RevisionRow {
  id: number;
  resource: RevisionResource;
  recordId: number;
  version: number;
  action: RevisionAction;
  at: Date;
  user: { id: number; name: string } | null;
  label: string;
  changedFields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  revertedFrom: number | null;
}

export interface RevisionEntry {
  resource: RevisionResource;
  recordId: number;
  action: RevisionAction;
  author: Author;
  label: string;
  before: object | null;
  after: object | null;
  revertedFromId?: number;
}

/** Values as they are stored in jsonb, so that a Date and its ISO string compare equal. */
const asJson = (value: unknown) => JSON.stringify(value ?? null);

/** The fields whose values differ between two snapshots of a record, in the record's field order. */
export function changedFields(before: object | null, after: object | null): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((key) => !NOT_CHANGES.has(key) && key !== 'id' && asJson(a[key]) !== asJson(b[key]));
}

/** The history: written in the transaction of each change, read by record and as an activity feed. */
@Injectable()
export class RevisionsService {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, entry: RevisionEntry): Promise<number> {
    const snapshot = (entry.after ?? entry.before) as { version: number };
    const result = await manager.insert(Revision, {
      resource: entry.resource,
      recordId: entry.recordId,
      version: snapshot.version,
      action: entry.action,
      userId: entry.author.id,
      label: entry.label.slice(0, 300),
      changedFields: entry.action === 'purge' ? [] : changedFields(entry.before, entry.after),
      before: entry.before as never,
      after: entry.after as never,
      revertedFromId: entry.revertedFromId ?? null,
    });
    return result.identifiers[0].id as number;
  }

  feed(query: ListQuery<typeof REVISION_FILTERS, RevisionSort>): Promise<Page<RevisionRow>> {
    return readPage(this.dataSource, REVISION_TABLE, query);
  }

  forRecord(
    resource: RevisionResource,
    recordId: number,
    query: ListQuery<typeof RECORD_REVISION_FILTERS, RevisionSort>,
  ): Promise<Page<RevisionRow>> {
    return readPage(this.dataSource, REVISION_TABLE, {
      ...query,
      filters: { ...query.filters, resource: [resource], recordId: [recordId] },
    });
  }

  /** One revision of one record; 404 when the id belongs to another record. */
  async get(manager: EntityManager, resource: RevisionResource, recordId: number, revisionId: number): Promise<RevisionRow> {
    const row = await readOne<RevisionRow, typeof REVISION_FILTERS, RevisionSort>(manager, REVISION_TABLE, revisionId);
    if (!row || row.resource !== resource || row.recordId !== recordId) {
      throw notFound(`Revision ${revisionId} of ${resource}`, recordId);
    }
    return row;
  }
}
