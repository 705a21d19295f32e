import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { NETWORK_KINDS, NetworkKind } from '../analysis/analysis-params';
import { csvEdgesWriter, csvNodesWriter } from '../analysis/network/formats/csv-tables';
import { gexfWriter } from '../analysis/network/formats/gexf';
import { graphmlWriter } from '../analysis/network/formats/graphml';
import { jsonNetworkWriter } from '../analysis/network/formats/json-network';
import { NetworkWriter } from '../analysis/network/formats/network-writer';
import { networkQuery } from '../analysis/network/network-sql';
import { EdgeRow, KIND_SHAPES, NETWORK_KIND_WORDS, NetworkHead, NetworkNode } from '../analysis/network/network-model';
import { loadStanceScale } from '../analysis/stance-scale';
import { CursorReading, CursorStream } from '../database/cursor-stream';
import { FrozenFileWriter } from './snapshot-file-store';
import { SnapshotQuery } from './snapshot-query';
import { networkFileName, SNAPSHOT_NETWORK_FILES, SnapshotNetworkFile } from './snapshot.entity';

const CURSOR_READING: CursorReading = { batchSize: 5_000, firstBatchSize: 5_000, readAhead: 2 };

/** The writer of a network file from its head: the same writers as the live network route, whole (no maxLinks). */
function writerOf(file: SnapshotNetworkFile, head: NetworkHead): NetworkWriter {
  switch (file.format) {
    case 'json':
      return jsonNetworkWriter(head, false);
    case 'graphml':
      return graphmlWriter(head);
    case 'gexf':
      return gexfWriter(head);
    case 'csv':
      return file.table === 'nodes' ? csvNodesWriter(head) : csvEdgesWriter(head);
  }
}

export interface NetworkFreezing {
  snapshotId: number;
  query: SnapshotQuery;
  /** The snapshot in words, for the files that carry a description (GraphML, GEXF). */
  about: string;
  /** The snapshot's day, as the files' date. */
  exportedOn: string;
}

/**
 * Freezes every kind of discourse network of a snapshot's statements, in the snapshot's own
 * transaction (so the networks and the statement files describe the same data), each kind
 * read once by the analysis's SQL and written as every network file at the same time: JSON,
 * GraphML, GEXF and the two CSV tables, byte for byte what GET /api/analysis/network wrote
 * for that query at that instant (but for the description, which names the snapshot).
 */
export async function freezeNetworks(client: PoolClient, dataSource: DataSource, freezing: NetworkFreezing): Promise<void> {
  const stances = await loadStanceScale((sql) => client.query(sql).then((result) => result.rows));
  for (const kind of NETWORK_KINDS) {
    const files = SNAPSHOT_NETWORK_FILES.filter((file) => file.kind === kind);
    const frozen: FrozenFileWriter[] = [];
    for (const file of files) frozen.push(await FrozenFileWriter.open(client, freezing.snapshotId, networkFileName(file)));
    const head = (nodes: NetworkNode[], linkCount: number): NetworkHead => ({
      kind,
      shape: KIND_SHAPES[kind],
      stances,
      nodes,
      linkCount,
      description: `${NETWORK_KIND_WORDS[kind]} of ${freezing.about}`,
      exportedOn: freezing.exportedOn,
    });
    await writeKind(client, dataSource, freezing.query, kind, stances, head, files, frozen);
    for (const file of frozen) await file.finish();
  }
}

/** One kind's rows in, its files out: nodes gathered (part 0), then the heads, each edge, the tails. */
async function writeKind(
  client: PoolClient,
  dataSource: DataSource,
  query: SnapshotQuery,
  kind: NetworkKind,
  stances: Awaited<ReturnType<typeof loadStanceScale>>,
  head: (nodes: NetworkNode[], linkCount: number) => NetworkHead,
  files: SnapshotNetworkFile[],
  frozen: FrozenFileWriter[],
): Promise<void> {
  const { sql, params } = networkQuery(dataSource, query.filters, kind, stances);
  const rows = await CursorStream.open(client, sql, params, CURSOR_READING);
  const nodes: NetworkNode[] = [];
  let linkCount = 0;
  let writers: NetworkWriter[] | undefined;
  const start = async () => {
    writers = files.map((file) => writerOf(file, head(nodes, linkCount)));
    for (const [i, writer] of writers.entries()) await frozen[i].write(writer.head);
    return writers;
  };
  for await (const row of rows as AsyncIterable<Record<string, unknown>>) {
    if (row.part === 0) {
      nodes.push(row.node as NetworkNode);
      linkCount = row.total as number;
      continue;
    }
    const started = writers ?? (await start());
    for (let i = 0; i < started.length; i++) {
      const storing = frozen[i].write(started[i].edge(row as unknown as EdgeRow));
      if (storing) await storing;
    }
  }
  const started = writers ?? (await start());
  for (const [i, writer] of started.entries()) await frozen[i].write(writer.tail);
}
