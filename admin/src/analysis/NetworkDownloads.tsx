import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Typography } from '@mui/material';
import { useDataProvider, useNotify } from 'react-admin';
import type { ChronicleDataProvider } from '../dataProvider';
import { download } from '../export/download';
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
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  const notify = useNotify();
  const start = async (choice: NetworkDownload) => {
    try {
      const { data } = await dataProvider.createExportTicket();
      // The server names its files (network-<kind>-<date>.graphml …); JSON may come without a name.
      download(networkUrl(filters, kind, { download: choice, ticket: data.ticket }), `network-${kind}-${today()}.json`);
    } catch (error) {
      notify(`The download could not start: ${error instanceof Error ? error.message : String(error)}`, { type: 'error' });
    }
  };
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
