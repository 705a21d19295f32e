import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Typography } from '@mui/material';
import { useTicketDownload } from '../export/useTicketDownload';
import type { StatementFilterValues } from '../statements/statementFilters';
import type { NetworkKind } from './analysisState';
import { NETWORK_DOWNLOADS, networkUrl, type NetworkDownload } from './analysisUrls';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The network of the page's filters as files for Gephi, Cytoscape, R or Python, built by the
 * server however large. As with the exports, a one-use ticket asked just before stands in for
 * the session's token, which a plain download cannot send.
 */
export const NetworkDownloads = ({ filters, kind }: { filters: StatementFilterValues; kind: NetworkKind }) => {
  const startDownload = useTicketDownload('The download');
  // The server names its files (network-<kind>-<date>.graphml …); JSON may come without a name.
  const start = (choice: NetworkDownload) =>
    startDownload((ticket) => networkUrl(filters, kind, { download: choice, ticket }), `network-${kind}-${today()}.json`);
  return (
    <Box role="group" aria-label="Download the network" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }}>
      <Typography variant="body2" color="text.secondary" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mr: 0.5 }}>
        <DownloadIcon fontSize="small" aria-hidden /> Download
      </Typography>
      {NETWORK_DOWNLOADS.map((choice) => (
        <Button key={choice.key} size="small" variant="outlined" title={choice.hint} onClick={() => void start(choice)}>
          {choice.label}
        </Button>
      ))}
    </Box>
  );
};
