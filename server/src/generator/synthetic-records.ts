import { snakeCase } from '../database/snake-naming.strategy';
import { FieldDeclaration } from '../records/fields/field';
import { STATEMENT_FIELDS } from '../statements/statement.fields';
import { Random } from './random';
import {
  AWKWARD_TEXT,
  ORGANIZATIONS,
  PERSON_NAMES,
  PERSON_TITLES,
  PHRASES_EN,
  PLACES,
  PUBLISHERS,
  QUOTES_EN,
  QUOTES_JA,
  QUOTES_RU,
  SUMMARY_SENTENCES,
  VENUES,
  VERBS_EN,
} from './vocabulary';

export interface SyntheticActor {
  name: string;
  nativeName: string | null;
  kind: 'person' | 'organization';
  country: string;
  title: string | null;
  aliases: string[];
}

export const ACTOR_COLUMNS = ['name', 'native_name', 'kind', 'country', 'title', 'aliases', 'description'];
export const SOURCE_COLUMNS = ['title', 'publisher', 'url', 'authors', 'published_on', 'language', 'kind'];

export function syntheticActor(random: Random, serial: number): SyntheticActor {
  if (random.chance(0.12)) {
    const [name, nativeName, country] = random.pick(ORGANIZATIONS);
    return { name: `${name} (${serial})`, nativeName, kind: 'organization', country, title: null, aliases: [] };
  }
  const country = random.weighted([
    ['JP', 45],
    ['RU', 45],
    ['US', 10],
  ] as const);
  const names = PERSON_NAMES[country];
  const [given, givenNative] = random.pick(names.given);
  const [family, familyNative] = random.pick(names.family);
  const nativeName =
    givenNative && familyNative
      ? names.nativeOrder === 'family-first'
        ? `${familyNative}${givenNative}`
        : `${givenNative} ${familyNative}`
      : null;
  // A serial keeps names apart, as a real database holds many namesakes.
  const name = `${given} ${family} ${serial}`;
  const aliases = random.chance(0.3) ? [`${family}, ${given}`] : [];
  return { name, nativeName, kind: 'person', country, title: random.pick(PERSON_TITLES[country]), aliases };
}

export const actorRow = (a: SyntheticActor) => [a.name, a.nativeName, a.kind, a.country, a.title, a.aliases, null];

export function sourceRow(random: Random, serial: number, day: string): unknown[] {
  const [publisher, language] = random.pick(PUBLISHERS);
  const headline =
    language === 'ja'
      ? random.pick(QUOTES_JA)
      : language === 'ru'
        ? random.pick(QUOTES_RU)
        : `${random.pick(VERBS_EN)} ${random.pick(PHRASES_EN)}`;
  const authors = random.chance(0.7) ? [`Reporter ${random.int(1, 400)}`] : [];
  const kind = random.weighted([
    ['news', 70],
    ['transcript', 10],
    ['official', 12],
    ['interview', 6],
    ['other', 2],
  ] as const);
  return [`${headline} (${serial})`, publisher, `https://news.example.org/${language}/${serial}`, authors, day, language, kind];
}

/** The statement fields kept in the statements table (link lists and their details have tables of their own), in declaration order. */
const STORED_FIELDS = Object.entries(STATEMENT_FIELDS as Record<string, FieldDeclaration>)
  .filter(([, field]) => field.storage.kind === 'column' || field.storage.kind === 'reference')
  .map(([name, field]) => ({ name, field }));

/**
 * The columns the generator COPYs into statements: the id, every stored statement field (from
 * the one declaration, so a new field is written too), the timestamps, and the search text the
 * trigger would otherwise write.
 */
export const STATEMENT_COLUMNS = ['id', ...STORED_FIELDS.map(({ name }) => snakeCase(name)), 'created_at', 'updated_at', 'search_text'];

/**
 * A row in STATEMENT_COLUMNS order from the values the generator makes up, by field: a field it
 * makes nothing up for holds its declared empty value, and a required one without a value fails
 * loudly, naming it.
 */
