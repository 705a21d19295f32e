import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { EntityManager } from 'typeorm';
import { ActorInput } from '../actors/actor.dto';
import { snakeCase } from '../database/snake-naming.strategy';
import type { ApiErrorBody } from '../kernel/errors/api-errors';
import type { RecordAuthor } from '../records/collection/record-author';
import { changedFields, RecordChange, RecordHistory } from '../records/collection/record-history';
import { fieldRules, LinkList } from '../records/fields/field-rules';
import { LinkDetail, linkRows, withConsistentDetails } from '../records/fields/link-details';
import { selectList } from '../records/list-query/collection-reader';
import { SourceInput } from '../sources/source.dto';
import { parseEdtf } from '../statements/edtf/parse-edtf';
import { STATEMENT_TABLE } from '../statements/statement-query';
import { Statement } from '../statements/statement.entity';
import { SourceCitation } from '../statements/source-citation';
import { applyStatementRules } from '../statements/statement-rules';
import { STATEMENT_FIELDS } from '../statements/statement.fields';
import { TopicInput } from '../topics/topic.dto';
import type { RowOutcome } from './import.entity';
import { comparable, MatchedBy, ReferenceMatcher, sourceParts, VocabularyCollection } from './reference-matcher';
import { checkValues, RowRequest } from './statement-rows';

/** What an import did with one row. */
export interface RowReport {
  row: number;
  outcome: RowOutcome;
  statementId: number | null;
  key: string | null;
  errors?: Record<string, string>;
  changedFields: string[];
}

/** A text of the file that named a record: how it was found (or that it was created), and in how many rows. */
export interface ReferenceReport {
  collection: VocabularyCollection;
  text: string;
  id: number;
  label: string;
  by: MatchedBy;
  rows: number;
}

/** The collections an import may create records in when a cell names one that does not exist. */
export const CREATABLE = ['actors', 'topics', 'sources'] as const;
export type Creatable = (typeof CREATABLE)[number];

/** Creates a record within the import's transaction (a collection service's createWith); returns its id. */
export type CreateRecord = (manager: EntityManager, input: object, author: RecordAuthor) => Promise<number>;

const RULES = fieldRules(STATEMENT_FIELDS);
const LINKS = RULES.links;
const SINGULAR: Record<VocabularyCollection | 'statements', string> = {
  actors: 'actor',
  topics: 'topic',
  stances: 'stance',
  sources: 'source',
  statements: 'statement',
};
type StatementState = Record<string, unknown> & { id: number; version: number; headline: string };
const READ_STATEMENTS = `SELECT ${selectList(STATEMENT_TABLE.columns)} FROM statements s WHERE s.id = ANY($1)`;

/**
 * Writes an import's rows, a batch at a time, in the import's transaction: each row's values
 * checked as the API checks them, its references matched in sets, its identity found (key,
 * id, or neither), then the batch's new statements inserted at once and its changed ones
 * updated, each with its revision tagged with the import. A row whose values equal its
 * statement's is left alone: importing a file twice writes nothing the second time.
 */
export class StatementImportWriter {
  /** Each key and id met in the file, with its first row: a second is an error. */
  private readonly seenKeys = new Map<string, number>();
  private readonly seenIds = new Map<number, number>();
  /** Statement each key and each id column of the file resolved to, for replies within the file. */
  private readonly fileKeys = new Map<string, number>();
  private readonly fileIds = new Map<number, number>();
  /** Statements this import created: an id in the file never names one of them (a file's ids are the database's before the import). */
  private readonly created = new Set<number>();
  /** Statements the import already changed, with the row: one row per statement. */
  private readonly touched = new Map<number, number>();
  /** Rows replying to a statement of a later row: written once it is. */
  private heldBack: RowRequest[] = [];
  private final = false;
  private readonly references = new Map<string, ReferenceReport>();

  constructor(
    private readonly manager: EntityManager,
    private readonly matcher: ReferenceMatcher,
    private readonly author: RecordAuthor,
    private readonly createMissing: ReadonlySet<Creatable>,
    private readonly creators: Record<Creatable, CreateRecord>,
    private readonly history: RecordHistory,
    /**
     * keepEdited: a statement someone changed by hand since an import or the fixtures wrote it is
     * left as they made it. dryRun: every check and lookup, no statement written (and none locked):
     * what would be created and changed is told from the rows, not from writing them.
     */
    private readonly options: { keepEdited?: boolean; dryRun?: boolean } = {},
  ) {}

