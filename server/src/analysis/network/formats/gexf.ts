import { Attribute, edgeAttributes, EdgeRow, edgeSource, edgeTarget, NetworkHead, NODE_ATTRIBUTES } from '../network-model';
import { NetworkWriter } from './network-writer';
import { xmlText } from './xml-text';

const GEXF_TYPES = { string: 'string', int: 'integer', double: 'double' } as const;

/** Node attributes besides the label (the name). */
const NODE_VALUES = NODE_ATTRIBUTES.filter((a) => a.name !== 'name');

function declarations(scope: 'node' | 'edge', attributes: Attribute[]): string {
  const lines = attributes.map((a, i) => `      <attribute id="${i}" title="${a.name}" type="${GEXF_TYPES[a.type]}"/>\n`);
  return `    <attributes class="${scope}" mode="static">\n${lines.join('')}    </attributes>\n`;
}

function attvalues(attributes: Attribute[], record: Record<string, unknown>): string {
  let text = '';
  attributes.forEach((attribute, i) => {
    const value = attribute.read(record);
    if (value !== null && value !== undefined) text += `<attvalue for="${i}" value="${xmlText(value)}"/>`;
  });
  return text ? `<attvalues>${text}</attvalues>` : '';
}

/** GEXF 1.2 (Gephi's format; networkx reads it): attributes declared, nodes with their labels, then the edges as they stream. */
export function gexfWriter(head: NetworkHead): NetworkWriter {
  // The weight is the edge's own `weight`; the rest are attribute values.
  const edgeValues = edgeAttributes(head).filter((a) => a.name !== 'weight');
  let n = 0;
  const nodes = head.nodes
    .map((node) => `      <node id="${xmlText(node.id)}" label="${xmlText(node.name)}">${attvalues(NODE_VALUES, { ...node })}</node>\n`)
    .join('');
  return {
    head:
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n' +
      `  <meta lastmodifieddate="${head.exportedOn}"><creator>Chronicle</creator><description>${xmlText(head.description)}</description></meta>\n` +
      `  <graph mode="static" defaultedgetype="${head.shape.directed ? 'directed' : 'undirected'}">\n` +
      declarations('node', NODE_VALUES) +
      (edgeValues.length ? declarations('edge', edgeValues) : '') +
      `    <nodes>\n${nodes}    </nodes>\n    <edges>\n`,
    edge: (edge: EdgeRow) =>
      `      <edge id="${n++}" source="${edgeSource(edge)}" target="${edgeTarget(edge, head.shape)}" weight="${edge.weight}">` +
      `${attvalues(edgeValues, edge as never)}</edge>\n`,
    tail: '    </edges>\n  </graph>\n</gexf>\n',
  };
}
