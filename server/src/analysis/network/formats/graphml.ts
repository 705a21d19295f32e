import { Attribute, edgeAttributes, EdgeRow, edgeSource, edgeTarget, NetworkHead, NODE_ATTRIBUTES } from '../network-model';
import { NetworkWriter } from './network-writer';
import { xmlText } from './xml-text';

/** GraphML's attribute types for ours (igraph, networkx, Gephi and yEd read these). */
const GRAPHML_TYPES = { string: 'string', int: 'int', double: 'double' } as const;

const keyId = (scope: 'v' | 'e', attribute: Attribute) => `${scope}_${attribute.name}`;

/** `<data>` for each attribute that has a value; a missing value is left out, as GraphML means it. */
function data(scope: 'v' | 'e', attributes: Attribute[], record: Record<string, unknown>): string {
  let text = '';
  for (const attribute of attributes) {
    const value = attribute.read(record);
    if (value !== null && value !== undefined) text += `<data key="${keyId(scope, attribute)}">${xmlText(value)}</data>`;
  }
  return text;
}

/** GraphML (graphml.graphdrawing.org): keys declared first, then the nodes, then the edges as they stream. */
export function graphmlWriter(head: NetworkHead): NetworkWriter {
  const edges = edgeAttributes(head);
  const keys = [
    ...NODE_ATTRIBUTES.map((a) => `  <key id="${keyId('v', a)}" for="node" attr.name="${a.name}" attr.type="${GRAPHML_TYPES[a.type]}"/>\n`),
    ...edges.map((a) => `  <key id="${keyId('e', a)}" for="edge" attr.name="${a.name}" attr.type="${GRAPHML_TYPES[a.type]}"/>\n`),
  ].join('');
  const nodes = head.nodes.map((node) => `    <node id="${xmlText(node.id)}">${data('v', NODE_ATTRIBUTES, { ...node })}</node>\n`).join('');
  return {
    head:
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      `  <desc>${xmlText(head.description)}</desc>\n` +
      keys +
      `  <graph id="${head.kind}" edgedefault="${head.shape.directed ? 'directed' : 'undirected'}">\n` +
      nodes,
    edge: (edge: EdgeRow) =>
      `    <edge source="${edgeSource(edge)}" target="${edgeTarget(edge, head.shape)}">${data('e', edges, edge as never)}</edge>\n`,
    tail: '  </graph>\n</graphml>\n',
  };
}
