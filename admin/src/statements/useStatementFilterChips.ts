import { useGetMany, useListContext, type RaRecord } from 'react-admin';
import type { ActiveFilter } from '../filters/FilterChips';
import type { Actor, Source, Stance, Statement, Topic } from '../types';
import { dateModeOf, REVIEW_NEEDS } from './statementFilters';

type Filters = Record<string, unknown>;

const listOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];
const idsOf = (filters: Filters, key: string) => listOf(filters[key]).map(Number).filter(Number.isInteger);

/** The records a filter names, by id, once loaded: "Speaker: Sergey Lavrov" rather than an id. */
function useNames<T extends RaRecord>(resource: string, ids: number[], nameOf: (record: T) => string): Map<unknown, string> {
  const { data } = useGetMany<T>(resource, { ids }, { enabled: ids.length > 0 });
  return new Map((data ?? []).filter(Boolean).map((record) => [record.id, nameOf(record)]));
}

const NEED_LABELS = new Map(REVIEW_NEEDS.map(({ need, label }) => [need, label]));

/**
 * The statement filters of the list context in words, one chip per value: "Speaker: Sergey
 * Lavrov", "Stance: Rejecting", "From: 2019-01", "Search: islands". Removing a chip takes that
 * value (or that filter) off and keeps the others.
 */
export function useStatementFilterChips(): ActiveFilter[] {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const filters: Filters = filterValues ?? {};
  const names = {
    speakerId: useNames<Actor>('actors', idsOf(filters, 'speakerId'), (actor) => actor.name),
    actorId: useNames<Actor>('actors', idsOf(filters, 'actorId'), (actor) => actor.name),
    stanceId: useNames<Stance>('stances', idsOf(filters, 'stanceId'), (stance) => stance.name),
    topicId: useNames<Topic>('topics', idsOf(filters, 'topicId'), (topic) => topic.name),
    sourceId: useNames<Source>('sources', idsOf(filters, 'sourceId'), (source) => source.title),
    respondsToId: useNames<Statement>('statements', idsOf(filters, 'respondsToId'), (statement) => statement.headline),
    id: useNames<Statement>('statements', idsOf(filters, 'id'), (statement) => statement.headline),
  };

  const without = (key: string, value?: unknown) => () => {
    const rest = listOf(filters[key]).filter((member) => value === undefined || member !== value);
    const { [key]: _removed, ...others } = filters;
    setFilters(value !== undefined && rest.length ? { ...others, [key]: rest } : others, displayedFilters);
  };
  const chips: ActiveFilter[] = [];
  const each = (key: string, label: string, word: (value: unknown) => string) => {
    for (const value of listOf(filters[key]))
      chips.push({ key: `${key}=${String(value)}`, label: `${label}: ${word(value)}`, remove: without(key, value) });
  };
  const named = (key: keyof typeof names) => (value: unknown) => names[key].get(Number(value)) ?? '…';

  each('q', 'Search', String);
  each('speakerId', 'Speaker', named('speakerId'));
  each('stanceId', 'Stance', named('stanceId'));
  each('topicId', 'Topic', named('topicId'));
  each('type', 'Type', String);
  each('status', 'Status', String);
  each('reviewStatus', 'Review', String);
  each('needs', 'Needs a look', (need) => NEED_LABELS.get(String(need)) ?? String(need));
  each('date_gte', 'From', String);
  each('date_lte', 'Until', String);
  if (dateModeOf(filters) === 'within') chips.push({ key: 'date_mode', label: 'Dates: entirely within', remove: without('date_mode') });
  each('updated_gte', 'Changed since', String);
  each('actorId', 'Involving', named('actorId'));
  each('sourceId', 'Source', named('sourceId'));
  each('respondsToId', 'In reply to', named('respondsToId'));
  each('id', 'Statement', named('id'));
  return chips;
}
