import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Author } from '../../auth/principal';
import { RevisionResource } from '../../history/revision.entity';
import { changedFields, RevisionsService } from '../../history/revisions.service';
import { RECORD_REVISION_FILTERS, RevisionSort } from '../../history/revisions.table';
import { ApiErrorBody, badRequest, conflict, notFound } from '../../kernel/errors/api-errors';
import { CollectionTable, JsonPage, readOne, readPageAsJson } from '../list-query/collection-reader';
import { FilterDefinitions, ListQuery } from '../list-query/filter-definitions';
import { staleVersion, VersionedRow } from './version';

/** Who still uses a record, in words for the 409 ("3 statements (speaker of 2, participant in 1)"). */
export interface Usage {
  statements: number;
  detail?: string;
}

export interface CollectionRules<Entity extends ObjectLiteral> {
  resource: RevisionResource;
  /** Singular name for messages: "Actor". */
  label: string;
  /** Field that names a record in the activity feed and the trash: name, title, headline. */
  labelField: string;
  entity: EntityTarget<Entity>;
  /** Fields the API returns but a client never sets. */
  readOnlyFields: readonly string[];
  /** Fields that must hold a value; a PATCH may not set them to null. */
  requiredFields: readonly string[];
  /** What every optional field is when a PUT leaves it out. */
  emptyRecord: Partial<Entity>;
}

export type WriteMode = 'create' | 'replace' | 'patch';

/** Thrown inside a write transaction that turned out to change nothing: rolls it back quietly. */
class NothingChanged extends Error {}

