import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Typography } from '@mui/material';
import { NETWORK_DOWNLOADS } from '../analysis/analysisUrls';
import { KIND_NAMES } from '../analysis/networkStyle';
import { useTicketDownload } from '../export/useTicketDownload';
import { NETWORK_KINDS, type Snapshot } from '../types';
import { formatBytes } from './formatBytes';
import { networkFileName, snapshotNetworkUrl } from './snapshotUrls';

/**
 * The discourse networks frozen with the snapshot: each kind (a row) in each format (a button,
 * its size and SHA-256 in its title), the same bytes at every download. A snapshot made before
 * networks were frozen has none, and says so.
 */
export const SnapshotNetworkDownloads = ({ snapshot }: { snapshot: Snapshot }) => {
  const startDownload = useTicketDownload('The download');
  const files = new Map(snapshot.files.map((file) => [file.format as string, file]));
  if (!NETWORK_KINDS.some((kind) => files.has(networkFileName(kind, NETWORK_DOWNLOADS[0])))) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="snapshot-no-networks">
        Made before snapshots froze their networks: draw this query’s networks on the Analysis page, as the data is now.
      </Typography>
    );
  }
  return (
    <Box
      component="ul"
      aria-label="Networks"
      sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: 1 }}
    >
      {NETWORK_KINDS.map((kind) => (
        <Box component="li" key={kind} data-kind={kind} sx={{ display: 'contents' }}>
          <Typography variant="body2" sx={{ alignSelf: 'center' }}>
            {KIND_NAMES[kind]}
          </Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
            {NETWORK_DOWNLOADS.map((choice) => {
              const file = files.get(networkFileName(kind, choice));
              if (!file) return null;
              return (
                <Button
                  key={choice.key}
                  size="small"
                  variant="outlined"
                  startIcon={<DownloadIcon />}
                  aria-label={`${KIND_NAMES[kind]}: ${choice.label}`}
                  title={`${choice.hint} — ${formatBytes(file.bytes)}, SHA-256 ${file.sha256}`}
                  data-sha256={file.sha256}
                  data-file={file.format}
                  sx={{ textTransform: 'none' }}
                  onClick={() => void startDownload((ticket) => snapshotNetworkUrl(snapshot.id, kind, choice, ticket))}
                >
                  {choice.label}
                </Button>
              );
            })}
          </Box>
        </Box>
      ))}
    </Box>
  );
};
