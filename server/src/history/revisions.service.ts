import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { forbidden } from '../auth/auth-errors';
import { badRequest, notFound } from '../kernel/errors/api-errors';
import { Page, readOne, readPage } from '../records/list-query/collection-reader';
import { RecordCollections } from '../records/collection/record-collections';
import { changedFields, RecordChange, RecordHistory } from '../records/collection/record-history';
import { ListQuery } from '../records/list-query/filter-definitions';
import { ACCOUNT_RESOURCES, isAccountResource, Revision, REVISION_RESOURCES, RevisionAction, RevisionResource } from './revision.entity';
import { FEED_TABLE, FeedFilters, RECORD_REVISION_FILTERS, REVISION_FILTERS, REVISION_TABLE, RevisionSort } from './revisions.table';

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
  revertedFromVersion: number | null;
  importId: number | null;
}

function revisionOf(entry: RecordChange) {
  const snapshot = (entry.after ?? entry.before) as { version: number };
  return {
    resource: entry.resource as RevisionResource,
    recordId: entry.recordId,
    version: snapshot.version,
    action: entry.action,
    userId: entry.author.id,
    importId: entry.author.importId ?? null,
    label: entry.label.slice(0, 300),
    changedFields: entry.action === 'purge' ? [] : changedFields(entry.before, entry.after),
    before: entry.before as never,
    after: entry.after as never,
    revertedFromId: entry.revertedFromId ?? null,
  };
}

/**
 * The history: every change the records engine reports, written in the transaction of the
 * change (as its RecordHistory), read by record and as an activity feed.
 */
@Injectable()
export class RevisionsService implements RecordHistory, OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly collections: RecordCollections,
  ) {}

  /** Every collection the engine runs must be one the revisions table can name (its revision_resource enum). */
  onApplicationBootstrap(): void {
    const unknown = this.collections.resources.filter((resource) => !(REVISION_RESOURCES as readonly string[]).includes(resource));
    if (unknown.length)
      throw new Error(`revision_resource has no value for ${unknown.join(', ')}: add it in a migration and to REVISION_RESOURCES`);
  }

  async record(manager: EntityManager, entry: RecordChange): Promise<number> {
    const result = await manager.insert(Revision, revisionOf(entry));
    return result.identifiers[0].id as number;
  }

  /**
   * An import's batch of changes as one INSERT of one JSON parameter (the ORM's insert of
   * hundreds of entities with two jsonb states each cost an import of 100,000 rows 5 s).
   */
  async recordMany(manager: EntityManager, changes: RecordChange[]): Promise<void> {
    if (!changes.length) return;
    const rows = changes.map((change) => {
      const r = revisionOf(change);
      return {
        resource: r.resource,
        record_id: r.recordId,
        version: r.version,
        action: r.action,
        user_id: r.userId,
        import_id: r.importId,
        label: r.label,
        changed_fields: r.changedFields,
        before: r.before,
        after: r.after,
        reverted_from_id: r.revertedFromId,
      };
    });
    await manager.query(
      `INSERT INTO revisions (resource, record_id, version, action, user_id, import_id, label, changed_fields, before, after, reverted_from_id)
       SELECT r.resource::revision_resource, r.record_id, r.version, r.action::revision_action, r.user_id, r.import_id, r.label,
              ARRAY(SELECT jsonb_array_elements_text(r.changed_fields)), r.before, r.after, r.reverted_from_id
       FROM jsonb_to_recordset($1::jsonb) AS r(resource text, record_id int, version int, action text, user_id int, import_id int,
            label text, changed_fields jsonb, before jsonb, after jsonb, reverted_from_id int)`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * The activity feed: an import is one entry (its own), unless its changes are asked for by
   * importId. Account changes only for a caller who may see them (`accounts`: an admin); asked
   * for by anyone else, 403.
   */
  feed(query: ListQuery<typeof REVISION_FILTERS, RevisionSort>, caller: { accounts: boolean }): Promise<Page<RevisionRow>> {
    const asked = query.filters.resource?.filter(isAccountResource) ?? [];
    if (!caller.accounts && asked.length) {
      throw forbidden(`Account changes (resource ${ACCOUNT_RESOURCES.join(', ')}) are shown to admins only.`, {
        resource: `${asked[0]} is shown to admins only`,
      });
    }
    const filters: ListQuery<FeedFilters, RevisionSort>['filters'] = { ...query.filters };
    if (!query.filters.importId) filters.importRows = ['collapsed'];
    if (!caller.accounts) filters.accounts = ['hidden'];
    return readPage(this.dataSource, FEED_TABLE, { ...query, filters });
  }

  forRecord(
    resource: string,
    recordId: number,
    query: ListQuery<typeof RECORD_REVISION_FILTERS, RevisionSort>,
  ): Promise<Page<RevisionRow>> {
    return readPage(this.dataSource, REVISION_TABLE, {
      ...query,
      filters: { ...query.filters, resource: [resource as RevisionResource], recordId: [recordId] },
    });
  }

  /**
   * One revision of one record, to restore; 404 when the id belongs to another record, 400 when
   * it is an account change (kept as a record of what was done, never a state to go back to).
   */
  async get(resource: string, recordId: number, revisionId: number): Promise<RevisionRow> {
    const row = await readOne<RevisionRow, typeof REVISION_FILTERS, RevisionSort>(this.dataSource, REVISION_TABLE, revisionId);
    if (row && isAccountResource(row.resource)) {
      throw badRequest({
        revisionId: `is a change to an account (${row.resource}), which cannot be restored: only records' revisions can`,
      });
    }
    if (!row || row.resource !== resource || row.recordId !== recordId) {
      throw notFound(`Revision ${revisionId} of ${resource}`, recordId);
    }
    return row;
  }
}