/** Fields every record carries that the server owns. */
export const TIMESTAMP_FIELDS = ['id', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt'] as const;

/**
 * Reading and writing of a curated collection, with provenance and safe concurrent editing:
 * lists as raw rows through the shared list reader; every write in one transaction that
 * checks the version inside its UPDATE, stamps the author, and writes a revision with the
 * record before and after; deletes go to the trash. Statements add their links and derived
 * dates through the hooks.
 */
export abstract class CollectionService<
  Entity extends ObjectLiteral & { id: number },
  Row extends VersionedRow,
  F extends FilterDefinitions,
  S extends string,
> {
  protected constructor(
    protected readonly dataSource: DataSource,
    protected readonly table: CollectionTable<F, S>,
    protected readonly rules: CollectionRules<Entity>,
    protected readonly revisions: RevisionsService,
  ) {}

  /** How many statements use the record: live ones block the trash, any block a purge. */
  protected abstract usage(manager: EntityManager, id: number, statements: 'live' | 'all'): Promise<Usage>;

  get resource(): RevisionResource {
    return this.rules.resource;
  }

  /** A page of live records, as the JSON the API sends; `omit` leaves fields out. */
  list(query: ListQuery<F, S>, omit: readonly string[] = []): Promise<JsonPage> {
    return readPageAsJson<F, S>(this.dataSource, this.table, query, { omit });
  }

  async get(id: number, manager: DataSource | EntityManager = this.dataSource): Promise<Row> {
    const row = await readOne<Row, F, S>(manager, this.table, id, { includeTrashed: true });
    if (!row) throw notFound(this.rules.label, id);
    if (row.deletedAt) throw this.inTrash(id);
    return row;
  }

  /** The record as the API shows it, in the trash or not; what revisions store. */
  snapshot(manager: EntityManager, id: number): Promise<Row | undefined> {
    return readOne<Row, F, S>(manager, this.table, id, { includeTrashed: true });
  }

  revisionsOf(id: number, query: ListQuery<typeof RECORD_REVISION_FILTERS, RevisionSort>) {
    return this.revisions.forRecord(this.resource, id, query);
  }

  async create(input: object, author: Author): Promise<Row> {
    const id = await this.dataSource.transaction((manager) => this.createWith(manager, input, author));
    return this.get(id);
  }

  /** Inserts within the caller's transaction (the fixture loader uses it too); returns the id. */
  async createWith(manager: EntityManager, input: object, author: Author): Promise<number> {
    await this.checkInput(manager, input, 'create');
    const values = { ...this.rules.emptyRecord, ...this.columnsOf(input, 'create') };
    const entity = manager.create(this.rules.entity, { ...values, createdById: author.id, updatedById: author.id } as never);
    const { id } = await manager.save(this.rules.entity, entity);
    await this.writeLinks(manager, id, input, 'create');
    const after = await this.snapshot(manager, id);
    await this.revisions.record(manager, { ...this.describe(id, after!), action: 'create', author, before: null, after: after! });
    return id;
  }

  /**
   * PUT replaces the record (fields left out return to empty); PATCH changes only what it
   * names. `basedOn` is the version the client saw: the UPDATE only matches that version.
   */
  async update(id: number, input: object, mode: 'replace' | 'patch', author: Author, basedOn: number): Promise<Row> {
    if (mode === 'patch') this.refuseNullRequired(input);
    return this.change(id, author, basedOn, 'update', (manager, before) =>
      this.applyInput(manager, id, input, mode, before, author, basedOn),
    );
  }

  /**
   * Brings the record back to its state after an earlier revision, as a new revision. A stored
   * state that no longer applies (it names a record since trashed or purged) is a 409: the
   * request itself was sound, the records it leads to have changed.
   */
  async revert(id: number, revisionId: number, author: Author, basedOn?: number): Promise<Row> {
    const revision = await this.revisions.get(this.dataSource.manager, this.resource, id, revisionId);
    const state = revision.after ?? revision.before;
    const input = this.inputFromSnapshot(state as Record<string, unknown>);
    return this.change(
      id,
      author,
      basedOn,
      'revert',
      (manager, before) =>
        this.applyInput(manager, id, input, 'replace', before, author, basedOn ?? before.version).catch((error: unknown) => {
          throw asConflict(error, `Revision ${revisionId} cannot be restored`);
        }),
      revisionId,
    );
  }

  /** Moves the record to the trash; refused while live statements use it. */
  async remove(id: number, author: Author, basedOn?: number): Promise<Row> {
    let trashed: Row | undefined;
    await this.dataSource.transaction(async (manager) => {
      const before = await this.liveSnapshot(manager, id, basedOn);
      await this.refuseInUse(manager, id, 'live', 'move it to the trash');
      await this.versionedUpdate(manager, id, before.version, { deletedAt: () => 'now()', deletedById: author.id, updatedById: author.id });
      trashed = await this.snapshot(manager, id);
      await this.revisions.record(manager, { ...this.describe(id, before), action: 'delete', author, before, after: trashed! });
    });
    return trashed!;
  }

  /** Takes the record out of the trash. */
  async restore(id: number, author: Author): Promise<Row> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.snapshot(manager, id);
      if (!before) throw notFound(this.rules.label, id);
      if (!before.deletedAt) throw conflict(`${this.rules.label} ${id} is not in the trash.`);
      await this.checkRestorable(manager, before);
      await this.versionedUpdate(manager, id, before.version, { deletedAt: null, deletedById: null, updatedById: author.id });
      const after = await this.snapshot(manager, id);
      await this.revisions.record(manager, { ...this.describe(id, after!), action: 'restore', author, before, after: after! });
    });
    return this.get(id);
  }

  /** Deletes a record in the trash for good; its revisions (and this purge) stay. */
  async purge(id: number, author: Author): Promise<Row> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.snapshot(manager, id);
      if (!before) throw notFound(this.rules.label, id);
      if (!before.deletedAt) throw conflict(`${this.rules.label} ${id} is not in the trash; move it there first.`);
      await this.refuseInUse(manager, id, 'all', 'purge it');
      await this.revisions.record(manager, { ...this.describe(id, before), action: 'purge', author, before, after: null });
      await manager.delete(this.rules.entity, id);
      return before;
    });
  }

  // ---- hooks for collections with more to them (statements) ----

  /** Checks references and rules beyond the DTO; throws 400 naming the field. */
  protected async checkInput(_manager: EntityManager, _input: object, _mode: WriteMode, _before?: Row): Promise<void> {}

  /** Column values for an insert or update from the input. */
  protected columnsOf(input: object, _mode: WriteMode): Partial<Entity> {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined || this.rules.readOnlyFields.includes(key)) continue;
      fields[key] = value;
    }
    return fields as Partial<Entity>;
  }

  protected async writeLinks(_manager: EntityManager, _id: number, _input: object, _mode: WriteMode): Promise<void> {}

  /** Before a record leaves the trash: what it refers to must be live. */
  protected async checkRestorable(_manager: EntityManager, _record: Row): Promise<void> {}

  /** What a PUT must send to bring the record back to a snapshot. */
  protected inputFromSnapshot(snapshot: Record<string, unknown>): object {
    const input: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(snapshot)) if (!this.rules.readOnlyFields.includes(key)) input[key] = value;
    return input;
  }

  // ---- the write machinery ----

  private async change(
    id: number,
    author: Author,
    basedOn: number | undefined,
    action: 'update' | 'revert',
    apply: (manager: EntityManager, before: Row) => Promise<void>,
    revertedFromId?: number,
  ): Promise<Row> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const before = await this.liveSnapshot(manager, id, basedOn, action === 'revert');
        await apply(manager, before);
        const after = await this.snapshot(manager, id);
        if (!changedFields(before, after!).length) throw new NothingChanged();
        await this.revisions.record(manager, { ...this.describe(id, after!), action, author, before, after: after!, revertedFromId });
      });
    } catch (error) {
      if (!(error instanceof NothingChanged)) throw error;
    }
    return this.get(id);
  }

  private async applyInput(
    manager: EntityManager,
    id: number,
    input: object,
    mode: 'replace' | 'patch',
    before: Row,
    author: Author,
    basedOn: number,
  ): Promise<void> {
    await this.checkInput(manager, input, mode, before);
    const columns = mode === 'replace' ? { ...this.rules.emptyRecord, ...this.columnsOf(input, mode) } : this.columnsOf(input, mode);
    await this.versionedUpdate(manager, id, basedOn, { ...columns, updatedById: author.id });
    await this.writeLinks(manager, id, input, mode);
  }

  /**
   * The optimistic-concurrency check lives in the UPDATE itself: `WHERE id = … AND version = …`.
   * A concurrent writer of the same version waits on the row lock, then finds the version
   * moved on and matches nothing: 409 with the record as it is now. TypeORM adds
   * `version = version + 1` and `updated_at = now()` (the entity's @VersionColumn, @UpdateDateColumn).
   */
  private async versionedUpdate(manager: EntityManager, id: number, basedOn: number, values: object): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(this.rules.entity)
      .set(values)
      .where('id = :id AND version = :basedOn', { id, basedOn })
      .execute();
    if (result.affected) return;
    const current = await this.snapshot(manager, id);
    if (!current) throw notFound(this.rules.label, id);
    throw staleVersion(this.rules.label, current, basedOn);
  }

  /** The record before a change: it must exist, be live, and (when the client said) be at its version. */
  private async liveSnapshot(manager: EntityManager, id: number, basedOn: number | undefined, revert = false): Promise<Row> {
    const before = await this.snapshot(manager, id);
    if (!before) throw notFound(this.rules.label, id);
    if (before.deletedAt) {
      if (revert) throw conflict(`${this.rules.label} ${id} is in the trash; restore it first.`);
      throw this.inTrash(id);
    }
    if (basedOn !== undefined && basedOn !== before.version) throw staleVersion(this.rules.label, before, basedOn);
    return before;
  }

  private async refuseInUse(manager: EntityManager, id: number, statements: 'live' | 'all', doing: string): Promise<void> {
    // Lock first: a concurrent insert referencing this row waits, so the count stays true.
    await manager.query(`SELECT 1 FROM ${this.tableName(manager)} WHERE id = $1 FOR UPDATE`, [id]);
    const usage = await this.usage(manager, id, statements);
    if (usage.statements > 0) {
      const noun = usage.statements === 1 ? 'statement' : 'statements';
      const where = statements === 'all' ? ' (counting those in the trash)' : '';
      throw conflict(
        `${this.rules.label} ${id} is used by ${usage.statements} ${noun}${where}` +
          `${usage.detail ? ` (${usage.detail})` : ''}; change or delete them before you ${doing}.`,
      );
    }
  }

  private tableName(manager: EntityManager): string {
    return manager.connection.getMetadata(this.rules.entity).tableName;
  }

  private describe(id: number, record: Row) {
    const label = String((record as unknown as Record<string, unknown>)[this.rules.labelField] ?? `${this.rules.label} ${id}`);
    return { resource: this.resource, recordId: id, label };
  }

  private inTrash(id: number): NotFoundException {
    return new NotFoundException({
      statusCode: 404,
      error: 'Not Found',
      message: `${this.rules.label} ${id} is in the trash (an admin can restore it).`,
    } satisfies ApiErrorBody);
  }

  private refuseNullRequired(input: object): void {
    const errors: Record<string, string> = {};
    for (const key of this.rules.requiredFields) {
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
