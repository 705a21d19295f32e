import CloseIcon from '@mui/icons-material/Close';
import FilterIcon from '@mui/icons-material/FilterAlt';
import ChartIcon from '@mui/icons-material/ShowChart';
import ListIcon from '@mui/icons-material/ViewList';
import { Box, Button, Card, CardContent, IconButton, List, ListItem, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { languageOfCountry } from '../common/language';
import type { StatementFilterValues } from '../statements/statementFilters';
import type { Network, NetworkNode } from '../types';
import type { AnalysisSettings } from './analysisState';
import { weightText } from './networkStyle';
import { plural } from './pointText';
import { statementListUrl } from './statementLinks';

/** The node's own filter: this speaker, or this topic. */
export const nodeFilter = (node: NetworkNode): Partial<StatementFilterValues> =>
  node.mode === 'topic' ? { topicId: [node.topicId!] } : { speakerId: [node.actorId!] };

/**
 * The picked node: what it is, whom it is linked to (heaviest first), and where to go from it —
 * filter the page by it, its stance over time, its statements in the list.
 */
export const NodeDetails = ({
  network,
  node,
  filters,
  update,
  onClose,
}: {
  network: Network;
  node: NetworkNode;
  filters: StatementFilterValues;
  update: (filters: Record<string, unknown>, settings: Partial<AnalysisSettings>) => void;
  onClose: () => void;
}) => {
  const byId = new Map(network.nodes.map((each) => [each.id, each]));
  const links = network.links
    .filter((link) => link.source === node.id || link.target === node.id)
    .map((link) => {
      const outgoing = link.source === node.id;
      return { link, other: byId.get(outgoing ? link.target : link.source), outgoing };
    })
    .sort((a, b) => b.link.weight - a.link.weight || (a.other?.name ?? '').localeCompare(b.other?.name ?? ''));
  const arrow = (outgoing: boolean) => (network.directed ? (outgoing ? 'replied to ' : 'replied to by ') : '');
  const filtered = { ...filters, ...nodeFilter(node) };
  return (
    <Card variant="outlined" data-testid="analysis-node-details" data-node-id={node.id} sx={{ width: { md: 300 }, flexShrink: 0 }}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'flex-start' }}>
          <Box sx={{ flex: 1 }}>
            <Typography variant="h6" component="h3">
              {node.name}
            </Typography>
            {node.nativeName && node.nativeName !== node.name && (
              <Typography variant="body2" color="text.secondary" lang={languageOfCountry(node.country)}>
                {node.nativeName}
              </Typography>
            )}
            <Typography variant="body2" color="text.secondary">
              {node.mode === 'topic' ? 'Topic' : node.kind === 'person' ? 'Person' : 'Organisation'}
              {node.country ? ` · ${node.country}` : ''} · {plural(node.statements, 'statement')}
            </Typography>
          </Box>
          <IconButton size="small" aria-label="Close" onClick={onClose}>
            <CloseIcon fontSize="small" />
          </IconButton>
        </Box>
        {links.length === 0 ? (
          <Typography variant="body2" sx={{ mt: 1 }}>
            No links here.
          </Typography>
        ) : (
          <List dense disablePadding sx={{ mt: 1 }} aria-label="Links">
            {links.map(({ link, other, outgoing }) => (
              <ListItem key={`${link.source}>${link.target}`} disableGutters data-testid="analysis-node-link">
                <Typography variant="body2">
                  {arrow(outgoing)}
                  <strong>{other?.name ?? (outgoing ? link.target : link.source)}</strong>: {weightText(network, link.weight)}
                </Typography>
              </ListItem>
            ))}
          </List>
        )}
        <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.5, mt: 1 }}>
          <Button size="small" startIcon={<FilterIcon />} onClick={() => update(filtered, { node: null })}>
            Filter by {node.mode === 'topic' ? 'this topic' : 'this speaker'}
          </Button>
          <Button size="small" startIcon={<ChartIcon />} onClick={() => update(filtered, { view: 'chart', node: null })}>
            Stance over time
          </Button>
          <Button size="small" startIcon={<ListIcon />} component={RouterLink} to={statementListUrl(filtered)}>
            Statements
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
};
