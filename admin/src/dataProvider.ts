import jsonServerProvider from 'ra-data-json-server';
import { HttpError, type DataProvider } from 'react-admin';
import type { Grouping, Interval, NetworkKind } from './analysis/analysisState';
import { networkUrl, stanceOverTimeUrl } from './analysis/analysisUrls';
import { API_URL, httpClient } from './auth/httpClient';
import { importMediaType, importParams, type ImportRequest } from './imports/importRequest';
import { statementFilterParams, type StatementFilterValues } from './statements/statementFilters';
import type { CitationStyle } from './snapshots/snapshotUrls';
import type {
  ImportReport,
  ImportRow,
  ImportRowOutcome,
  Network,
  PersonalToken,
  Revision,
  SnapshotDiff,
  StanceOverTime,
  TimelinePage,
  TokenScope,
} from './types';

export { API_URL };

const json = (body: unknown) => ({ body: JSON.stringify(body) });

/**
 * The collections speak ra-data-json-server's protocol (with the session's token). The calls
 * beyond it — history, trash, accounts, the timeline, the analysis — are methods of the same
 * provider, so that react-admin treats their errors alike: a 401 signs out, the rest is shown.
 */
const collections = jsonServerProvider(API_URL, httpClient);

export const dataProvider = {
  ...collections,

  /**
   * PUT of the whole record, `version` included (react-admin sends the record back). A 409 is a
   * concurrent change, not a field error: its `errors.version` is dropped so that the form does
   * not hold on to an error for a field it has no input for (which would block the next save).
   * The edit page shows the conflict from `body.current` (the collections), or its message (a
   * snapshot, whose 409 carries no current record).
   */
  async update(resource, params) {
    try {
      return await collections.update(resource, params);
    } catch (error) {
      if (error instanceof HttpError && error.status === 409 && (error.body?.current || resource === 'snapshots')) {
        throw new HttpError(error.message, error.status, { ...error.body, errors: undefined });
      }
      throw error;
    }
  },

  /** GET /api/<collection>/:id/revisions, newest first. */
  async getRevisions(resource: string, id: number, range: { start: number; end: number }) {
    const { json: data, headers } = await httpClient(`${API_URL}/${resource}/${id}/revisions?_start=${range.start}&_end=${range.end}`);
    return { data: data as Revision[], total: Number(headers.get('X-Total-Count') ?? (data as Revision[]).length) };
  },

  /** Brings a record back to its state after `revisionId`, if it is still at `version`. */
  async revertToRevision(resource: string, id: number, revisionId: number, version: number) {
    const url = `${API_URL}/${resource}/${id}/revisions/${revisionId}/restore`;
    return { data: (await httpClient(url, { method: 'POST', ...json({ version }) })).json };
  },

  async restoreFromTrash(resource: string, recordId: number) {
    return { data: (await httpClient(`${API_URL}/trash/${resource}/${recordId}/restore`, { method: 'POST' })).json };
  },

  async purgeFromTrash(resource: string, recordId: number) {
    return { data: (await httpClient(`${API_URL}/trash/${resource}/${recordId}`, { method: 'DELETE' })).json };
  },

  /** A new one-time password for an account (admin). */
  async resetUserPassword(id: number) {
    const { json: body } = await httpClient(`${API_URL}/users/${id}/reset-password`, { method: 'POST' });
    return { data: body as { oneTimePassword: string } };
  },

  async changePassword(currentPassword: string, newPassword: string, keepPersonalTokens = false) {
    await httpClient(`${API_URL}/auth/password`, { method: 'POST', ...json({ currentPassword, newPassword, keepPersonalTokens }) });
    return { data: null };
  },

  async getPersonalTokens() {
    return { data: (await httpClient(`${API_URL}/auth/tokens`)).json as PersonalToken[] };
  },

  async createPersonalToken(request: { name: string; scope: TokenScope; expiresInDays?: number }) {
    return {
      data: (await httpClient(`${API_URL}/auth/tokens`, { method: 'POST', ...json(request) })).json as PersonalToken & { token: string },
    };
  },

  async revokePersonalToken(id: number) {
    return { data: (await httpClient(`${API_URL}/auth/tokens/${id}`, { method: 'DELETE' })).json as PersonalToken };
  },

  /** A one-use ticket that lets a plain browser download (no Authorization header) fetch one export. */
  async createExportTicket() {
    return { data: (await httpClient(`${API_URL}/auth/export-ticket`, { method: 'POST' })).json as { ticket: string; expiresAt: string } };
  },

  /**
   * POST /api/imports with the file itself as the body (its type told by its extension): the
   * report when the import ended within the server's wait (201), else the import under way (202),
   * whose progress is then read with getOne('imports').
   */
  async startImport(file: File, request: ImportRequest, signal?: AbortSignal) {
    const { json: report } = await httpClient(`${API_URL}/imports?${importParams(file.name, request)}`, {
      method: 'POST',
      body: file,
      headers: new Headers({ 'Content-Type': importMediaType(file.name), Accept: 'application/json' }),
      signal,
    });
    return { data: report as ImportReport };
  },

  /** GET /api/imports/:id/rows: a page of an import's report, failures first. */
  async getImportRows(id: number, range: { start: number; end: number }, outcome?: ImportRowOutcome) {
    const params = new URLSearchParams({ _start: String(range.start), _end: String(range.end) });
    if (outcome) params.set('outcome', outcome);
    const { json: rows, headers } = await httpClient(`${API_URL}/imports/${id}/rows?${params}`);
    return { data: rows as ImportRow[], total: Number(headers.get('X-Total-Count') ?? (rows as ImportRow[]).length) };
  },

  /** Reverts what an import wrote; without `force`, a 409 names the statements changed since. */
  async undoImport(id: number, force: boolean) {
    const { json: report } = await httpClient(`${API_URL}/imports/${id}/undo${force ? '?force=true' : ''}`, { method: 'POST' });
    return { data: report as ImportReport };
  },

  /** GET /api/timeline: one page of denormalised entries, by cursor. */
  async getTimelinePage(filters: StatementFilterValues, order: 'asc' | 'desc', cursor: string | null, limit: number, signal?: AbortSignal) {
    const params = statementFilterParams(filters);
    params.set('limit', String(limit));
    params.set('order', order);
    if (cursor) params.set('cursor', cursor);
    return { data: (await httpClient(`${API_URL}/timeline?${params}`, { signal })).json as TimelinePage };
  },

  /** GET /api/analysis/stance-over-time: the mean stance per interval, a line per speaker (or one for all). */
  async getStanceOverTime(filters: StatementFilterValues, interval: Interval, groupBy: Grouping, signal?: AbortSignal) {
    return { data: (await httpClient(stanceOverTimeUrl(filters, interval, groupBy), { signal })).json as StanceOverTime };
  },

  /** GET /api/analysis/network as JSON; past `maxLinks` links, only its counts (tooLarge). */
  async getNetwork(filters: StatementFilterValues, kind: NetworkKind, maxLinks: number, signal?: AbortSignal) {
    return { data: (await httpClient(networkUrl(filters, kind, { maxLinks }), { signal })).json as Network };
  },

  /** GET /api/snapshots/:id/citation: the citation as text in `style` (BibTeX, RIS and CSL-JSON as their files hold it). */
  async getSnapshotCitation(id: number, style: CitationStyle, signal?: AbortSignal) {
    const { body } = await httpClient(`${API_URL}/snapshots/${id}/citation?style=${style}`, {
      headers: new Headers({ Accept: '*/*' }),
      signal,
    });
    return { data: body };
  },

  /** GET /api/snapshots/:id/diff: what changed between the snapshot and now (or snapshot `to`). */
  async getSnapshotDiff(id: number, to?: number, signal?: AbortSignal) {
    const { json: diff } = await httpClient(`${API_URL}/snapshots/${id}/diff${to ? `?to=${to}` : ''}`, { signal });
    return { data: diff as SnapshotDiff };
  },
} satisfies DataProvider;

export type ChronicleDataProvider = typeof dataProvider;
