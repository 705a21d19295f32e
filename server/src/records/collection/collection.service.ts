import { BadRequestException, Inject, NotFoundException, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ApiErrorBody, badRequest, conflict, notFound } from '../../kernel/errors/api-errors';
import { Fields, FieldValues } from '../fields/field';
import { FieldRules, fieldRules } from '../fields/field-rules';
import { insertLinkRowsSql, LinkDetail, linkRows, withConsistentDetails } from '../fields/link-details';
import { applyLinkEdit, isLinkEdit } from '../fields/link-edit';
import { AUTHOR_FIELDS, isPublished, narrowToPublished, Publication } from './published-records';
import { CollectionTable, JsonPage, readOne, readPageAsJson } from '../list-query/collection-reader';
import { FilterDefinitions, ListQuery } from '../list-query/filter-definitions';
import type { RecordAuthor } from './record-author';
import { RecordCollections } from './record-collections';
import { changedFields, RECORD_HISTORY, RecordAction, RecordHistory } from './record-history';
import { staleVersion, VersionedRow } from './version';

/** Who still uses a record, for the 409: how many, of what, and how ("3 statements (speaker of 2, participant in 1)"). */
export interface Usage {
  count: number;
  noun: { one: string; many: string };
  detail?: string;
}

export const usedBy = (count: number, noun: { one: string; many: string }, detail?: string): Usage => ({ count, noun, detail });

/** A curated collection: its records' fields, how its list is read, and how its records are named. */
export interface CollectionDefinition<F extends Fields, LF extends FilterDefinitions, S extends string> {
  /** The collection's name in URLs and revisions: statements, actors, … */
  resource: string;
  /** Singular name for messages: "Actor". */
  label: string;
  /** Field that names a record in the activity feed and the trash: name, title, headline. */
  labelField: keyof F & string;
  entity: EntityTarget<ObjectLiteral>;
  fields: F;
  /** The list protocol over the collection's table: filters, sorts, the columns read. */
  table: CollectionTable<LF, S>;
  /** Which records anonymous readers see under PUBLIC_READ=verified; all of them when absent (no drafts). */
  published?: Publication<LF>;
}

/** A record as the API returns it: its fields, id, version and provenance. */
export type RecordRow<F extends Fields> = FieldValues<F> &
  VersionedRow & { createdAt: Date | string; createdBy: { id: number; name: string } | null };

export type WriteMode = 'create' | 'change';

/** Thrown inside a write transaction that turned out to change nothing: rolls it back quietly. */
class NothingChanged extends Error {}

/**
 * Reading and writing of a curated collection, with provenance and safe concurrent editing:
 * lists and single records read through the shared list reader; every write in one
 * transaction that locks the record, checks the version the client named, stamps the author,
 * and tells the history the record before and after; deletes go to the trash. What a record
 * holds comes from its field declarations; statements add their derived dates and reference
 * checks through the hooks.
 *
 * The database, the history and the registry of collections are injected as properties, so
 * that a collection's own service passes nothing but its definition to `super()`.
 */
export abstract class CollectionService<F extends Fields, LF extends FilterDefinitions, S extends string> implements OnModuleInit {
  @Inject(DataSource) protected readonly dataSource: DataSource;
  @Inject(RECORD_HISTORY) private readonly history: RecordHistory;
  @Inject(RecordCollections) private readonly collections: RecordCollections;
  protected readonly rules: FieldRules;

  protected constructor(protected readonly definition: CollectionDefinition<F, LF, S>) {
    this.rules = fieldRules(definition.fields);
  }

  onModuleInit(): void {
    this.collections.register(this);
  }

  /** How many records use this one: live ones block the trash, any block a purge. */
  protected abstract usage(manager: EntityManager, id: number, users: 'live' | 'all'): Promise<Usage>;

  get resource(): string {
    return this.definition.resource;
  }

  get label(): string {
    return this.definition.label;
  }

  /** The field that names a record (headline, name, title), and the table it is read from: for the trash. */
  get naming(): { table: string; column: string } {
    const metadata = this.dataSource.getMetadata(this.definition.entity);
    return { table: metadata.tableName, column: metadata.findColumnWithPropertyName(this.definition.labelField)!.databaseName };
  }

  /** Fields only the team sees: internal ones, and who created and changed the record. Left out for anonymous readers. */
  get hiddenFromAnonymousReaders(): string[] {
    const internal = Object.entries(this.definition.fields)
      .filter(([, field]) => field.internal)
      .map(([name]) => name);
    return [...internal, ...AUTHOR_FIELDS];
  }

  /** The query narrowed to what an anonymous reader may see under PUBLIC_READ=verified. */
  publishedOnly(query: ListQuery<LF, S>): ListQuery<LF, S> {
    const { published } = this.definition;
    return published ? { ...query, filters: narrowToPublished(query.filters, published) } : query;
  }