  /** The texts that named records, in the order first met. */
  get referenceReport(): ReferenceReport[] {
    return [...this.references.values()];
  }

  /** Writes a batch of rows; rows replying to a later row wait for finish(). Returns what was done with each row written now. */
  async write(requests: RowRequest[]): Promise<RowReport[]> {
    for (const request of requests) await checkValues(request);
    const lookups = await this.lookUp(requests);
    const plans = this.identify(requests, lookups);
    const creates = plans.filter((plan) => plan.action === 'create');
    const newIds = await this.allocateIds(creates.length);
    const ready: Plan[] = [];
    const reports: RowReport[] = [];
    for (const plan of plans) {
      if (plan.action === 'create') {
        plan.statementId = newIds.shift()!;
        this.created.add(plan.statementId);
      }
      if (!this.resolveReply(plan, lookups)) continue;
      if (plan.action !== 'fail') {
        if (plan.request.key) this.fileKeys.set(plan.request.key, plan.statementId!);
        if (plan.request.id) this.fileIds.set(plan.request.id, plan.statementId!);
        this.touched.set(plan.statementId!, plan.request.row);
      }
      ready.push(plan);
    }
    await this.matchReferences(ready);
    await this.holdReferences(ready);
    const current = await this.readCurrent(ready.filter((plan) => plan.action === 'update' && !hasErrors(plan)));
    for (const plan of ready) {
      if (!hasErrors(plan)) this.checkSpeakerNotParticipant(plan, current.get(plan.statementId!));
      if (!hasErrors(plan)) await this.checkAcrossFields(plan, current.get(plan.statementId!));
    }
    await this.insert(ready.filter((plan) => plan.action === 'create' && !hasErrors(plan)));
    for (const plan of ready) {
      if (plan.action === 'update' && !hasErrors(plan)) await this.update(plan, current.get(plan.statementId!)!);
    }
    await this.recordRevisions(ready, current);
    for (const plan of ready) reports.push(this.report(plan));
    return reports;
  }

  /** Writes the rows that waited for a later row's statement; those whose reply names none fail. */
  async finish(): Promise<RowReport[]> {
    const reports: RowReport[] = [];
    while (this.heldBack.length) {
      const waiting = this.heldBack;
      this.heldBack = [];
      reports.push(...(await this.write(waiting)));
      if (this.heldBack.length === waiting.length) this.final = true;
    }
    return reports;
  }

  // ---- identity ----

  /** The statements the batch's keys and ids name in the database (live, or in the trash), in two queries. */
  private async lookUp(requests: RowRequest[]): Promise<Lookups> {
    const keys = new Set<string>();
    const ids = new Set<number>();
    for (const request of requests) {
      if (request.key) keys.add(request.key);
      if (request.id) ids.add(request.id);
      if (request.reply?.key) keys.add(request.reply.key);
      if (request.reply?.id) ids.add(request.reply.id);
    }
    const byKey = keys.size
      ? await this.manager.query<{ id: number; key: string }[]>(
          'SELECT id, key FROM statements WHERE key = ANY($1) AND deleted_at IS NULL',
          [[...keys]],
        )
      : [];
    const byId = ids.size
      ? await this.manager.query<{ id: number; trashed: boolean; key: string | null }[]>(
          'SELECT id, deleted_at IS NOT NULL AS trashed, key FROM statements WHERE id = ANY($1)',
          [[...ids]],
        )
      : [];
    // The file's keys name the statements this import created too (replies within the file); its ids never do.
    const before = byId.filter((r) => !this.created.has(r.id));
    return {
      keys: new Map(byKey.map((r) => [r.key, r.id])),
      ids: new Map(before.map((r) => [r.id, r.trashed])),
      keyOfId: new Map(before.map((r) => [r.id, r.key])),
    };
  }

