import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActorsService } from '../actors/actors.service';
import type { Author } from '../auth/principal';
import { CollectionService } from '../records/collection/collection.service';
import { VersionedRow } from '../records/collection/version';
import { badRequest } from '../kernel/errors/api-errors';
import { likeEscape, Page } from '../records/list-query/collection-reader';
import { ListQuery } from '../records/list-query/filter-definitions';
import { REVISION_RESOURCES, RevisionResource } from '../history/revision.entity';
import { SourcesService } from '../sources/sources.service';
import { StancesService } from '../stances/stances.service';
import { StatementsService } from '../statements/statements.service';
import { TopicsService } from '../topics/topics.service';
import { TRASH_FILTERS, TrashSort } from './trash-list';

export interface TrashRow {
  id: string;
  resource: RevisionResource;
  recordId: number;
  label: string;
  deletedAt: Date;
  deletedBy: { id: number; name: string } | null;
}

/** Each collection's table and the column that names its records. */
const TRASHED: Record<RevisionResource, { table: string; label: string }> = {
  statements: { table: 'statements', label: 'headline' },
  actors: { table: 'actors', label: 'name' },
  sources: { table: 'sources', label: 'title' },
  topics: { table: 'topics', label: 'name' },
  stances: { table: 'stances', label: 'name' },
};

const SORT_SQL: Record<TrashSort, string> = { deletedAt: 'deleted_at', resource: 'resource', label: 'lower(label)' };

/** The trash across collections: list, restore, purge (admins). */
@Injectable()
export class TrashService {
  private readonly collections: Record<RevisionResource, CollectionService<{ id: number }, VersionedRow, never, never>>;

  constructor(
    private readonly dataSource: DataSource,
    statements: StatementsService,
    actors: ActorsService,
    sources: SourcesService,
    topics: TopicsService,
    stances: StancesService,
  ) {
    this.collections = { statements, actors, sources, topics, stances } as never;
  }

  async list(query: ListQuery<typeof TRASH_FILTERS, TrashSort>): Promise<Page<TrashRow>> {
    const resources = query.filters.resource ?? REVISION_RESOURCES;
    const union = resources
      .map(
        (resource) =>
          `SELECT '${resource}' AS resource, id, ${TRASHED[resource].label} AS label, deleted_at, deleted_by_id
             FROM ${TRASHED[resource].table} WHERE deleted_at IS NOT NULL`,
      )
      .join(' UNION ALL ');
    const params: unknown[] = [];
    let where = '';
    if (query.filters.q) {
      params.push(`%${likeEscape(query.filters.q)}%`);
      where = `WHERE label ILIKE $${params.length}`;
    }
    const order = `${SORT_SQL[query.sort.field]} ${query.sort.order}, resource, id`;
    const rows: TrashRow[] = await this.dataSource.query(
      `SELECT resource || ':' || id AS id, resource, id AS "recordId", label, deleted_at AS "deletedAt",
              (SELECT json_build_object('id', u.id, 'name', u.display_name) FROM users u WHERE u.id = deleted_by_id) AS "deletedBy"
         FROM (${union}) trashed ${where}
        ORDER BY ${order} OFFSET ${query.range.offset} LIMIT ${query.range.limit}`,
      params,
    );
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (${union}) trashed ${where}`, params);
    return { rows, total };
  }

  restore(resource: string, id: number, author: Author) {
    return this.collection(resource).restore(id, author);
  }

  purge(resource: string, id: number, author: Author) {
    return this.collection(resource).purge(id, author);
  }

  private collection(resource: string) {
    if (!(REVISION_RESOURCES as readonly string[]).includes(resource)) {
      throw badRequest({ resource: `must be one of: ${REVISION_RESOURCES.join(', ')}` });
    }
    return this.collections[resource as RevisionResource];
  }
}
