import { Alert, Box, LinearProgress, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { StatementFilterValues } from '../statements/statementFilters';
import { NETWORK_KINDS, type AnalysisSettings, type NetworkKind } from './analysisState';
import { LinksTable } from './LinksTable';
import { NetworkDownloads } from './NetworkDownloads';
import { NetworkGraph } from './NetworkGraph';
import { NetworkLegend } from './NetworkLegend';
import { KIND_HINTS, KIND_NAMES } from './networkStyle';
import { NodeDetails } from './NodeDetails';
import { plural } from './pointText';
import { MAX_LINKS, MAX_NODES, useNetwork } from './useNetwork';

/**
 * Who is linked to whom (or to what) in the filtered statements: speakers and topics, agreement,
 * conflict, replies. Drawn when it is small enough to read; always downloadable.
 */
export const NetworkPanel = ({
  filters,
  settings,
  setSettings,
  update,
}: {
  filters: StatementFilterValues;
  settings: AnalysisSettings;
  setSettings: (settings: Partial<AnalysisSettings>) => void;
  update: (filters: Record<string, unknown>, settings: Partial<AnalysisSettings>) => void;
}) => {
  const { kind } = settings;
  const query = useNetwork(filters, kind);
  const network = query.data;
  const tooLarge = network && (network.tooLarge || network.nodeCount > MAX_NODES);
  const selected = network?.nodes.find((node) => node.id === settings.node) ?? null;

  return (
    <Box data-testid="analysis-network-panel" aria-busy={query.isFetching}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={kind}
          onChange={(_, next: NetworkKind | null) => next && setSettings({ kind: next, node: null })}
          aria-label="Network"
        >
          {NETWORK_KINDS.map((each) => (
            <ToggleButton key={each} value={each}>
              {KIND_NAMES[each]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {network && (
          <Typography variant="body2" color="text.secondary" data-testid="analysis-network-counts">
            {plural(network.nodeCount, 'node')}, {plural(network.linkCount, 'link')}
          </Typography>
        )}
        <Box sx={{ ml: 'auto' }}>
          <NetworkDownloads filters={filters} kind={kind} />
        </Box>
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {KIND_HINTS[kind]}
        {(kind === 'actor-congruence' || kind === 'actor-conflict') &&
          ' With a topic filter only those topics count: Conflict with the topic Sovereignty is who takes opposite stances on sovereignty.'}
      </Typography>
      {query.isFetching && <LinearProgress sx={{ mb: 1 }} />}
      {query.error && <Alert severity="error">The network could not be loaded: {query.error.message}</Alert>}
      {network && tooLarge && (
        <Alert severity="warning" data-testid="analysis-network-too-large">
          This network has {plural(network.nodeCount, 'node')} and {plural(network.linkCount, 'link')}: too large to draw here (at most{' '}
          {MAX_NODES} nodes and {MAX_LINKS.toLocaleString('en')} links). Narrow the filters, or download it for Gephi, Cytoscape, R or
          Python.
        </Alert>
      )}
      {network && !tooLarge && network.nodes.length === 0 && <Alert severity="info">No statements match these filters.</Alert>}
      {network && !tooLarge && network.nodes.length > 0 && (
        <>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexDirection: { xs: 'column', md: 'row' } }}>
            <Box sx={{ flex: 1, minWidth: 0, width: '100%', border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden' }}>
              <NetworkGraph network={network} kind={kind} selected={selected?.id ?? null} onSelect={(node) => setSettings({ node })} />
            </Box>
            {selected && (
              <NodeDetails
                network={network}
                node={selected}
                filters={filters}
                update={update}
                onClose={() => setSettings({ node: null })}
              />
            )}
          </Box>
          <NetworkLegend kind={kind} stances={network.stances} />
          <LinksTable network={network} kind={kind} />
        </>
      )}
    </Box>
  );
};