  /** Create, update or fail: by key (it updates the statement with that key, or creates one), else by id, else create. */
  private identify(requests: RowRequest[], lookups: Lookups): Plan[] {
    return requests.map((request) => {
      const plan: Plan = { request, action: 'create', statementId: null };
      const { key, id } = request;
      if (key !== undefined) {
        const earlier = this.seenKeys.get(key);
        if (earlier !== undefined && earlier !== request.row)
          request.errors[request.columnOf.key] = `key "${key}" is also on row ${earlier}`;
        else this.seenKeys.set(key, request.row);
      }
      if (id !== undefined) {
        const earlier = this.seenIds.get(id);
        if (earlier !== undefined && earlier !== request.row) request.errors.id = `statement ${id} is also on row ${earlier}`;
        else this.seenIds.set(id, request.row);
      }
      const byKey = key !== undefined ? lookups.keys.get(key) : undefined;
      if (byKey !== undefined) Object.assign(plan, { action: 'update', statementId: byKey });
      else if (key !== undefined && id !== undefined && lookups.ids.get(id) === false) {
        // A key no statement has yet, on the row of a live statement: the statement takes the key (keys added to an export).
        const other = lookups.keyOfId.get(id);
        if (other)
          request.errors.id = `statement ${id} has the key "${other}", not "${key}"; a row's key and id must name the same statement`;
        else Object.assign(plan, { action: 'update', statementId: id });
      } else if (key === undefined && id !== undefined) {
        const trashed = lookups.ids.get(id);
        if (trashed === undefined) {
          request.errors.id = `statement ${id} does not exist: a row with an id changes that statement (leave id empty to create one, or give a key)`;
        } else if (trashed) request.errors.id = `statement ${id} is in the trash (restore it first)`;
        else Object.assign(plan, { action: 'update', statementId: id });
      }
      if (plan.action === 'update') {
        const other = this.touched.get(plan.statementId!);
        if (other !== undefined && other !== request.row)
          request.errors[key !== undefined ? request.columnOf.key : 'id'] = `statement ${plan.statementId} is also changed by row ${other}`;
      }
      if (plan.action === 'create') {
        const missing = ['date', 'headline', 'speakerId'].filter(
          (field) => !(field in request.values) && !(field in request.namings) && !request.errors[COLUMN_OF_REQUIRED[field]],
        );
        for (const field of missing) request.errors[COLUMN_OF_REQUIRED[field]] = `is required to create a statement`;
      }
      if (hasErrors(plan)) plan.action = 'fail';
      return plan;
    });
  }

