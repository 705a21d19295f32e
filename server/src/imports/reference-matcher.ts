import { EntityManager } from 'typeorm';
import { MatchedCollection } from '../statements/statement.fields';

/**
 * A name as imports compare it: Unicode NFKC (full-width ＬＡＶＲＯＶ is LAVROV), accents and
 * other combining marks removed (Kōno is Kono), case folded, spaces collapsed.
 */
export function comparable(name: string): string {
  return name
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLocaleLowerCase('und')
    .replace(/\s+/g, ' ')
    .trim();
}

/** How a cell found its record, for the report. */
export type MatchedBy = 'id' | 'wikidata id' | 'name' | 'native name' | 'alias' | 'part of a name' | 'url' | 'title' | 'created';

export type MatchOutcome =
  { id: number; label: string; by: MatchedBy } | { ambiguous: { id: number; label: string }[] } | { missing: true };

interface Candidate {
  id: number;
  label: string;
  /** Each name it answers to, compared, with what that name is. */
  names: { text: string; by: MatchedBy }[];
}

export type VocabularyCollection = Exclude<MatchedCollection, 'statements'>;

/** The live records of one vocabulary (actors, topics, stances, sources), indexed by what a cell may name them by. */
class Vocabulary {
  private readonly byName = new Map<string, Map<number, MatchedBy>>();
  private readonly byId = new Map<number, Candidate>();
  private readonly byWikidata = new Map<string, Candidate>();
  private readonly cache = new Map<string, MatchOutcome>();

  constructor(candidates: Iterable<Candidate & { wikidataId?: string | null }>) {
    for (const candidate of candidates) this.add(candidate);
  }

  add(candidate: Candidate & { wikidataId?: string | null }): void {
    this.byId.set(candidate.id, candidate);
    if (candidate.wikidataId) this.byWikidata.set(candidate.wikidataId.toUpperCase(), candidate);
    for (const { text, by } of candidate.names) {
      const key = comparable(text);
      if (!key) continue;
      const ids = this.byName.get(key) ?? new Map<number, MatchedBy>();
      if (!ids.has(candidate.id)) ids.set(candidate.id, by);
      this.byName.set(key, ids);
    }
    this.cache.clear();
  }

  /** By id (digits), Wikidata id (Q…), then by any name compared; then, for people, by a whole part of a name. */
  match(text: string, wholeWords: boolean): MatchOutcome {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const outcome = this.find(text, wholeWords);
    this.cache.set(text, outcome);
    return outcome;
  }

  private find(text: string, wholeWords: boolean): MatchOutcome {
    if (/^\d{1,10}$/.test(text)) {
      const candidate = this.byId.get(Number(text));
      return candidate ? { id: candidate.id, label: candidate.label, by: 'id' } : { missing: true };
    }
    if (/^Q[1-9]\d*$/i.test(text)) {
      const candidate = this.byWikidata.get(text.toUpperCase());
      if (candidate) return { id: candidate.id, label: candidate.label, by: 'wikidata id' };
    }
    const key = comparable(text);
    const exact = this.byName.get(key);
    if (exact) return this.outcome(exact);
    return this.partOfName(key, wholeWords);
  }

  /** "Lavrov" finds Sergey Lavrov: the words of the cell, in order, as whole words of one of a record's names. */
  private partOfName(key: string, wholeWords: boolean): MatchOutcome {
    if (!wholeWords || !key) return { missing: true };
    const words = ` ${key} `;
    const found = new Map<number, MatchedBy>();
    for (const [name, ids] of this.byName) {
      if (!` ${name} `.includes(words)) continue;
      for (const id of ids.keys()) found.set(id, 'part of a name');
    }
    return found.size ? this.outcome(found) : { missing: true };
  }

  private outcome(ids: Map<number, MatchedBy>): MatchOutcome {
    if (ids.size === 1) {
      const [[id, by]] = ids;
      return { id, label: this.byId.get(id)!.label, by };
    }
    return { ambiguous: [...ids.keys()].sort((a, b) => a - b).map((id) => ({ id, label: this.byId.get(id)!.label })) };
  }
}

