import { endOfMonth, format } from 'date-fns';
import { DataSource } from 'typeorm';
import { AP_MONTH } from '../statements/edtf/format-edtf';
import { REVIEW_NEEDS, StatementFilters, StatementSort } from '../statements/statement-query';
import type { ExportRequest } from './export-request';

export interface FilterNames {
  actors: Map<number, string>;
  topics: Map<number, string>;
  stances: Map<number, string>;
  sources: Map<number, string>;
}

/** Names of the records a filter refers to, for describing it in words. */
export async function loadFilterNames(dataSource: DataSource, filters: StatementFilters): Promise<FilterNames> {
  const lookup = async (table: string, label: string, ids: number[] = []) => {
    if (!ids.length) return new Map<number, string>();
    const rows: { id: number; label: string }[] = await dataSource.query(`SELECT id, ${label} AS label FROM ${table} WHERE id = ANY($1)`, [
      ids,
    ]);
    return new Map(rows.map((r) => [r.id, r.label]));
  };
  return {
    actors: await lookup('actors', 'name', [...(filters.speakerId ?? []), ...(filters.actorId ?? [])]),
    topics: await lookup('topics', 'name', filters.topicId),
    stances: await lookup('stances', 'name', filters.stanceId),
    sources: await lookup('sources', 'title', filters.sourceId),
  };
}

/** "A", "A and B", "A, B and C" */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const parts = (day: string) => day.split('-').map(Number) as [number, number, number];
const dayWords = ([y, m, d]: [number, number, number], withYear = true) => `${AP_MONTH[m - 1]} ${d}${withYear ? `, ${y}` : ''}`;
const monthWords = ([y, m]: [number, number, number], withYear = true) => `${AP_MONTH[m - 1]}${withYear ? ` ${y}` : ''}`;
const isMonthEnd = (day: string) => format(endOfMonth(new Date(`${day}T12:00:00`)), 'yyyy-MM-dd') === day;

/** A date range in words: "Jan. 14, 2019", "Jan. 2019", "2019", "Jan.–June 2019", "since Jan. 14, 2019". */
export function dateRangeInWords(from?: string, to?: string): string | undefined {
  if (!from && !to) return undefined;
  if (!to) return `since ${dayWords(parts(from!))}`;
  if (!from) return `until ${dayWords(parts(to))}`;
  const a = parts(from);
  const b = parts(to);
  if (from === to) return dayWords(a);
  const wholeMonths = a[2] === 1 && isMonthEnd(to);
  if (wholeMonths && a[0] === b[0] && a[1] === 1 && b[1] === 12) return `${a[0]}`;
  if (wholeMonths && a[0] === b[0] && a[1] === b[1]) return monthWords(a);
  if (wholeMonths && a[0] === b[0]) return `${monthWords(a, false)}–${monthWords(b)}`;
  if (wholeMonths) return `${monthWords(a)} – ${monthWords(b)}`;
  if (a[0] === b[0]) return `${dayWords(a, false)} – ${dayWords(b)}`;
  return `${dayWords(a)} – ${dayWords(b)}`;
}

/** How the dates were matched, after the range: every entry that could fall in it, or only those wholly inside. */
const DATE_MODE_WORDS = { overlap: 'dates overlapping it', within: 'dates entirely within it' } as const;

/** What each review filter finds, in a title's words. */
const NEEDS_WORDS: Record<(typeof REVIEW_NEEDS)[number], string> = {
  quoteKind: 'quote kind not said',
  source: 'no primary or reporting source',
  originalWording: 'translation without the original',
  inferredDate: 'date inferred',
  review: 'not verified',
};

/**
 * The filter as a report title: "Statements by Sergey Lavrov, Jan. 2019 (dates overlapping it)",
 * "Statements by Taro Kono and Sergey Lavrov on Sovereignty, 2019 (dates entirely within it)".
 */
export function describeFilters(filters: StatementFilters, names: FilterNames): string {
  const named = (ids: number[] | undefined, map: Map<number, string>) => (ids ?? []).map((id) => map.get(id) ?? `#${id}`);
  const phrases: string[] = [];
  if (filters.type?.length) phrases.push(`of type ${listInWords(filters.type)}`);
  if (filters.speakerId?.length) phrases.push(`by ${listInWords(named(filters.speakerId, names.actors))}`);
  if (filters.actorId?.length) phrases.push(`involving ${listInWords(named(filters.actorId, names.actors))}`);
  if (filters.topicId?.length) phrases.push(`on ${listInWords(named(filters.topicId, names.topics))}`);
  if (filters.stanceId?.length) phrases.push(`with stance ${listInWords(named(filters.stanceId, names.stances))}`);
  if (filters.sourceId?.length) phrases.push(`citing ${listInWords(named(filters.sourceId, names.sources).map((t) => `“${t}”`))}`);
  if (filters.respondsToId?.length) phrases.push(`replying to statement ${listInWords(filters.respondsToId.map(String))}`);
  if (filters.q) phrases.push(`matching “${filters.q}”`);
  if (filters.status?.length) phrases.push(`(${listInWords(filters.status)})`);
  if (filters.reviewStatus?.length) phrases.push(`(${listInWords(filters.reviewStatus)})`);
  if (filters.needs?.length) phrases.push(`needing a look (${listInWords(filters.needs.map((need) => NEEDS_WORDS[need]))})`);
  if (filters.id?.length) phrases.push(`(${filters.id.length} selected)`);
  if (filters.updated_gte) phrases.push(`changed since ${filters.updated_gte}`);
  const title = ['Statements', ...phrases].join(' ');
  const when = dateRangeInWords(filters.date_gte, filters.date_lte);
  return when ? `${title}, ${when} (${DATE_MODE_WORDS[filters.date_mode ?? 'overlap']})` : title;
}

const SORT_WORDS: Record<StatementSort, string> = {
  date: 'date',
  displayDate: 'date',
  dateStart: 'start date',
  dateEnd: 'end date',
  id: 'id',
  headline: 'headline',
  type: 'type',
  status: 'status',
  reviewStatus: 'review status',
  speakerName: 'speaker',
  stanceScore: 'stance score',
  createdAt: 'time of creation',
  updatedAt: 'time of last change',
};

/** The order of an export or snapshot in words: "date", "speaker, descending". */
export const describeSort = (sort: ExportRequest['sort']) =>
  sort.idOrder ? 'the order the ids were asked for' : `${SORT_WORDS[sort.field]}${sort.order === 'DESC' ? ', descending' : ''}`;
