import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { badRequest, conflict, notFound } from '../errors/api-errors';
import { CollectionTable, Page, readOne, readPage } from '../list-query/collection-reader';
import { FilterDefinitions, ListQuery } from '../list-query/filter-definitions';

/** Who still uses a record, in words for the 409 ("3 statements (speaker of 2, participant in 1)"). */
export interface Usage {
  statements: number;
  detail?: string;
}

export interface CollectionRules<Entity extends ObjectLiteral> {
  /** Singular name for messages: "Actor". */
  label: string;
  entity: EntityTarget<Entity>;
  /** Fields the API returns but a client never sets. */
  readOnlyFields: readonly string[];
  /** Fields that must hold a value; a PATCH may not set them to null. */
  requiredFields: readonly string[];
  /** What every optional field is when a PUT leaves it out. */
  emptyRecord: Partial<Entity>;
}

/**
 * Reading and writing of a vocabulary-like collection (actors, sources, topics, stances):
 * lists as raw rows through the shared list reader, writes through the entity in one
 * transaction, deletes refused with a count while statements still use the record.
 */
export abstract class CollectionService<
  Entity extends ObjectLiteral & { id: number },
  Row,
  F extends FilterDefinitions,
  S extends string,
> {
  protected constructor(
    protected readonly dataSource: DataSource,
    protected readonly table: CollectionTable<F, S>,
    protected readonly rules: CollectionRules<Entity>,
  ) {}

  /** How many statements use the record; zero lets it be deleted. */
  protected abstract usage(manager: EntityManager, id: number): Promise<Usage>;

  list(query: ListQuery<F, S>): Promise<Page<Row>> {
    return readPage<Row, F, S>(this.dataSource, this.table, query);
  }

  async get(id: number): Promise<Row> {
    const row = await readOne<Row, F, S>(this.dataSource, this.table, id);
    if (!row) throw notFound(this.rules.label, id);
    return row;
  }

  async create(input: object): Promise<Row> {
    const id = await this.dataSource.transaction((manager) => this.createWith(manager, input));
    return this.get(id);
  }

  /** Inserts within the caller's transaction (used by the fixture loader too); returns the id. */
  async createWith(manager: EntityManager, input: object): Promise<number> {
    const entity = manager.create(this.rules.entity, { ...this.rules.emptyRecord, ...this.writable(input) } as Entity);
    const saved = await manager.save(this.rules.entity, entity);
    return saved.id;
  }

  /** PUT replaces the record (fields left out return to empty); PATCH changes only what it names. */
  async update(id: number, input: object, mode: 'replace' | 'patch'): Promise<Row> {
    const fields = this.writable(input);
    if (mode === 'patch') this.refuseNullRequired(fields);
    await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(this.rules.entity, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw notFound(this.rules.label, id);
      const next = mode === 'replace' ? { ...this.rules.emptyRecord, ...fields } : fields;
      manager.merge(this.rules.entity, existing, next as Entity);
      await manager.save(this.rules.entity, existing);
    });
    return this.get(id);
  }

  async remove(id: number): Promise<Row> {
    const before = await this.get(id);
    await this.dataSource.transaction(async (manager) => {
      // Lock first: a concurrent insert referencing this row waits, so the count stays true.
      const locked = await manager.findOne(this.rules.entity, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw notFound(this.rules.label, id);
      const usage = await this.usage(manager, id);
      if (usage.statements > 0) {
        const noun = usage.statements === 1 ? 'statement' : 'statements';
        throw conflict(
          `${this.rules.label} ${id} is used by ${usage.statements} ${noun}` +
            `${usage.detail ? ` (${usage.detail})` : ''}; change or delete them first.`,
        );
      }
      await manager.delete(this.rules.entity, id);
    });
    return before;
  }

  protected writable(input: object): Partial<Entity> {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined || this.rules.readOnlyFields.includes(key)) continue;
      fields[key] = value;
    }
    return fields as Partial<Entity>;
  }

  private refuseNullRequired(fields: Partial<Entity>): void {
    const errors: Record<string, string> = {};
    for (const key of this.rules.requiredFields) {
      if (Object.hasOwn(fields, key) && fields[key] === null) errors[key] = `${key} must not be null`;
    }
    if (Object.keys(errors).length) throw badRequest(errors);
  }
}

export const TIMESTAMP_FIELDS = ['id', 'createdAt', 'updatedAt'] as const;