/**
 * Finds the actors, topics, stances and sources an import's cells name, in sets: every live
 * record of each is read once, when the import starts (and those it creates are added), so that
 * a file of any length costs four queries, not one per row.
 */
export class ReferenceMatcher {
  private constructor(private readonly vocabularies: Record<VocabularyCollection, Vocabulary>) {}

  static async load(manager: EntityManager): Promise<ReferenceMatcher> {
    // One after the other: the import's transaction has one connection.
    const actors = await manager.query<
      { id: number; name: string; native_name: string | null; aliases: string[]; wikidata_id: string | null }[]
    >('SELECT id, name, native_name, aliases, wikidata_id FROM actors WHERE deleted_at IS NULL');
    const topics = await manager.query<{ id: number; name: string }[]>('SELECT id, name FROM topics WHERE deleted_at IS NULL');
    const stances = await manager.query<{ id: number; name: string }[]>('SELECT id, name FROM stances WHERE deleted_at IS NULL');
    const sources = await manager.query<{ id: number; title: string; url: string | null }[]>(
      'SELECT id, title, url FROM sources WHERE deleted_at IS NULL',
    );
    return new ReferenceMatcher({
      actors: new Vocabulary(actors.map((a) => ({ id: a.id, label: a.name, wikidataId: a.wikidata_id, names: actorNames(a) }))),
      topics: new Vocabulary(topics.map((t) => ({ id: t.id, label: t.name, names: [{ text: t.name, by: 'name' }] }))),
      stances: new Vocabulary(stances.map((s) => ({ id: s.id, label: s.name, names: [{ text: s.name, by: 'name' }] }))),
      sources: new Vocabulary(sources.map((s) => ({ id: s.id, label: s.title, names: sourceNames(s) }))),
    });
  }

  /**
   * The record a cell names. A source's cell may be the export's "title — publisher — url": its
   * URL is tried first, then its title.
   */
  match(collection: VocabularyCollection, text: string): MatchOutcome {
    const vocabulary = this.vocabularies[collection];
    if (collection !== 'sources') return vocabulary.match(text, collection === 'actors');
    const parts = sourceParts(text);
    if (parts.url) {
      const byUrl = vocabulary.match(parts.url, false);
      if (!('missing' in byUrl)) return byUrl;
    }
    const byTitle = vocabulary.match(parts.title, false);
    return 'missing' in byTitle && parts.withoutUrl !== parts.title ? vocabulary.match(parts.withoutUrl, false) : byTitle;
  }

  /** Makes a record created by the import findable by the rows after. */
  added(collection: VocabularyCollection, record: { id: number; name: string; url?: string | null }): void {
    const names: Candidate['names'] =
      collection === 'sources' ? sourceNames({ title: record.name, url: record.url ?? null }) : [{ text: record.name, by: 'name' }];
    this.vocabularies[collection].add({ id: record.id, label: record.name, names });
  }
}

function actorNames(actor: { name: string; native_name: string | null; aliases: string[] }): Candidate['names'] {
  return [
    { text: actor.name, by: 'name' },
    ...(actor.native_name ? [{ text: actor.native_name, by: 'native name' as const }] : []),
    ...actor.aliases.map((alias) => ({ text: alias, by: 'alias' as const })),
  ];
}

function sourceNames(source: { title: string; url: string | null }): Candidate['names'] {
  return [{ text: source.title, by: 'title' }, ...(source.url ? [{ text: source.url, by: 'url' as const }] : [])];
}

/** The parts of a source cell as the export writes it: "title — publisher — url" (publisher and url optional). */
export function sourceParts(text: string): { title: string; publisher?: string; url?: string; withoutUrl: string } {
  const parts = text.split(' — ').map((part) => part.trim());
  const url = parts.length > 1 && /^https?:\/\//i.test(parts[parts.length - 1]) ? parts.pop() : undefined;
  const withoutUrl = parts.join(' — ');
  if (parts.length === 1) return { title: parts[0], url, withoutUrl };
  return { title: parts.slice(0, -1).join(' — '), publisher: parts[parts.length - 1], url, withoutUrl };
}