  private async allocateIds(count: number): Promise<number[]> {
    if (!count) return [];
    const rows = await this.manager.query<{ id: number }[]>(
      "SELECT nextval(pg_get_serial_sequence('statements', 'id'))::int AS id FROM generate_series(1, $1)",
      [count],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The statement a row replies to: an earlier row's (by key or id column), else the database's.
   * One not met yet holds the row back until the file's end; false when it is held back.
   */
  private resolveReply(plan: Plan, lookups: Lookups): boolean {
    const reply = plan.request.reply;
    if (reply === undefined) return true;
    if (reply === null) {
      plan.request.values.respondsToId = null;
      return true;
    }
    let target: number | undefined;
    let problem: string | undefined;
    if (reply.key !== undefined) target = this.fileKeys.get(reply.key) ?? lookups.keys.get(reply.key);
    else {
      target = this.fileIds.get(reply.id!);
      if (target === undefined) {
        const trashed = lookups.ids.get(reply.id!);
        if (trashed === false) target = reply.id;
        else if (trashed) problem = `statement ${reply.id} is in the trash`;
      }
    }
    if (target === undefined && !problem) {
      if (!this.final && plan.action !== 'fail') {
        this.heldBack.push(plan.request);
        return false;
      }
      problem = `names no statement of this file or the database (${reply.key !== undefined ? `key "${reply.key}"` : `id ${reply.id}`})`;
    }
    if (target !== undefined && target === plan.statementId) problem = 'a statement cannot respond to itself';
    if (problem) {
      plan.request.errors[reply.column] = problem;
      plan.action = 'fail';
    } else plan.request.values.respondsToId = target;
    return true;
  }

  // ---- references ----

  /**
   * Matches each naming cell; a record that does not exist is created when the import may create
   * it, and only for a row that has nothing else wrong.
   */
  private async matchReferences(plans: Plan[]): Promise<void> {
    for (const plan of plans) {
      const toCreate: { field: string; collection: Creatable; text: string }[] = [];
      for (const [field, naming] of Object.entries(plan.request.namings)) {
        const ids: number[] = [];
        const problems: string[] = [];
        for (const text of naming.texts) {
          const outcome = this.matcher.match(naming.collection, text);
          if ('id' in outcome) {
            ids.push(outcome.id);
            this.noteReference(naming.collection, text, outcome.id, outcome.label, outcome.by);
          } else if ('ambiguous' in outcome) {
            problems.push(
              `"${text}" matches ${outcome.ambiguous.length} ${naming.collection}: ${outcome.ambiguous.map((c) => `${c.label} (${c.id})`).join(', ')}; write the name in full or the id`,
            );
          } else if (
            (CREATABLE as readonly string[]).includes(naming.collection) &&
            this.createMissing.has(naming.collection as Creatable)
          ) {
            toCreate.push({ field, collection: naming.collection as Creatable, text });
            ids.push(0);
          } else {
            const allow = (CREATABLE as readonly string[]).includes(naming.collection)
              ? ` (createMissing=${naming.collection} creates it)`
              : '';
            problems.push(`no ${SINGULAR[naming.collection]} is named "${text}"${allow}`);
          }
        }
        if (problems.length) plan.request.errors[naming.column] = problems.join('; ');
        else if (naming.list && new Set(ids.filter(Boolean)).size !== ids.filter(Boolean).length) {
          plan.request.errors[naming.column] = `names the same ${SINGULAR[naming.collection]} twice`;
        }
        plan.request.values[field] = naming.list ? ids : (ids[0] ?? null);
      }
      if (hasErrors(plan)) {
        plan.action = 'fail';
        continue;
      }
      for (const { field, collection, text } of toCreate) {
        const id = await this.createReference(plan, collection, text);
        if (id === undefined) break;
        const value = plan.request.values[field];
        if (Array.isArray(value)) value[value.indexOf(0)] = id;
        else plan.request.values[field] = id;
      }
    }
  }

  /** A record the file names and the database lacks, created as the API would (checked first); undefined when its cell cannot make one. */
  private async createReference(plan: Plan, collection: Creatable, text: string): Promise<number | undefined> {
    const again = this.matcher.match(collection, text);
    if ('id' in again) return again.id;
    const parts = sourceParts(text);
    const input =
      collection === 'sources'
        ? plainToInstance(SourceInput, { title: parts.title, publisher: parts.publisher ?? null, url: parts.url ?? null })
        : plainToInstance(collection === 'actors' ? ActorInput : TopicInput, { name: text });
    const errors = await validate(input, { whitelist: true, validationError: { target: false, value: false } });
    if (errors.length) {
      const reasons = errors.flatMap((e) => Object.values(e.constraints ?? {})).join('; ');
      plan.request.errors[
        plan.request.namings[Object.keys(plan.request.namings).find((f) => plan.request.namings[f].collection === collection)!].column
      ] = `cannot create ${SINGULAR[collection]} "${text}": ${reasons}`;
      plan.action = 'fail';
      return undefined;
    }
    const id = await this.creators[collection](this.manager, input, this.author);
    const name = collection === 'sources' ? parts.title : text;
    this.matcher.added(collection, { id, name, url: parts.url });
    this.noteReference(collection, text, id, name, 'created');
    return id;
  }

  private noteReference(collection: VocabularyCollection, text: string, id: number, label: string, by: MatchedBy): void {
    const key = `${collection}\u0000${comparable(text)}`;
    const known = this.references.get(key);
    if (known) known.rows++;
    else this.references.set(key, { collection, text, id, label, by, rows: 1 });
  }

  /**
   * The records the batch's rows name, held (FOR SHARE) until the import ends: none can go to the
   * trash under it. One that went since the import started is a row error.
   */
  private async holdReferences(plans: Plan[]): Promise<void> {
    if (this.options.dryRun) return;
    const wanted = new Map<string, Set<number>>();
    for (const plan of plans) {
      if (hasErrors(plan)) continue;
      for (const [field, naming] of Object.entries(plan.request.namings)) {
        const value = plan.request.values[field];
        const ids = (Array.isArray(value) ? value : [value]).filter((id): id is number => typeof id === 'number');
        const set = wanted.get(naming.collection) ?? new Set<number>();
        ids.forEach((id) => set.add(id));
        wanted.set(naming.collection, set);
      }
    }
    for (const [collection, ids] of wanted) {
      if (!ids.size) continue;
      const live = await this.manager.query<{ id: number }[]>(
        `SELECT id FROM ${collection} WHERE id = ANY($1) AND deleted_at IS NULL ORDER BY id FOR SHARE`,
        [[...ids]],
      );
      const held = new Set(live.map((row) => row.id));
      const gone = new Set([...ids].filter((id) => !held.has(id)));
      if (!gone.size) continue;
      for (const plan of plans) {
        for (const [field, naming] of Object.entries(plan.request.namings)) {
          const value = plan.request.values[field];
          const named = (Array.isArray(value) ? value : [value]).filter((id) => gone.has(id as number));
          if (named.length && naming.collection === collection) {
            plan.request.errors[naming.column] = `${SINGULAR[collection]} ${named.join(', ')} went to the trash during the import`;
            plan.action = 'fail';
          }
        }
      }
    }
  }

  // ---- writing ----

  /** The statements the batch changes, as they are now, locked until the import ends. */
  private async readCurrent(plans: Plan[]): Promise<Map<number, StatementState>> {
    if (!plans.length) return new Map();
    const ids = plans.map((p) => p.statementId!);
    const rows = await this.manager.query<StatementState[]>(`${READ_STATEMENTS}${this.options.dryRun ? '' : ' FOR UPDATE OF s'}`, [ids]);
    if (this.options.keepEdited) await this.keepEditedByHand(plans, ids);
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Statements whose last change was made by hand (neither an import's nor their creation): their rows change nothing. */
  private async keepEditedByHand(plans: Plan[], ids: number[]): Promise<void> {
    const latest = await this.manager.query<{ record_id: number; action: string; import_id: number | null }[]>(
      `SELECT DISTINCT ON (record_id) record_id, action::text AS action, import_id FROM revisions
       WHERE resource = 'statements' AND record_id = ANY($1) ORDER BY record_id, id DESC`,
      [ids],
    );
    const byHand = new Set(latest.filter((r) => r.import_id === null && r.action !== 'create').map((r) => r.record_id));
    for (const plan of plans) if (byHand.has(plan.statementId!)) plan.keptEdited = true;
  }

  /** A speaker is never among the participants (the API's rule), whichever of the two the row gives. */
  private checkSpeakerNotParticipant(plan: Plan, current: StatementState | undefined): void {
    const values = plan.request.values;
    const speakerId = (values.speakerId ?? current?.speakerId) as number | undefined;
    const participants = (values.participantIds ?? current?.participantIds ?? []) as number[];
    if (speakerId !== undefined && participants.includes(speakerId)) {
      const column = plan.request.columnOf.participantIds ?? plan.request.columnOf.speakerId;
      plan.request.errors[column] = `the speaker (actor ${speakerId}) must not also be a participant`;
      plan.action = 'fail';
    }
  }

  /**
   * The row's link details joined to its matched links (source_details to sources), each link
   * list made to agree with its details as an API write would, and the rules across fields
   * (statement-rules.ts) checked against the statement as it is.
   */
  private async checkAcrossFields(plan: Plan, current: StatementState | undefined): Promise<void> {
    const { request } = plan;
    const fail = (field: string, reason: string) => {
      request.errors[request.columnOf[field] ?? snakeCase(field)] = reason;
      plan.action = 'fail';
    };
    if (request.details) {
      const { column, of, field, entries } = request.details;
      const ids = request.values[of] as number[] | undefined;
      const listColumn = request.columnOf[of] ?? snakeCase(of);
      if (ids === undefined) return fail(field, `details the entries of the ${listColumn} column, which this row does not give`);
      if (ids.length !== entries.length) {
        return fail(
          field,
          `has ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} and ${listColumn} ${ids.length}: the n-th entry details the n-th ${SINGULAR[request.namings[of]?.collection ?? 'sources']}`,
        );
      }
      const storage = STATEMENT_FIELDS.sources.storage as { idKey: string };
      const joined = ids.map((id, i) => ({ ...entries[i], [storage.idKey]: id }));
      for (const [i, entry] of joined.entries()) {
        const problems = await validate(plainToInstance(SourceCitation, entry), {
          whitelist: true,
          forbidNonWhitelisted: true,
          validationError: { target: false, value: false },
        });
        const reasons = problems.flatMap((problem) => Object.values(problem.constraints ?? {}));
        if (reasons.length) return fail(field, `entry ${i + 1}: ${reasons.join('; ')}`);
      }
      request.values[field] = joined;
      request.columnOf[field] = column;
    }
    try {
      request.values = withConsistentDetails(request.values, LINKS, current);
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      for (const [field, reason] of Object.entries((error.getResponse() as ApiErrorBody).errors ?? {})) fail(field, reason);
      return;
    }
    for (const [field, reason] of Object.entries(applyStatementRules(request.values, current))) fail(field, reason);
  }

  /** The row's values as columns, with the day bounds and display form of its date. */
  private columnsOf(values: Record<string, unknown>): Record<string, unknown> {
    const columns: Record<string, unknown> = {};
    for (const field of RULES.columns) if (values[field] !== undefined) columns[field] = values[field];
    return values.date === undefined ? columns : { ...columns, ...parseEdtf(values.date as string) };
  }

  private async insert(plans: Plan[]): Promise<void> {
    if (!plans.length || this.options.dryRun) return;
    const rows = plans.map((plan) => ({
      ...RULES.empty,
      ...this.columnsOf(plan.request.values),
      id: plan.statementId!,
      createdById: this.author.id,
      updatedById: this.author.id,
    }));
    // By hand: the ORM leaves out a generated id given to it, and these ids are the ones replies were resolved to.
    const properties = Object.keys(rows[0]);
    const metadata = this.manager.connection.getMetadata(Statement);
    const columns = properties.map((property) => `"${metadata.findColumnWithPropertyName(property)!.databaseName}"`);
    const perInsert = Math.floor(60_000 / properties.length);
    for (let start = 0; start < rows.length; start += perInsert) {
      const chunk = rows.slice(start, start + perInsert);
      const values = chunk.map((_, r) => `(${properties.map((_p, c) => `$${r * properties.length + c + 1}`).join(', ')})`);
      await this.manager.query(
        `INSERT INTO statements (${columns.join(', ')}) VALUES ${values.join(', ')}`,
        chunk.flatMap((row) => properties.map((property) => (row as Record<string, unknown>)[property] ?? null)),
      );
    }
    for (const link of LINKS) {
      const rows = plans.flatMap((plan) => this.linkRowsOf(link, plan.statementId!, plan.request.values));
      if (rows.length) await this.insertLinks(link, rows);
    }
  }

  /** Changes the fields that differ; a row that changes nothing is unchanged and writes nothing. */
  private async update(plan: Plan, current: StatementState): Promise<void> {
    if (plan.keptEdited) {
      plan.action = 'unchanged';
      return;
    }
    const values = plan.request.values;
    const differing = Object.keys(values).filter(
      (field) => JSON.stringify(values[field] ?? null) !== JSON.stringify(current[field] ?? null),
    );
    if (!differing.length) {
      plan.action = 'unchanged';
      return;
    }
    if (differing.includes('respondsToId') && values.respondsToId) {
      const loop = await this.replyLoop(values.respondsToId as number, plan.statementId!);
      if (loop) {
        plan.request.errors[plan.request.columnOf.respondsToId] = `would make a reply loop: ${[plan.statementId, ...loop].join(' → ')}`;
        plan.action = 'fail';
        return;
      }
    }
    if (this.options.dryRun) {
      const derived = values.date !== undefined && values.date !== current.date ? parseEdtf(values.date as string) : {};
      plan.changedFields = [
        ...differing,
        ...Object.entries(derived)
          .filter(([field, value]) => field !== 'date' && current[field] !== value)
          .map(([field]) => field),
      ];
      return;
    }
    const changed = Object.fromEntries(differing.map((field) => [field, values[field]]));
    const columns = this.columnsOf(changed);
    if (Object.keys(columns).length) {
      await this.manager
        .createQueryBuilder()
        .update(Statement)
        .set({ ...columns, updatedById: this.author.id })
        .where('id = :id AND version = :version', { id: plan.statementId, version: current.version })
        .execute();
    } else {
      // Only link lists differ: the record still gets its new version, as an API change would give it.
      await this.manager.query('UPDATE statements SET version = version + 1, updated_at = now(), updated_by_id = $2 WHERE id = $1', [
        plan.statementId,
        this.author.id,
      ]);
    }
    for (const link of LINKS) {
      if (!differing.includes(link.field) && !(link.details && differing.includes(link.details.field))) continue;
      await this.manager.query(`DELETE FROM ${link.table} WHERE ${link.recordColumn} = $1`, [plan.statementId]);
      const rows = this.linkRowsOf(link, plan.statementId!, values);
      if (rows.length) await this.insertLinks(link, rows);
    }
  }

  /** A statement's rows of a link table, with their details when the list has them. */
  private linkRowsOf(link: LinkList, statementId: number, values: Record<string, unknown>): object[] {
    const ids = (values[link.field] as number[] | undefined) ?? [];
    const rows = linkRows(link, ids, link.details ? (values[link.details.field] as LinkDetail[] | undefined) : undefined);
    return rows.map((row) => ({ ...row, [link.recordColumn]: statementId }));
  }

  /** Rows of a link table in one statement; PostgreSQL types each value by its column. */
  private async insertLinks(link: LinkList, rows: object[]): Promise<void> {
    await this.manager.query(`INSERT INTO ${link.table} SELECT * FROM json_populate_recordset(NULL::${link.table}, $1)`, [
      JSON.stringify(rows),
    ]);
  }

  /** The chain from `start` up its replies when it comes back to `statementId`. */
  private async replyLoop(start: number, statementId: number): Promise<number[] | undefined> {
    const rows = await this.manager.query<{ id: number }[]>(
      `WITH RECURSIVE chain(id, responds_to_id, depth) AS (
         SELECT id, responds_to_id, 1 FROM statements WHERE id = $1
         UNION ALL
         SELECT s.id, s.responds_to_id, c.depth + 1 FROM statements s JOIN chain c ON s.id = c.responds_to_id
         WHERE c.id <> $2 AND c.depth < 10000
       )
       SELECT id FROM chain ORDER BY depth`,
      [start, statementId],
    );
    const ids = rows.map((r) => r.id);
    return ids.includes(statementId) ? ids : undefined;
  }

  /** One revision per statement written, tagged with the import, in one insert. */
  private async recordRevisions(plans: Plan[], before: Map<number, StatementState>): Promise<void> {
    if (this.options.dryRun) return;
    const written = plans.filter((plan) => plan.action === 'create' || plan.action === 'update');
    if (!written.length) return;
    const after = new Map(
      (await this.manager.query<StatementState[]>(READ_STATEMENTS, [written.map((p) => p.statementId)])).map((row) => [row.id, row]),
    );
    const changes: RecordChange[] = written.map((plan) => {
      const state = after.get(plan.statementId!)!;
      const previous = plan.action === 'update' ? before.get(plan.statementId!)! : null;
      plan.changedFields = plan.action === 'update' ? changedFields(previous, state) : [];
      return {
        resource: 'statements',
        recordId: plan.statementId!,
        action: plan.action === 'create' ? 'create' : 'update',
        author: this.author,
        label: state.headline,
        before: previous,
        after: state,
      };
    });
    await this.history.recordMany(this.manager, changes);
  }

  private report(plan: Plan): RowReport {
    const failed = hasErrors(plan);
    return {
      row: plan.request.row,
      outcome: failed ? 'failed' : OUTCOMES[plan.action],
      statementId: failed ? null : plan.statementId,
      key: plan.request.key ?? null,
      ...(failed ? { errors: plan.request.errors } : {}),
      changedFields: plan.changedFields ?? [],
    };
  }
}

interface Lookups {
  /** Live statements by key. */
  keys: Map<string, number>;
  /** Statements by id: whether each is in the trash. */
  ids: Map<number, boolean>;
  /** Statements by id: their key. */
  keyOfId: Map<number, string | null>;
}

interface Plan {
  request: RowRequest;
  action: 'create' | 'update' | 'unchanged' | 'fail';
  statementId: number | null;
  changedFields?: string[];
  /** Changed by hand since it was imported: left as it is (keepEdited). */
  keptEdited?: boolean;
}

const OUTCOMES: Record<Plan['action'], RowOutcome> = { create: 'created', update: 'updated', unchanged: 'unchanged', fail: 'failed' };

const hasErrors = (plan: Plan) => Object.keys(plan.request.errors).length > 0;

/** The column a required field is read from, when the file has none. */
const COLUMN_OF_REQUIRED: Record<string, string> = { date: 'date', headline: 'headline', speakerId: 'speaker' };