  /** Whether an anonymous reader under PUBLIC_READ=verified may see this record. */
  isPublished(record: object): boolean {
    const { published } = this.definition;
    return !published || isPublished(record, published);
  }

  /** Whether a change body names every field a client writes: a whole record, as an edit form sends it. */
  namesEveryField(body: object): boolean {
    return [...this.rules.columns, ...this.rules.links.map((link) => link.field)].every((field) => Object.hasOwn(body, field));
  }

  /** A page of live records, as the JSON the API sends; `omit` leaves fields out. */
  list(query: ListQuery<LF, S>, omit: readonly string[] = []): Promise<JsonPage> {
    return readPageAsJson<LF, S>(this.dataSource, this.definition.table, query, { omit });
  }

  async get(id: number, manager: DataSource | EntityManager = this.dataSource): Promise<RecordRow<F>> {
    const row = await readOne<RecordRow<F>, LF, S>(manager, this.definition.table, id, { includeTrashed: true });
    if (!row) throw notFound(this.label, id);
    if (row.deletedAt) throw this.inTrash(id);
    return row;
  }

  /** The record as the API shows it, in the trash or not; what revisions store. `lock`: FOR UPDATE, until the transaction ends. */
  snapshot(manager: EntityManager, id: number, lock = false): Promise<RecordRow<F> | undefined> {
    return readOne<RecordRow<F>, LF, S>(manager, this.definition.table, id, { includeTrashed: true, lock });
  }

  async create(input: object, author: RecordAuthor): Promise<RecordRow<F>> {
    const id = await this.dataSource.transaction((manager) => this.createWith(manager, input, author));
    return this.get(id);
  }

  /** Inserts within the caller's transaction (the fixture loader uses it too); returns the id. */
  async createWith(manager: EntityManager, given: object, author: RecordAuthor): Promise<number> {
    const input = withConsistentDetails(given, this.rules.links);
    await this.checkInput(manager, input, 'create');
    const values = { ...this.rules.empty, ...this.columnsOf(input), createdById: author.id, updatedById: author.id };
    const { id } = (await manager.save(this.definition.entity, manager.create(this.definition.entity, values))) as { id: number };
    await this.writeLinks(manager, id, input, 'create');
    const after = await this.snapshot(manager, id);
    await this.history.record(manager, { ...this.describe(id, after!), action: 'create', author, before: null, after: after! });
    return id;
  }

  /**
   * Changes the fields the input names (PUT and PATCH alike); the others keep their values. A
   * link list may be given whole or as `{ add, remove }`. `basedOn`, when the client named a
   * version, must be the record's version: else 409 with the record as it is now.
   */
  async change(id: number, input: object, author: RecordAuthor, basedOn?: number): Promise<RecordRow<F>> {
    this.refuseNull(input);
    return this.changeLocked(id, author, 'update', (manager, before) => this.apply(manager, id, input, before, author, basedOn));
  }

  /**
   * Brings the record back to an earlier state (a revision's), as a new revision. A state that
   * no longer applies (it names a record since trashed or purged) is a 409: the request was
   * sound, the records it leads to have changed.
   */
  async restoreState(
    id: number,
    state: Record<string, unknown>,
    revisionId: number,
    author: RecordAuthor,
    basedOn?: number,
  ): Promise<RecordRow<F>> {
    const input = this.inputFromState(state);
    return this.changeLocked(
      id,
      author,
      'revert',
      (manager, before) =>
        this.apply(manager, id, input, before, author, basedOn).catch((error: unknown) => {
          throw asConflict(error, `Revision ${revisionId} cannot be restored`);
        }),
      revisionId,
    );
  }

  /** Moves the record to the trash; refused while live records use it. */
  async remove(id: number, author: RecordAuthor, basedOn?: number): Promise<RecordRow<F>> {
    return this.dataSource.transaction((manager) => this.removeWith(manager, id, author, basedOn));
  }

  /** Moves the record to the trash within the caller's transaction (an import's undo). */
  async removeWith(manager: EntityManager, id: number, author: RecordAuthor, basedOn?: number): Promise<RecordRow<F>> {
    const before = await this.lockedLive(manager, id, basedOn, 'update');
    await this.refuseInUse(manager, id, 'live', 'move it to the trash');
    await this.versionedUpdate(manager, id, before.version, { deletedAt: () => 'now()', deletedById: author.id, updatedById: author.id });
    const trashed = (await this.snapshot(manager, id))!;
    await this.history.record(manager, { ...this.describe(id, before), action: 'delete', author, before, after: trashed });
    return trashed;
  }