function statementColumns(id: number, values: Partial<Record<string, unknown>>, createdAt: string, searchText: string): unknown[] {
  const row: unknown[] = [id];
  for (const { name, field } of STORED_FIELDS) {
    const value = name in values ? values[name] : field.empty;
    if (value === undefined) throw new Error(`The generator makes no value for the required statement field ${name}`);
    row.push(value);
  }
  row.push(createdAt, createdAt, searchText);
  return row;
}

function quoteOf(random: Random): [string, string] | [null, null] {
  if (!random.chance(0.55)) return [null, null];
  const language = random.weighted([
    ['en', 50],
    ['ru', 25],
    ['ja', 25],
  ] as const);
  const base = random.pick(language === 'en' ? QUOTES_EN : language === 'ru' ? QUOTES_RU : QUOTES_JA);
  return [random.chance(0.05) ? `${base} ${random.pick(AWKWARD_TEXT)}` : base, language];
}

function summaryOf(random: Random): string | null {
  if (!random.chance(0.6)) return null;
  const sentences = Array.from({ length: random.int(1, 3) }, () => random.pick(SUMMARY_SENTENCES));
  // Now and then first, so that some cells start with a formula character (=, +, -, @) as a spreadsheet's would.
  if (random.chance(0.05)) {
    const awkward = random.pick(AWKWARD_TEXT);
    if (random.chance(0.5)) sentences.unshift(awkward);
    else sentences.push(awkward);
  }
  return sentences.join(random.chance(0.1) ? '\n\n' : ' ');
}

export interface SpeakerRecord {
  id: number;
  kind: 'person' | 'organization';
  name: string;
  nativeName: string | null;
  aliases: string[];
  title: string | null;
}

/**
 * The same text as SQL's `statement_search_text()` (which the trigger uses): a bulk load
 * skips the trigger and sends it ready-made (generated statements have no original wording,
 * which the SQL puts between quote and summary). The generator's test holds the two equal.
 */
export function searchText(headline: string, quote: string | null, summary: string | null, speaker: SpeakerRecord): string {
  const names = [speaker.name, speaker.nativeName, speaker.aliases.length ? speaker.aliases.join(' ') : null];
  return [headline, quote, summary, names.filter((n) => n !== null).join(' ')].filter((t) => t !== null).join(' ');
}

export interface StatementContext {
  id: number;
  date: { date: string; dateStart: string; dateEnd: string; displayDate: string };
  speaker: SpeakerRecord;
  stanceId: number | null;
  respondsToId: number | null;
  createdAt: string;
}

export function statementRow(random: Random, c: StatementContext): unknown[] {
  const type = random.weighted([
    ['statement', 80],
    ['meeting', 10],
    ['document', 5],
    ['event', 5],
  ] as const);
  const status = c.date.dateStart > '2024-06-30' && random.chance(0.5) ? 'planned' : random.chance(0.02) ? 'cancelled' : 'occurred';
  // Headlines name the speaker as a paper would: a person by family name, an organisation in full.
  const plainName = c.speaker.name.replace(/\s*\(?\d+\)?$/, '');
  const surname = c.speaker.kind === 'person' ? plainName.split(' ').at(-1)! : plainName;
  const headline = random.chance(0.85)
    ? `${surname} ${random.pick(VERBS_EN)} ${random.pick(PHRASES_EN)}`
    : random.chance(0.5)
      ? random.pick(QUOTES_JA)
      : random.pick(QUOTES_RU);
  const [quote, quoteLanguage] = quoteOf(random);
  const summary = summaryOf(random);
  const venue = random.chance(0.6) ? random.pick(VENUES) : null;
  const location = random.chance(0.6) ? random.pick(PLACES) : null;
  return statementColumns(
    c.id,
    {
      // A coding sheet's row id, as a team's own data has: exports of generated data import into another database by it.
      key: `generated-${c.id}`,
      ...c.date,
      type,
      status,
      speakerId: c.speaker.id,
      speakerTitle: c.speaker.title,
      stanceId: c.stanceId,
      headline,
      quote,
      quoteLanguage,
      summary,
      venue,
      location,
      respondsToId: c.respondsToId,
      reviewStatus: random.chance(0.4) ? 'verified' : 'draft',
    },
    c.createdAt,
    searchText(headline, quote, summary, c.speaker),
  );
}
