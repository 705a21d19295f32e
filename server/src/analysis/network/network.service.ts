import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { CursorReading, CursorStream } from '../../database/cursor-stream';
import { checkOut, pgPool } from '../../database/pg-pool';
import { describeFilters, loadFilterNames } from '../../exports/describe-filters';
import { ExportSlots } from '../../exports/export-slots';
import { chunkedTextTransform } from '../../exports/formats/chunked-text';
import { isDatabaseUnavailable } from '../../kernel/errors/postgres-errors';
import { NetworkFormat, NetworkRequest } from '../analysis-params';
import { loadStanceScale } from '../stance-scale';
import { csvEdgesWriter, csvNodesWriter } from './formats/csv-tables';
import { gexfWriter } from './formats/gexf';
import { graphmlWriter } from './formats/graphml';
import { jsonNetworkWriter } from './formats/json-network';
import { NetworkWriter } from './formats/network-writer';
import { networkQuery } from './network-sql';
import { EdgeRow, KIND_SHAPES, NETWORK_KIND_WORDS, NetworkHead, NetworkNode } from './network-model';

/** Edges are small rows: large batches, a few ahead, so PostgreSQL fetches while Node writes. */
const CURSOR_READING: CursorReading = { batchSize: 5_000, firstBatchSize: 1_000, readAhead: 3 };

export const NETWORK_MEDIA: Record<NetworkFormat, { contentType: string; extension: string }> = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml' },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf' },
  csv: { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
};

const today = () => new Date().toISOString().slice(0, 10);

function formatWriter(request: NetworkRequest, head: NetworkHead, tooLarge: boolean): NetworkWriter {
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
 * The rows of networkQuery in, a file out: the nodes (part 0, with the edge count) are gathered,
 * and at the first edge (part 1), or at the end, the file's head is written with them; then
 * each edge as it comes. A network too large for the caller, or a CSV of the nodes, skips them.
 */
function networkText(writerFor: (nodes: NetworkNode[], linkCount: number) => { writer: NetworkWriter; withEdges: boolean }) {
  const nodes: NetworkNode[] = [];
  let linkCount = 0;
  let started: { writer: NetworkWriter; withEdges: boolean } | undefined;
  const start = (linkCount: number) => (started = writerFor(nodes, linkCount)).writer.head;
  return chunkedTextTransform({
    row: (row) => {
      if (row.part === 0) {
        nodes.push(row.node as NetworkNode);
        linkCount = row.total as number;
        return '';
      }
      const head = started ? '' : start(linkCount);
      return started!.withEdges ? head + started!.writer.edge(row as unknown as EdgeRow) : head;
    },
    end: () => (started ? '' : start(linkCount)) + started!.writer.tail,
  });
}

/**
 * A discourse network of the filtered statements, in one read-only snapshot and one statement:
 * nodes first, then the edges streamed from a cursor through the format's writer to the client
 * (a congruence network of a year at a million statements has half a million edges).
 */
@Injectable()
export class NetworkService {
  private readonly logger = new Logger(NetworkService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly slots: ExportSlots,
  ) {}

  /** As an export: in a slot of its own (or 429), its reader watched (export-slots.ts). */
  send(request: NetworkRequest, response: Response): Promise<void> {
    return this.slots.run(response, () => this.stream(request, response));
  }

  private async stream(request: NetworkRequest, response: Response): Promise<void> {
    const { kind, filters, format } = request;
    const shape = KIND_SHAPES[kind];
    const description = `${NETWORK_KIND_WORDS[kind]} of ${describeFilters(filters, await loadFilterNames(this.dataSource, filters))}`;
    const { client, release } = await checkOut(pgPool(this.dataSource));
    let failed: Error | undefined;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const stances = await loadStanceScale((sql) => client.query(sql).then((result) => result.rows));
      const { sql, params } = networkQuery(this.dataSource, filters, kind, stances);
      const rows = await CursorStream.open(client, sql, params, CURSOR_READING);

      const { contentType, extension } = NETWORK_MEDIA[format];
      const table = request.table ? `-${request.table}` : '';
      response.status(200);
      response.setHeader('Content-Type', contentType);
      response.setHeader('Content-Disposition', `attachment; filename="network-${kind}${table}-${today()}.${extension}"`);
      response.setHeader('Cache-Control', 'no-store');
      response.setHeader('X-Content-Type-Options', 'nosniff');
      const writerFor = (nodes: NetworkNode[], linkCount: number) => {
        const tooLarge = request.maxLinks !== undefined && linkCount > request.maxLinks;
        const head: NetworkHead = { kind, shape, stances, nodes, linkCount, description, exportedOn: today() };
        return { writer: formatWriter(request, head, tooLarge), withEdges: !tooLarge && !(format === 'csv' && request.table === 'nodes') };
      };
      await pipeline(rows, networkText(writerFor), response);
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