  /**
   * Brings the record back to a state within the caller's transaction (an import's undo), as a
   * revert of `revisionId`; false when it is in that state already (nothing written).
   */
  async restoreStateWith(
    manager: EntityManager,
    id: number,
    state: Record<string, unknown>,
    revisionId: number,
    author: RecordAuthor,
  ): Promise<boolean> {
    const input = this.inputFromState(state);
    const before = await this.lockedLive(manager, id, undefined, 'revert');
    const same = Object.entries(input).every(
      ([field, value]) => JSON.stringify(value ?? null) === JSON.stringify((before as Record<string, unknown>)[field] ?? null),
    );
    if (same) return false;
    await this.apply(manager, id, input, before, author, undefined).catch((error: unknown) => {
      throw asConflict(error, `Revision ${revisionId} cannot be restored`);
    });
    const after = (await this.snapshot(manager, id))!;
    await this.history.record(manager, {
      ...this.describe(id, after),
      action: 'revert',
      author,
      before,
      after,
      revertedFromId: revisionId,
    });
    return true;
  }

  /** Takes the record out of the trash. */
  async restore(id: number, author: RecordAuthor): Promise<RecordRow<F>> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.snapshot(manager, id, true);
      if (!before) throw notFound(this.label, id);
      if (!before.deletedAt) throw conflict(`${this.label} ${id} is not in the trash.`);
      await this.checkRestorable(manager, before);
      await this.versionedUpdate(manager, id, before.version, { deletedAt: null, deletedById: null, updatedById: author.id });
      const after = (await this.snapshot(manager, id))!;
      await this.history.record(manager, { ...this.describe(id, after), action: 'restore', author, before, after });
    });
    return this.get(id);
  }

  /** Deletes a record in the trash for good; its revisions (and this purge) stay. */
  async purge(id: number, author: RecordAuthor): Promise<RecordRow<F>> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.snapshot(manager, id, true);
      if (!before) throw notFound(this.label, id);
      if (!before.deletedAt) throw conflict(`${this.label} ${id} is not in the trash; move it there first.`);
      await this.refuseInUse(manager, id, 'all', 'purge it');
      await this.history.record(manager, { ...this.describe(id, before), action: 'purge', author, before, after: null });
      await manager.delete(this.definition.entity, id);
      return before;
    });
  }

  // ---- hooks for collections with more to them (statements) ----

  /** Checks references and rules beyond the body's validation; throws 400 naming the field. `before`: the record a change applies to. */
  protected async checkInput(_manager: EntityManager, _input: object, _mode: WriteMode, _before?: RecordRow<F>): Promise<void> {}

  /** Column values for an insert or update: the column fields the input names. */
  protected columnsOf(input: object): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const field of this.rules.columns) {
      const value = (input as Record<string, unknown>)[field];
      if (value !== undefined) values[field] = value;
    }
    return values;
  }

  /** Before a record leaves the trash: what it refers to must be live. */
  protected async checkRestorable(_manager: EntityManager, _record: RecordRow<F>): Promise<void> {}

  // ---- the write machinery ----

  /** What a change must name to bring the record back to a state: every field a client writes. */
  private inputFromState(state: Record<string, unknown>): Record<string, unknown> {
    // A state recorded before a field existed does not name it: the field keeps its value.
    return Object.fromEntries(this.rules.writable.filter((field) => state[field] !== undefined).map((field) => [field, state[field]]));
  }

  /**
   * The input with each link edit (`{ add, remove }`) turned into the whole list it makes of the
   * record's, and each link list agreeing with its details.
   */
  private withWholeLinks(input: object, before: RecordRow<F>): object {
    const whole: Record<string, unknown> = { ...input };
    for (const { field } of this.rules.links) {
      const value = whole[field];
      if (isLinkEdit(value)) whole[field] = applyLinkEdit((before as Record<string, unknown>)[field] as number[], value);
    }
    return withConsistentDetails(whole, this.rules.links, before);
  }

  /**
   * Applies a change to the locked record: what it names is checked first (a bad value is named
   * as such, whatever the version), then the version the client named, if it named one.
   */
  private async apply(
    manager: EntityManager,
    id: number,
    input: object,
    before: RecordRow<F>,
    author: RecordAuthor,
    basedOn: number | undefined,
  ): Promise<void> {
    const whole = this.withWholeLinks(input, before);
    await this.checkInput(manager, whole, 'change', before);
    if (basedOn !== undefined && basedOn !== before.version) throw staleVersion(this.label, before, basedOn);
    await this.versionedUpdate(manager, id, before.version, { ...this.columnsOf(whole), updatedById: author.id });
    await this.writeLinks(manager, id, whole, 'change', before);
  }

  /**
   * Writes each link list the input names (every one on creation), in the order given. A list
   * that is as it was is left alone.
   */
  private async writeLinks(manager: EntityManager, id: number, input: object, mode: WriteMode, before?: RecordRow<F>): Promise<void> {
    const values = input as Record<string, unknown>;
    const was = before as Record<string, unknown> | undefined;
    for (const link of this.rules.links) {
      const ids = (values[link.field] as number[] | undefined) ?? (mode === 'create' ? [] : undefined);
      if (ids === undefined) continue;
      // With details, the list is as it was only if every link's details are too.
      const field = link.details?.field ?? link.field;
      const value = values[field] ?? ids;
      if (was && JSON.stringify(was[field]) === JSON.stringify(value)) continue;
      if (mode !== 'create') await manager.query(`DELETE FROM ${link.table} WHERE ${link.recordColumn} = $1`, [id]);
      if (!ids.length) continue;
      const rows = linkRows(link, ids, values[link.details?.field ?? ''] as LinkDetail[] | undefined);
      await manager.query(insertLinkRowsSql(link), [id, JSON.stringify(rows)]);
    }
  }

  /**
   * One change in one transaction: the record locked (a concurrent change waits, then sees
   * this one), checked live, changed, compared, recorded.
   */
  private async changeLocked(
    id: number,
    author: RecordAuthor,
    action: 'update' | 'revert',
    apply: (manager: EntityManager, before: RecordRow<F>) => Promise<void>,
    revertedFromId?: number,
  ): Promise<RecordRow<F>> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const before = await this.lockedLive(manager, id, undefined, action);
        await apply(manager, before);
        const after = (await this.snapshot(manager, id))!;
        if (!changedFields(before, after).length) throw new NothingChanged();
        await this.history.record(manager, { ...this.describe(id, after), action, author, before, after, revertedFromId });
      });
    } catch (error) {
      if (!(error instanceof NothingChanged)) throw error;
    }
    return this.get(id);
  }

  /**
   * The record before a change, locked for the transaction: it must exist, be live, and be at
   * the version the client named (if it named one). The UPDATE still says `AND version = …`:
   * with the lock held it always matches; TypeORM adds `version = version + 1` and
   * `updated_at = now()` (the entity's @VersionColumn, @UpdateDateColumn).
   */
  private async lockedLive(manager: EntityManager, id: number, basedOn: number | undefined, action: RecordAction): Promise<RecordRow<F>> {
    const before = await this.snapshot(manager, id, true);
    if (!before) throw notFound(this.label, id);
    if (before.deletedAt) {
      if (action === 'revert') throw conflict(`${this.label} ${id} is in the trash; restore it first.`);
      throw this.inTrash(id);
    }
    if (basedOn !== undefined && basedOn !== before.version) throw staleVersion(this.label, before, basedOn);
    return before;
  }

  private async versionedUpdate(manager: EntityManager, id: number, version: number, values: object): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(this.definition.entity)
      .set(values)
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if (result.affected) return;
    const current = await this.snapshot(manager, id);
    if (!current) throw notFound(this.label, id);
    throw staleVersion(this.label, current, version);
  }

  private async refuseInUse(manager: EntityManager, id: number, users: 'live' | 'all', doing: string): Promise<void> {
    // Lock first: a concurrent insert referencing this row waits, so the count stays true.
    await manager.query(`SELECT 1 FROM ${this.naming.table} WHERE id = $1 FOR UPDATE`, [id]);
    const usage = await this.usage(manager, id, users);
    if (usage.count > 0) {
      const noun = usage.count === 1 ? usage.noun.one : usage.noun.many;
      const where = users === 'all' ? ' (counting those in the trash)' : '';
      const how = usage.detail ? ` (${usage.detail})` : '';
      throw conflict(`${this.label} ${id} is used by ${usage.count} ${noun}${where}${how}; change or delete them before you ${doing}.`);
    }
  }

  private describe(id: number, record: RecordRow<F>) {
    const label = String((record as Record<string, unknown>)[this.definition.labelField] ?? `${this.label} ${id}`);
    return { resource: this.resource, recordId: id, label };
  }

  private inTrash(id: number): NotFoundException {
    return new NotFoundException({
      statusCode: 404,
      error: 'Not Found',
      message: `${this.label} ${id} is in the trash (an admin can restore it).`,
    } satisfies ApiErrorBody);
  }

  /** A change may leave out any field, but may not empty one that must hold a value. */
  private refuseNull(input: object): void {
    const errors: Record<string, string> = {};
    for (const key of this.rules.notNull) {
      if (Object.hasOwn(input, key) && (input as Record<string, unknown>)[key] === null) errors[key] = `${key} must not be null`;
    }
    if (Object.keys(errors).length) throw badRequest(errors);
  }
}

/** A 400 from a reference check, re-raised as 409 when it concerns the record's current state. */
export function asConflict(error: unknown, message: string): unknown {
  if (!(error instanceof BadRequestException)) return error;
  const body = error.getResponse() as ApiErrorBody;
  return conflict(`${message}: ${body.message}`, body.errors);
}
