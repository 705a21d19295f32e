import { API_URL } from '../auth/httpClient';
import { statementFiltersFromParams } from '../statements/statementFilters';
import { statementListPath } from '../statements/statementListAddress';
import type { NetworkDownload } from '../analysis/analysisUrls';
import type { NetworkKind, SnapshotFormat } from '../types';

/** A snapshot's frozen statement files, as offered on its page (the server's formats, in its order). */
export const FORMAT_LABELS: Partial<Record<SnapshotFormat, { label: string; hint: string }>> = {
  ndjson: { label: 'NDJSON', hint: 'one statement per line; its SHA-256 is the snapshot’s' },
  csv: { label: 'CSV', hint: 'R, pandas, spreadsheets' },
  json: { label: 'JSON', hint: 'scripts' },
  markdown: { label: 'Markdown', hint: 'notes and papers' },
  timelinejs: { label: 'TimelineJS', hint: 'publish an interactive timeline' },
};

/**
 * The citation styles of GET /api/snapshots/:id/citation?style=… (a query parameter: the OpenAPI
 * document's schemas, from which the admin's types come, do not list them).
 */
export const CITATION_STYLES = ['apa', 'bibtex', 'ris', 'csl-json'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export const CITATION_LABELS: Record<CitationStyle, { label: string; monospace: boolean }> = {
  apa: { label: 'APA', monospace: false },
  bibtex: { label: 'BibTeX', monospace: true },
  ris: { label: 'RIS', monospace: true },
  'csl-json': { label: 'CSL-JSON', monospace: true },
};

/** The first 12 hex digits of a SHA-256: enough to tell snapshots apart in a list. */
export const shortHash = (sha256: string) => sha256.slice(0, 12);

/** GET /api/snapshots/:id/export: a frozen file, with a one-use ticket for a plain browser download. */
export function snapshotFileUrl(id: number, format: SnapshotFormat, ticket: string): string {
  return `${API_URL}/snapshots/${id}/export?${new URLSearchParams({ format, ticket })}`;
}

/** The name the snapshot's record gives a network file (network-replies.graphml, network-replies-nodes.csv). */
export function networkFileName(kind: NetworkKind, download: NetworkDownload): string {
  const { format } = download.params;
  return format === 'csv' ? `network-${kind}-${download.params.table}.csv` : `network-${kind}.${format}`;
}

/** GET /api/snapshots/:id/network: a frozen network file, with a one-use ticket. */
export function snapshotNetworkUrl(id: number, kind: NetworkKind, download: NetworkDownload, ticket: string): string {
  return `${API_URL}/snapshots/${id}/network?${new URLSearchParams({ kind, ...download.params, ticket })}`;
}

/** The statement list showing what a snapshot's query (the API's parameters) matches today, in its order. */
export function snapshotStatementsPath(query: string): string {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  const sort = params.get('_sort');
  return statementListPath(
    statementFiltersFromParams(params),
    sort ? { field: sort, order: params.get('_order') === 'DESC' ? 'DESC' : 'ASC' } : undefined,
  );
}
