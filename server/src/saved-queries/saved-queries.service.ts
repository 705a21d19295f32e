import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { forbidden } from '../auth/auth-errors';
import { ApiErrorBody, badRequest, FieldErrors, notFound } from '../kernel/errors/api-errors';
import { expectedVersion } from '../records/collection/version';
import { filterClauses, Page, selectList } from '../records/list-query/collection-reader';
import { ListQuery } from '../records/list-query/filter-definitions';
import { bindNamed } from '../records/list-query/sql-shapes';
import { readBody, readName, readResource, readShared } from './saved-query-input';
import { checkSavedQueryText, readSavedQueryText } from './saved-query-text';
import type { SavedQueryResource } from './saved-query.entity';
import {
  SAVED_QUERY_COLUMNS,
  SAVED_QUERY_FILTER_SQL,
  SAVED_QUERY_FILTERS,
  SAVED_QUERY_SORT_SQL,
  SavedQuerySort,
} from './saved-queries.table';

export interface SavedQuery {
  id: number;
  name: string;
  resource: SavedQueryResource;
  query: string;
  shared: boolean;
  owner: { id: number; name: string };
  mine: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** Who asks: their account, and whether they act as an admin (a read-only token does not). */
export interface SavedQueryViewer {
  id: number;
  admin: boolean;
}

/** Fields react-admin sends back with a whole record (PUT): accepted when unchanged. */
const READ_ONLY = ['id', 'resource', 'owner', 'createdAt', 'updatedAt'] as const;
/**
 * Sent back too, but said of the reader who fetched the record (`mine`): a record read by its
 * owner and sent on by someone else is not a change, so it is ignored rather than compared.
 */
const READER_RELATIVE = ['mine'] as const;
const EDITABLE = ['name', 'query', 'shared', 'version'] as const;

const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(a instanceof Date ? a.toISOString() : a) === JSON.stringify(b instanceof Date ? b.toISOString() : b);

/** Visible to `:viewer`: their own and the team's shared ones. */
const VISIBLE = '(sq.owner_id = :viewer OR sq.shared)';

/**
 * Saved queries: each account's own, in every browser it signs in from, and those shared with
 * the team. Anyone signed in (viewers too: a viewer is a researcher) saves their own; only the
 * owner changes one; the owner deletes it, and an admin may delete a shared one. Another
 * account's unshared query reads as absent (404), not as forbidden.
 */
@Injectable()
export class SavedQueriesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: ListQuery<typeof SAVED_QUERY_FILTERS, SavedQuerySort>, viewer: SavedQueryViewer): Promise<Page<SavedQuery>> {
    const clauses = filterClauses(query.filters, SAVED_QUERY_FILTER_SQL);
    const where = [VISIBLE, ...clauses.map((clause) => `(${clause.sql})`)].join(' AND ');
    const params = { ...Object.assign({}, ...clauses.map((clause) => clause.params ?? {})), viewer: viewer.id };
    const { field, order: asked, idOrder } = query.sort;
    const order = idOrder ? 'ASC' : asked;
    const sort = idOrder ? 'array_position(CAST(:idOrder AS int[]), sq.id)' : SAVED_QUERY_SORT_SQL[field];
    const page = bindNamed(
      this.dataSource,
      `SELECT ${selectList(SAVED_QUERY_COLUMNS)} FROM saved_queries sq WHERE ${where}
       ORDER BY ${sort} ${order}, sq.id ${order} LIMIT :pageLimit OFFSET :pageOffset`,
      { ...params, ...(idOrder ? { idOrder: [...idOrder] } : {}), pageLimit: query.range.limit, pageOffset: query.range.offset },
    );
    const count = bindNamed(this.dataSource, `SELECT count(*)::int AS total FROM saved_queries sq WHERE ${where}`, params);
    const rows = await this.dataSource.query<SavedQuery[]>(page.sql, page.values);
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(count.sql, count.values);
    return { rows, total };
  }

  /** One the viewer may see, or 404 (another account's unshared query is not theirs to know of). */
  async get(id: number, viewer: SavedQueryViewer, db: DataSource | EntityManager = this.dataSource, lock = false): Promise<SavedQuery> {
    const one = bindNamed(
      db,
      `SELECT ${selectList(SAVED_QUERY_COLUMNS)} FROM saved_queries sq WHERE sq.id = :id AND ${VISIBLE}${lock ? ' FOR UPDATE OF sq' : ''}`,
      { id, viewer: viewer.id },
    );
    const [row] = await db.query<SavedQuery[]>(one.sql, one.values);
    if (!row) throw notFound('Saved query', id);
    return row;
  }

  async create(body: unknown, viewer: SavedQueryViewer): Promise<SavedQuery> {
    const given = readBody(body, ['name', 'resource', 'query', 'shared']);
    const errors: FieldErrors = Object.create(null);
    const name = readName(given.name, errors);
    const resource = given.resource === undefined ? 'statements' : readResource(given.resource, errors);
    const shared = given.shared === undefined ? false : readShared(given.shared, errors);
    if (Object.keys(errors).length) throw badRequest(errors);
    const query = readSavedQueryText(resource!, given.query);
    const [{ id }] = await this.dataSource.query<{ id: number }[]>(
      'INSERT INTO saved_queries (name, resource, query, shared, owner_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [name, resource, query, shared, viewer.id],
    );
    return this.get(id, viewer);
  }

  /**
   * Name, query (checked for the page it opens) and sharing; the owner's only. The body is read
   * first, so that a bad value is named whoever sends it; then 404, 403, and 409 when `version`
   * (or If-Match) says the change was based on an earlier version.
   */
  async update(id: number, body: unknown, ifMatch: string | undefined, viewer: SavedQueryViewer): Promise<SavedQuery> {
    const given = readBody(body, [...EDITABLE, ...READ_ONLY, ...READER_RELATIVE]);
    const errors: FieldErrors = Object.create(null);
    const name = 'name' in given ? readName(given.name, errors) : undefined;
    const shared = 'shared' in given ? readShared(given.shared, errors) : undefined;
    if ('version' in given && given.version === null) errors.version = 'version must be a positive integer (or leave it out)';
    if (Object.keys(errors).length) throw badRequest(errors);
    if ('query' in given) checkSavedQueryText(given.query);
    const version = expectedVersion(given.version, ifMatch, false);

    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, viewer, manager, true);
      for (const key of READ_ONLY) {
        if (key in given && !sameValue(given[key], current[key])) errors[key] = `${key} cannot be changed`;
      }
      if (Object.keys(errors).length) throw badRequest(errors);
      const query = 'query' in given ? readSavedQueryText(current.resource, given.query) : current.query;
      if (!current.mine) throw forbidden(`Saved query ${id} is ${current.owner.name}'s: only its owner changes it.`);
      if (version !== undefined && version !== current.version) throw this.stale(current, version);
      await manager.query(
        `UPDATE saved_queries SET name = $2, query = $3, shared = $4, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, name ?? current.name, query, shared ?? current.shared],
      );
      return this.get(id, viewer, manager);
    });
  }

  /** The owner's, or (shared) an admin's: the query as it was. */
  async remove(id: number, ifMatch: string | undefined, viewer: SavedQueryViewer): Promise<SavedQuery> {
    const version = expectedVersion(undefined, ifMatch, false);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, viewer, manager, true);
      if (!current.mine && !viewer.admin) {
        throw forbidden(`Saved query ${id} is ${current.owner.name}'s: only its owner, or an admin, deletes it.`);
      }
      if (version !== undefined && version !== current.version) throw this.stale(current, version);
      await manager.query('DELETE FROM saved_queries WHERE id = $1', [id]);
      return current;
    });
  }

  /** 409 with the query as it is now. */
  private stale(current: SavedQuery, basedOn: number): ConflictException {
    return new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message: `Saved query ${current.id} was changed at ${new Date(current.updatedAt).toISOString()} (version ${current.version}) since version ${basedOn} that your change is based on.`,
      errors: { version: `stale: the saved query is at version ${current.version}` },
      current,
    } satisfies ApiErrorBody);
  }
}
