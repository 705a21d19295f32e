import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import type { NetworkLink, NetworkNode } from '../types';

export interface PlacedNode extends SimulationNodeDatum {
  node: NetworkNode;
  x: number;
  y: number;
  r: number;
}

export interface PlacedLink extends SimulationLinkDatum<PlacedNode> {
  link: NetworkLink;
  source: PlacedNode;
  target: PlacedNode;
}

export interface Layout {
  nodes: PlacedNode[];
  links: PlacedLink[];
  /** The drawing's extent, labels included: the SVG's viewBox. */
  box: { x: number; y: number; width: number; height: number };
}

/** Node radius by statements: area grows with the count, from 5 to 20 px. */
export const nodeRadius = (statements: number, most: number) => 5 + 15 * Math.sqrt(most > 0 ? statements / most : 0);

/** Names longer than this are cut short under their node (the full name is in its tooltip and the details). */
const LABEL_CHARS = 24;
export const nodeLabel = (name: string) => (name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name);
/** About half the width of a label in the 12 px font. */
const labelHalfWidth = (name: string) => nodeLabel(name).length * 3.4;

/** Room around the drawing for the labels under the nodes. */
const MARGIN = { x: 16, top: 24, bottom: 36 };

/**
 * Lays the network out with d3-force, run to its end at once (about 300 steps, no animation):
 * links pull, nodes repel and do not overlap, and two weak forces keep isolated nodes and
 * separate components near the middle. When every node is labelled, nodes keep apart by their
 * label's width too, so that names do not run into each other. d3-force starts nodes on a fixed spiral and draws its
 * jitter from a seeded generator, so the same network always gets the same picture.
 */
export function forceLayout(nodes: NetworkNode[], links: NetworkLink[], { labelled }: { labelled: boolean }): Layout {
  const most = Math.max(0, ...nodes.map((node) => node.statements));
  // No position yet (NaN): d3-force starts the nodes on its spiral.
  const placed: PlacedNode[] = nodes.map((node) => ({ node, x: NaN, y: NaN, r: nodeRadius(node.statements, most) }));
  const byId = new Map(placed.map((each) => [each.node.id, each]));
  const joined = links
    .filter((link) => byId.has(link.source) && byId.has(link.target))
    .map((link) => ({ link, source: byId.get(link.source)!, target: byId.get(link.target)! }));
  const heaviest = Math.max(1, ...joined.map((each) => each.link.weight));
  const simulation = forceSimulation<PlacedNode>(placed)
    .force(
      'link',
      forceLink<PlacedNode, PlacedLink>(joined.filter((each) => each.source !== each.target))
        .distance((each) => 50 + each.source.r + each.target.r)
        .strength((each) => 0.3 + 0.5 * (each.link.weight / heaviest)),
    )
    .force('charge', forceManyBody<PlacedNode>().strength(-200).distanceMax(320))
    .force(
      'collide',
      forceCollide<PlacedNode>((each) => Math.max(each.r + 14, labelled ? labelHalfWidth(each.node.name) + 6 : 0)),
    )
    .force('x', forceX<PlacedNode>(0).strength(0.1))
    .force('y', forceY<PlacedNode>(0).strength(0.1))
    .stop();
  const steps = Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay()));
  simulation.tick(steps);

  if (!placed.length) return { nodes: placed, links: [], box: { x: 0, y: 0, width: 1, height: 1 } };
  const minX = Math.min(...placed.map((each) => each.x - Math.max(each.r, labelHalfWidth(each.node.name)))) - MARGIN.x;
  const maxX = Math.max(...placed.map((each) => each.x + Math.max(each.r, labelHalfWidth(each.node.name)))) + MARGIN.x;
  const minY = Math.min(...placed.map((each) => each.y - each.r)) - MARGIN.top;
  const maxY = Math.max(...placed.map((each) => each.y + each.r)) + MARGIN.bottom;
  return { nodes: placed, links: joined, box: { x: minX, y: minY, width: maxX - minX, height: maxY - minY } };
}
