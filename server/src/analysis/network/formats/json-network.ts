import { EdgeRow, edgeSource, edgeTarget, NetworkHead } from '../network-model';
import { NetworkWriter } from './network-writer';

/**
 * `{kind, directed, bipartite, weight, stances, nodeCount, linkCount, tooLarge, nodes, links}`,
 * links streamed (d3's and the admin's shape). With `tooLarge`, nodes and links are empty.
 */
export function jsonNetworkWriter(head: NetworkHead, tooLarge: boolean): NetworkWriter {
  const { shape } = head;
  const document = {
    kind: head.kind,
    directed: shape.directed,
    bipartite: shape.bipartite,
    weight: shape.weight,
    stances: head.stances,
    nodeCount: head.nodes.length,
    linkCount: head.linkCount,
    tooLarge,
    nodes: tooLarge ? [] : head.nodes,
  };
  let first = true;
  return {
    head: `${JSON.stringify(document).slice(0, -1)},"links":[`,
    edge: (edge: EdgeRow) => {
      const link: Record<string, unknown> = { source: edgeSource(edge), target: edgeTarget(edge, shape), weight: edge.weight };
      if (shape.stanceCounts) {
        link.withStance = edge.withStance;
        link.meanScore = edge.meanScore;
        const counts: Record<string, number> = {};
        for (const stance of head.stances) if (edge[`stance_${stance.id}`] > 0) counts[stance.id] = edge[`stance_${stance.id}`];
        link.stanceCounts = counts;
      }
      const text = (first ? '' : ',') + JSON.stringify(link);
      first = false;
      return text;
    },
    tail: ']}',
  };
}
