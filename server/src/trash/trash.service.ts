import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RecordAuthor } from '../records/collection/record-author';
import { badRequest } from '../kernel/errors/api-errors';
import { likeEscape, Page } from '../records/list-query/collection-reader';
import { ListQuery } from '../records/list-query/filter-definitions';
import { RECORD_RESOURCES, RecordResource } from '../history/revision.entity';
import { RecordCollections } from '../records/collection/record-collections';
import { TRASH_FILTERS, TrashSort } from './trash-list';

export interface TrashRow {
  id: string;
  resource: RecordResource;
  recordId: number;
  label: string;
  deletedAt: Date;
  deletedBy: { id: number; name: string } | null;
}

const SORT_SQL: Record<TrashSort, string> = { deletedAt: 'deleted_at', resource: 'resource', label: 'lower(label)' };

/** The trash across collections: list, restore, purge (admins). */
@Injectable()
export class TrashService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly collections: RecordCollections,
  ) {}

  async list(query: ListQuery<typeof TRASH_FILTERS, TrashSort>): Promise<Page<TrashRow>> {
    const resources = query.filters.resource ?? RECORD_RESOURCES;
    const union = resources
      .map((resource) => {
        const { table, column } = this.collections.get(resource).naming;
        return `SELECT '${resource}' AS resource, id, ${column} AS label, deleted_at, deleted_by_id FROM ${table} WHERE deleted_at IS NOT NULL`;
      })
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

  restore(resource: string, id: number, author: RecordAuthor) {
    return this.collection(resource).restore(id, author);
  }

  purge(resource: string, id: number, author: RecordAuthor) {
    return this.collection(resource).purge(id, author);
  }

  private collection(resource: string) {
    if (!(RECORD_RESOURCES as readonly string[]).includes(resource)) {
      throw badRequest({ resource: `must be one of: ${RECORD_RESOURCES.join(', ')}` });
    }
    return this.collections.get(resource);
  }
}
