import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { CursorReading, CursorStream } from '../../database/cursor-stream';
import { checkOut, pgPool } from '../../database/pg-pool';
import { describeFilters, loadFilterNames } from '../../exports/describe-filters';
import { chunkedTextTransform } from '../../exports/formats/chunked-text';
import { isDatabaseUnavailable } from '../../kernel/errors/postgres-errors';
import { NetworkFormat, NetworkKind, NetworkRequest } from '../analysis-params';
import { loadStanceScale } from '../stance-scale';
import { csvEdgesWriter, csvNodesWriter } from './formats/csv-tables';
import { gexfWriter } from './formats/gexf';
import { graphmlWriter } from './formats/graphml';
import { jsonNetworkWriter } from './formats/json-network';
import { NetworkWriter } from './formats/network-writer';
import { edgesQuery, nodesQuery } from './network-sql';
import { EdgeRow, KIND_SHAPES, NetworkHead, NetworkNode } from './network-model';

/** Edges are small rows: large batches, a few ahead, so PostgreSQL fetches while Node writes. */
const CURSOR_READING: CursorReading = { batchSize: 5_000, firstBatchSize: 1_000, readAhead: 3 };

export const NETWORK_MEDIA: Record<NetworkFormat, { contentType: string; extension: string }> = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml' },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf' },
  csv: { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
};

const KIND_WORDS: Record<NetworkKind, string> = {
  'actor-topic': 'Actor–topic network',
  'actor-congruence': 'Congruence network (speakers taking stances of the same sign on a topic)',
  'actor-conflict': 'Conflict network (speakers taking stances of opposite signs on a topic)',
  replies: 'Reply network (who answers whom)',
};

const today = () => new Date().toISOString().slice(0, 10);

function writerFor(request: NetworkRequest, head: NetworkHead, tooLarge: boolean): NetworkWriter {
  switch (request.format) {
    case 'json':
      return jsonNetworkWriter(head, tooLarge);
    case 'graphml':
      return graphmlWriter(head);
    case 'gexf':
      return gexfWriter(head);
    case 'csv':
      return request.table === 'nodes' ? csvNodesWriter(head) : csvEdgesWriter(head);
  }
}

/**
 * A discourse network of the filtered statements, in one read-only snapshot: the nodes read at
 * once, the edges streamed from a cursor through the format's writer to the client (a
 * congruence network of a year at a million statements has half a million edges).
 */
@Injectable()
export class NetworkService {
  private readonly logger = new Logger(NetworkService.name);

  constructor(private readonly dataSource: DataSource) {}

  async send(request: NetworkRequest, response: Response): Promise<void> {
    const { kind, filters, format } = request;
    const shape = KIND_SHAPES[kind];
    const description = `${KIND_WORDS[kind]} of ${describeFilters(filters, await loadFilterNames(this.dataSource, filters))}`;
    const { client, release } = await checkOut(pgPool(this.dataSource));
    let failed: Error | undefined;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const stances = await loadStanceScale((sql) => client.query(sql).then((result) => result.rows));
      const nodesSql = nodesQuery(this.dataSource, filters, kind);
      const nodes: NetworkNode[] = (await client.query(nodesSql.sql, nodesSql.params)).rows;
      const nodesOnly = format === 'csv' && request.table === 'nodes';
      let edges: CursorStream | undefined;
      let first: EdgeRow | null = null;
      if (!nodesOnly) {
        const edgesSql = edgesQuery(this.dataSource, filters, kind, stances);
        edges = await CursorStream.open(client, edgesSql.sql, edgesSql.params, CURSOR_READING);
        first = edges.read() as EdgeRow | null;
      }
      const linkCount = first?.total ?? 0;
      const tooLarge = request.maxLinks !== undefined && linkCount > request.maxLinks;
      const head: NetworkHead = { kind, shape, stances, nodes, linkCount, description, exportedOn: today() };
      const writer = writerFor(request, head, tooLarge);

      const { contentType, extension } = NETWORK_MEDIA[format];
      const table = request.table ? `-${request.table}` : '';
      response.status(200);
      response.setHeader('Content-Type', contentType);
      response.setHeader('Content-Disposition', `attachment; filename="network-${kind}${table}-${today()}.${extension}"`);
      response.setHeader('Cache-Control', 'no-store');
      response.setHeader('X-Content-Type-Options', 'nosniff');
      if (!edges || !first || tooLarge) {
        edges?.destroy();
        response.end(writer.head + writer.tail);
      } else {
        response.write(writer.head + writer.edge(first));
        await pipeline(
          edges,
          chunkedTextTransform({ row: (row) => writer.edge(row as unknown as EdgeRow), end: () => writer.tail }),
          response,
        );
      }
      await client.query('COMMIT').catch((error: Error) => (failed = error));
    } catch (error) {
      failed = error as Error;
      if (response.headersSent) {
        const why = isDatabaseUnavailable(error) ? `cut off, the database went away (${failed.message})` : 'ended by the client';
        this.logger.log(`network ${kind} as ${format} ${why} after ${response.socket?.bytesWritten ?? 0} bytes`);
        response.destroy();
        return;
      }
      throw error;
    } finally {
      release(failed);
    }
  }
}
