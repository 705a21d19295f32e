import { useTheme } from '@mui/material';
import { useMemo, type KeyboardEvent } from 'react';
import type { Network } from '../types';
import type { NetworkKind } from './analysisState';
import { forceLayout, nodeLabel, type PlacedLink, type PlacedNode } from './forceLayout';
import { linkColor, nodeColor, weightText } from './networkStyle';
import { plural } from './pointText';

/** Above this many nodes only the larger ones (and the picked one's neighbours) are labelled. */
const LABEL_ALL_UP_TO = 60;
const LABELLED_AT_MOST = 40;

/** A straight link, stopping at the rim of its target node when it carries an arrow; a loop for a reply to oneself. */
function linkPath({ source, target }: PlacedLink, directed: boolean): string {
  if (source === target) {
    const { x, y, r } = source;
    return `M ${x + r * 0.7} ${y - r * 0.7} C ${x + r + 26} ${y - r - 26}, ${x - r - 26} ${y - r - 26}, ${x - r * 0.7} ${y - r * 0.7}`;
  }
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length = Math.hypot(dx, dy) || 1;
  const end = directed ? target.r + 3 : 0;
  return `M ${source.x} ${source.y} L ${target.x - (dx / length) * end} ${target.y - (dy / length) * end}`;
}

/**
 * The network drawn as SVG by React: positions from d3-force, node area by statements, link
 * width by weight. A node is a button: a click (or Enter) picks it, lighting up its links and
 * neighbours; a click on the background lets go.
 */
export const NetworkGraph = ({
  network,
  kind,
  selected,
  onSelect,
}: {
  network: Network;
  kind: NetworkKind;
  selected: string | null;
  onSelect: (nodeId: string | null) => void;
}) => {
  const theme = useTheme();
  const layout = useMemo(() => forceLayout(network.nodes, network.links, { labelled: network.nodes.length <= LABEL_ALL_UP_TO }), [network]);
  const neighbours = useMemo(() => {
    if (!selected) return null;
    const near = new Set([selected]);
    for (const { link } of layout.links) {
      if (link.source === selected) near.add(link.target);
      if (link.target === selected) near.add(link.source);
    }
    return near;
  }, [layout, selected]);
  const heaviest = Math.max(1, ...layout.links.map(({ link }) => link.weight));
  const labelled = useMemo(() => {
    if (layout.nodes.length <= LABEL_ALL_UP_TO) return new Set(layout.nodes.map((each) => each.node.id));
    const largest = [...layout.nodes].sort((a, b) => b.node.statements - a.node.statements).slice(0, LABELLED_AT_MOST);
    return new Set([...largest.map((each) => each.node.id), ...(neighbours ?? [])]);
  }, [layout, neighbours]);
  const colors = layout.links.map(({ link }) => linkColor(kind, link, network.stances, theme));
  const arrowColors = network.directed ? [...new Set(colors)] : [];
  const arrowId = (color: string) => `analysis-arrow-${color.replace(/[^\w]/g, '')}`;
  const dim = (ids: string[]) => (neighbours && !ids.every((id) => neighbours.has(id)) ? 0.15 : 1);
  const onKey = (event: KeyboardEvent, each: PlacedNode) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onSelect(selected === each.node.id ? null : each.node.id);
  };
  const { box } = layout;
  return (
    <svg
      data-testid="analysis-network"
      role="group"
      aria-label={`Network: ${plural(network.nodes.length, 'node')}, ${plural(network.links.length, 'link')}`}
      viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
      width="100%"
      height={Math.min(640, Math.max(360, box.height))}
      preserveAspectRatio="xMidYMid meet"
      style={{ display: 'block', background: theme.palette.background.paper }}
      onClick={() => onSelect(null)}
    >
      <defs>
        {arrowColors.map((color) => (
          <marker
            key={color}
            id={arrowId(color)}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerUnits="userSpaceOnUse"
            markerWidth="12"
            markerHeight="12"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill={color} />
          </marker>
        ))}
      </defs>
      <g>
        {layout.links.map((each, i) => (
          <path
            key={`${each.link.source}>${each.link.target}`}
            d={linkPath(each, network.directed)}
            fill="none"
            stroke={colors[i]}
            strokeWidth={1.5 + 4.5 * Math.sqrt(each.link.weight / heaviest)}
            strokeOpacity={0.75 * dim([each.link.source, each.link.target])}
            markerEnd={network.directed ? `url(#${arrowId(colors[i])})` : undefined}
            data-testid="analysis-link"
            data-source={each.link.source}
            data-target={each.link.target}
            data-weight={each.link.weight}
          >
            <title>
              {`${each.source.node.name} ${network.directed ? '→' : '–'} ${each.target.node.name}: ${weightText(network, each.link.weight)}`}
            </title>
          </path>
        ))}
      </g>
      <g>
        {layout.nodes.map((each) => {
          const isSelected = each.node.id === selected;
          return (
            <g
              key={each.node.id}
              role="button"
              tabIndex={0}
              aria-pressed={isSelected}
              aria-label={`${each.node.name}, ${plural(each.node.statements, 'statement')}`}
              data-testid="analysis-node"
              data-node-id={each.node.id}
              opacity={dim([each.node.id])}
              style={{ cursor: 'pointer', outline: 'none' }}
              onClick={(event) => {
                event.stopPropagation();
                onSelect(isSelected ? null : each.node.id);
              }}
              onKeyDown={(event) => onKey(event, each)}
            >
              <title>{`${each.node.name}: ${plural(each.node.statements, 'statement')}`}</title>
              {each.node.mode === 'topic' ? (
                <rect
                  x={each.x - each.r}
                  y={each.y - each.r}
                  width={each.r * 2}
                  height={each.r * 2}
                  rx={3}
                  fill={nodeColor(each.node)}
                  stroke={isSelected ? theme.palette.text.primary : theme.palette.background.paper}
                  strokeWidth={isSelected ? 3 : 1.5}
                />
              ) : (
                <circle
                  cx={each.x}
                  cy={each.y}
                  r={each.r}
                  fill={nodeColor(each.node)}
                  stroke={isSelected ? theme.palette.text.primary : theme.palette.background.paper}
                  strokeWidth={isSelected ? 3 : 1.5}
                />
              )}
              {labelled.has(each.node.id) && (
                <text
                  x={each.x}
                  y={each.y + each.r + 13}
                  textAnchor="middle"
                  fontSize={12}
                  fontWeight={isSelected ? 700 : 400}
                  fill={theme.palette.text.primary}
                  stroke={theme.palette.background.paper}
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  {nodeLabel(each.node.name)}
                </text>
              )}
            </g>
          );
        })}
      </g>
    </svg>
  );
};
