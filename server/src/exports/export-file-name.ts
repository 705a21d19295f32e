import { endOfMonth, format } from 'date-fns';
import { StatementFilters } from '../statements/statement-query';
import type { FilterNames } from './describe-filters';

/**
 * An export's file name says what it holds, from the filter's words:
 * `statements-sergey-lavrov-2019-01-to-2019-03-2026-12-06.csv`; unfiltered, `statements-2026-12-06.csv`.
 * A name is sent twice (RFC 6266): `filename` in ASCII for every client, and, when the words have
 * letters ASCII lacks (河野太郎, Лавров), `filename*` in UTF-8, which current browsers prefer.
 */

/** One word of the filter: a name as written, and what stands for it in ASCII when none of it is (`speaker-3`). */
export interface FileWord {
  text: string;
  fallback?: string;
}

/** How long the filter's words may make a name (before the dates), in characters: well under any file system's 255 bytes. */
export const FILE_WORDS_MAX = 60;

/** Lower-case ASCII letters and digits, the rest one hyphen: accents dropped ("Kōno" → "kono"), other scripts dropped. */
export const asciiSlug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Letters, marks and digits of any script, lower-cased, the rest one hyphen: "河野太郎", "сергей-лавров". */
export const unicodeSlug = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/** The slugs joined, cut at a hyphen to at most `max` characters (code points). */
function capped(slugs: string[], max: number): string {
  const chars = [...slugs.filter(Boolean).join('-')];
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max + 1).join('');
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : [...cut].slice(0, max).join('')).replace(/-+$/, '');
}

/** RFC 8187 value characters (attr-char): everything else percent-encoded as UTF-8. */
const encodeExtValue = (text: string) =>
  encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment; filename="…"` naming `<resource>-<words>-<dates>-<today>.<extension>`, plus
 * `filename*=UTF-8''…` when the words read differently in ASCII.
 */
export function attachmentFor(resource: string, words: FileWord[], dates: string | undefined, today: string, extension: string): string {
  const name = (slug: (word: FileWord) => string) =>
    [resource, capped(words.map(slug), FILE_WORDS_MAX), dates, today].filter(Boolean).join('-') + `.${extension}`;
  const ascii = name((word) => asciiSlug(word.text) || asciiSlug(word.fallback ?? ''));
  const unicode = name((word) => unicodeSlug(word.text));
  return ascii === unicode
    ? `attachment; filename="${ascii}"`
    : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(unicode)}`;
}

const isMonthStart = (day: string) => day.endsWith('-01');
const isMonthEnd = (day: string) => format(endOfMonth(new Date(`${day}T12:00:00`)), 'yyyy-MM-dd') === day;

/**
 * A date range as short as it is exact: `2019`, `2019-01-to-2019-03`, `2019-01-14-to-2019-02-02`,
 * `since-2019-09-03`, `until-2019-03`. Both bounds at the same precision: whole years, whole
 * months, else days.
 */
export function dateRangeInName(from?: string, to?: string): string | undefined {
  if (!from && !to) return undefined;
  const years = (!from || from.endsWith('-01-01')) && (!to || to.endsWith('-12-31'));
  const months = (!from || isMonthStart(from)) && (!to || isMonthEnd(to));
  const cut = (day: string) => (years ? day.slice(0, 4) : months ? day.slice(0, 7) : day);
  if (!to) return `since-${cut(from!)}`;
  if (!from) return `until-${cut(to)}`;
  return cut(from) === cut(to) ? cut(from) : `${cut(from)}-to-${cut(to)}`;
}

/** A statement filter's words, in the order its title says them (describeFilters), without the dates. */
export function statementFileWords(filters: StatementFilters, names: FilterNames): FileWord[] {
  const named = (ids: number[] | undefined, map: Map<number, string>, kind: string): FileWord[] =>
    (ids ?? []).map((id) => ({ text: map.get(id) ?? `${kind}-${id}`, fallback: `${kind}-${id}` }));
  const plain = (values: readonly string[] | undefined, prefix = '') => (values ?? []).map((value) => ({ text: `${prefix}${value}` }));
  return [
    ...plain(filters.type),
    ...named(filters.speakerId, names.actors, 'speaker'),
    ...(filters.actorId?.length ? [{ text: 'involving' }, ...named(filters.actorId, names.actors, 'actor')] : []),
    ...named(filters.topicId, names.topics, 'topic'),
    ...named(filters.stanceId, names.stances, 'stance'),
    ...named(filters.sourceId, names.sources, 'source'),
    ...(filters.respondsToId ?? []).map((id) => ({ text: `replies-to-${id}` })),
    ...(filters.q ? [{ text: filters.q, fallback: 'search' }] : []),
    ...plain(filters.status),
    ...plain(filters.reviewStatus),
    ...plain(filters.needs, 'needs-'),
    ...(filters.id?.length ? [{ text: 'selected' }] : []),
    ...(filters.updated_gte ? [{ text: `changed-since-${filters.updated_gte.slice(0, 10)}` }] : []),
  ];
}
