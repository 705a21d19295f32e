import { API_URL } from '../auth/httpClient';
import { statementFilterParams, type StatementFilterValues } from '../statements/statementFilters';
import type { Grouping, Interval, NetworkKind } from './analysisState';

/** GET /api/analysis/stance-over-time for the page's filters (the statement list's, all of them). */
export function stanceOverTimeUrl(filters: StatementFilterValues, interval: Interval, groupBy: Grouping): string {
  const params = statementFilterParams(filters);
  params.set('interval', interval);
  params.set('groupBy', groupBy);
  return `${API_URL}/analysis/stance-over-time?${params}`;
}

/** The network's files, as offered for download. CSV comes as two tables. */
export const NETWORK_DOWNLOADS = [
  { key: 'graphml', params: { format: 'graphml' }, label: 'GraphML', hint: 'Gephi, Cytoscape, igraph, NetworkX' },
  { key: 'gexf', params: { format: 'gexf' }, label: 'GEXF', hint: 'Gephi' },
  { key: 'csv-nodes', params: { format: 'csv', table: 'nodes' }, label: 'CSV nodes', hint: 'one row per node' },
  { key: 'csv-edges', params: { format: 'csv', table: 'edges' }, label: 'CSV edges', hint: 'one row per link' },
  { key: 'json', params: { format: 'json' }, label: 'JSON', hint: 'scripts, d3' },
] as const;
export type NetworkDownload = (typeof NETWORK_DOWNLOADS)[number];

/**
 * GET /api/analysis/network: as JSON to draw (with `maxLinks`: past it the server answers
 * tooLarge instead of the graph), or a file to download (with a one-use export ticket).
 */
export function networkUrl(
  filters: StatementFilterValues,
  kind: NetworkKind,
  options: { maxLinks?: number; download?: NetworkDownload; ticket?: string } = {},
): string {
  const params = statementFilterParams(filters);
  params.set('kind', kind);
  if (options.download) for (const [key, value] of Object.entries(options.download.params)) params.set(key, value);
  if (options.maxLinks !== undefined) params.set('maxLinks', String(options.maxLinks));
  if (options.ticket) params.set('ticket', options.ticket);
  return `${API_URL}/analysis/network?${params}`;
}
