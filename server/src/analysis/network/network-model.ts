import { NetworkKind } from '../analysis-params';
import { ScaleStance } from '../stance-scale';

/** A node as the nodes query reads it: a speaker (`a<id>`) or a topic (`t<id>`). */
export interface NetworkNode {
  id: string;
  mode: 'actor' | 'topic';
  actorId: number | null;
  topicId: number | null;
  name: string;
  nativeName: string | null;
  kind: string;
  country: string | null;
  statements: number;
}

/** An edge as the edges query reads it: the two records' ids, the weight and, for some kinds, stance counts. */
export interface EdgeRow {
  from_id: number;
  to_id: number;
  weight: number;
  withStance?: number;
  meanScore?: number | null;
  total: number;
  [stance: `stance_${number}`]: number;
}

/** What a kind of network is: how it is drawn and what its edges carry. */
export interface KindShape {
  directed: boolean;
  bipartite: boolean;
  /** What an edge's weight counts. */
  weight: string;
  /** Whether edges carry withStance, meanScore and a count per stance. */
  stanceCounts: boolean;
  /** The prefix of an edge's target id: the target is a topic in the two-mode network. */
  targetPrefix: 'a' | 't';
}

export const KIND_SHAPES: Record<NetworkKind, KindShape> = {
  'actor-topic': { directed: false, bipartite: true, weight: 'statements', stanceCounts: true, targetPrefix: 't' },
  'actor-congruence': { directed: false, bipartite: false, weight: 'topics', stanceCounts: false, targetPrefix: 'a' },
  'actor-conflict': { directed: false, bipartite: false, weight: 'topics', stanceCounts: false, targetPrefix: 'a' },
  replies: { directed: true, bipartite: false, weight: 'replies', stanceCounts: true, targetPrefix: 'a' },
};

/** What a kind of network is, in words: the start of a file's description. */
export const NETWORK_KIND_WORDS: Record<NetworkKind, string> = {
  'actor-topic': 'Actor–topic network',
  'actor-congruence': 'Congruence network (speakers taking stances of the same sign on a topic)',
  'actor-conflict': 'Conflict network (speakers taking stances of opposite signs on a topic)',
  replies: 'Reply network (who answers whom)',
};

/** Everything a file format writes before the edges. */
export interface NetworkHead {
  kind: NetworkKind;
  shape: KindShape;
  stances: ScaleStance[];
  nodes: NetworkNode[];
  linkCount: number;
  /** A line saying what the network holds (the filters in words), for the formats that carry a description. */
  description: string;
  exportedOn: string;
}

export type AttributeType = 'string' | 'int' | 'double';

/** A node or edge attribute as the graph formats declare it. */
export interface Attribute {
  name: string;
  type: AttributeType;
  read: (value: Record<string, unknown>) => unknown;
}

export const NODE_ATTRIBUTES: Attribute[] = [
  { name: 'name', type: 'string', read: (node) => node.name },
  { name: 'nativeName', type: 'string', read: (node) => node.nativeName },
  { name: 'mode', type: 'string', read: (node) => node.mode },
  { name: 'kind', type: 'string', read: (node) => node.kind },
  { name: 'country', type: 'string', read: (node) => node.country },
  { name: 'statements', type: 'int', read: (node) => node.statements },
  { name: 'actorId', type: 'int', read: (node) => node.actorId },
  { name: 'topicId', type: 'int', read: (node) => node.topicId },
];

/** The edge attributes of a kind: the weight, then (actor–topic, replies) withStance, meanScore and a count per stance. */
export function edgeAttributes(head: Pick<NetworkHead, 'shape' | 'stances'>): Attribute[] {
  const weight: Attribute = { name: 'weight', type: 'int', read: (edge) => edge.weight };
  if (!head.shape.stanceCounts) return [weight];
  return [
    weight,
    { name: 'withStance', type: 'int', read: (edge) => edge.withStance },
    { name: 'meanScore', type: 'double', read: (edge) => edge.meanScore },
    ...head.stances.map((stance): Attribute => ({ name: stance.attribute, type: 'int', read: (edge) => edge[`stance_${stance.id}`] })),
  ];
}

export const edgeSource = (edge: EdgeRow) => `a${edge.from_id}`;
export const edgeTarget = (edge: EdgeRow, shape: KindShape) => `${shape.targetPrefix}${edge.to_id}`;
