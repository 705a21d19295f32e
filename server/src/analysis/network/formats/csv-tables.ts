import { csvField } from '../../../exports/formats/csv';
import { Attribute, edgeAttributes, EdgeRow, edgeSource, edgeTarget, NetworkHead, NODE_ATTRIBUTES } from '../network-model';
import { NetworkWriter } from './network-writer';

const line = (cells: string[]) => `${cells.join(',')}\r\n`;
const cell = (attribute: Attribute, record: Record<string, unknown>) =>
  csvField(attribute.read(record), attribute.type === 'string' ? 'text' : 'number');

/** The nodes as an RFC 4180 table: `id` then each node attribute (Gephi's node table, R's `vertices`). */
export function csvNodesWriter(head: NetworkHead): NetworkWriter {
  const rows = head.nodes.map((node) => line([csvField(node.id, 'text'), ...NODE_ATTRIBUTES.map((a) => cell(a, { ...node }))]));
  return { head: line(['id', ...NODE_ATTRIBUTES.map((a) => a.name)]) + rows.join(''), edge: () => '', tail: '' };
}

/** The edges as an RFC 4180 table: `source`, `target`, then each edge attribute (Gephi's edge table, R's `d`). */
export function csvEdgesWriter(head: NetworkHead): NetworkWriter {
  const attributes = edgeAttributes(head);
  return {
    head: line(['source', 'target', ...attributes.map((a) => a.name)]),
    edge: (edge: EdgeRow) => line([edgeSource(edge), edgeTarget(edge, head.shape), ...attributes.map((a) => cell(a, edge as never))]),
    tail: '',
  };
}
