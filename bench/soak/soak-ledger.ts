/**
 * What the soak wrote and the server acknowledged: for every statement the soak created,
 * its last acknowledged version, content and whether it is in the trash. A record is held
 * by at most one worker at a time (claim/release), so the ledger knows exactly what the
 * server must return for it — except in the deliberate races, whose outcome is read from
 * the answers. At the end every entry is read back (soak-verify.ts).
 */

/** The fields of a statement the soak sets, as POST/PUT send them and GET returns them. */
export interface StatementContent {
  type: string;
  status: string;
  date: string;
  headline: string;
  quote: string | null;
  quoteLanguage: string | null;
  summary: string | null;
  speakerId: number;
  speakerTitle: string | null;
  participantIds: number[];
  topicIds: number[];
  sourceIds: number[];
  stanceId: number | null;
  respondsToId: number | null;
  venue: string | null;
  location: string | null;
  reviewStatus: string;
  notes: string | null;
}

export const CONTENT_FIELDS = [
  'type',
  'status',
  'date',
  'headline',
  'quote',
  'quoteLanguage',
  'summary',
  'speakerId',
  'speakerTitle',
  'participantIds',
  'topicIds',
  'sourceIds',
  'stanceId',
  'respondsToId',
  'venue',
  'location',
  'reviewStatus',
  'notes',
] as const satisfies readonly (keyof StatementContent)[];

export type RecordState = 'live' | 'trashed';

export interface LedgerEntry {
  id: number;
  /** The version of the last acknowledged write (create, update, delete or restore). */
  version: number;
  state: RecordState;
  content: StatementContent;
  /** Acknowledged writes of this record, the create included. */
  writes: number;
}

/** Ids in no particular order, with O(1) add, remove and random pick. */
class IdBag {
  private readonly ids: number[] = [];
  private readonly index = new Map<number, number>();

  get size(): number {
    return this.ids.length;
  }

  add(id: number): void {
    if (this.index.has(id)) return;
    this.index.set(id, this.ids.length);
    this.ids.push(id);
  }

  remove(id: number): void {
    const at = this.index.get(id);
    if (at === undefined) return;
    const last = this.ids.pop()!;
    this.index.delete(id);
    if (last !== id) {
      this.ids[at] = last;
      this.index.set(last, at);
    }
  }

  random(): number | undefined {
    return this.ids.length ? this.ids[Math.floor(Math.random() * this.ids.length)] : undefined;
  }
}

export class WriteLedger {
  readonly entries = new Map<number, LedgerEntry>();
  /** Entries not held by a worker, by state. */
  private readonly free: Record<RecordState, IdBag> = { live: new IdBag(), trashed: new IdBag() };

  /** A new record, acknowledged by a 201; free for the others at once. */
  add(id: number, version: number, content: StatementContent): void {
    if (this.entries.has(id)) throw new Error(`the server answered id ${id} for two creates`);
    this.entries.set(id, { id, version, state: 'live', content, writes: 1 });
    this.free.live.add(id);
  }

  /** A random record in `state` that no other worker holds, now held by the caller; undefined if none. */
  claim(state: RecordState): LedgerEntry | undefined {
    const id = this.free[state].random();
    if (id === undefined) return undefined;
    this.free[state].remove(id);
    return this.entries.get(id)!;
  }

  release(entry: LedgerEntry): void {
    this.free[entry.state].add(entry.id);
  }

  /** Records an acknowledged write of a held entry. */
  acknowledge(entry: LedgerEntry, version: number, state: RecordState, content: StatementContent = entry.content): void {
    entry.version = version;
    entry.state = state;
    entry.content = content;
    entry.writes++;
  }

  count(state: RecordState): number {
    let n = 0;
    for (const entry of this.entries.values()) if (entry.state === state) n++;
    return n;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields in which a record as the server returned it differs from the expected content, as readable lines. */
export function contentDifferences(expected: StatementContent, actual: Record<string, unknown>): string[] {
  return CONTENT_FIELDS.filter((field) => !same(expected[field], actual[field])).map(
    (field) => `${field}: expected ${JSON.stringify(expected[field])}, got ${JSON.stringify(actual[field])}`,
  );
}

/** How a live record read back differs from its ledger entry (version and content); empty when it matches. */
export function recordDifferences(entry: LedgerEntry, actual: Record<string, unknown>): string[] {
  const differences = contentDifferences(entry.content, actual);
  if (actual.version !== entry.version) differences.unshift(`version: expected ${entry.version}, got ${JSON.stringify(actual.version)}`);
  if (actual.id !== entry.id) differences.unshift(`id: expected ${entry.id}, got ${JSON.stringify(actual.id)}`);
  return differences;
}
