import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button } from '@mui/material';
import { useTicketDownload } from '../export/useTicketDownload';
import type { Snapshot } from '../types';
import { formatBytes } from './formatBytes';
import { FORMAT_LABELS, snapshotFileUrl } from './snapshotUrls';

/**
 * The snapshot's frozen files, the same bytes at every download: each with its size and its own
 * SHA-256 (the NDJSON's is the snapshot's), to check a copy against. Downloaded as the exports
 * are, with a one-use ticket; the server names them snapshot-<id>-<hash>.<ext>.
 */
export const SnapshotDownloads = ({ snapshot }: { snapshot: Snapshot }) => {
  const startDownload = useTicketDownload('The download');
  return (
    <Box
      component="ul"
      sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gridTemplateColumns: 'max-content max-content minmax(0, 1fr)', gap: 1 }}
    >
      {snapshot.files.map((file) => {
        const labels = FORMAT_LABELS[file.format];
        // The network files have their own part of the page.
        if (!labels) return null;
        const { label, hint } = labels;
        return (
          <Box component="li" key={file.format} data-format={file.format} sx={{ display: 'contents' }}>
            <Button
              size="small"
              variant="outlined"
              startIcon={<DownloadIcon />}
              title={`${hint} — SHA-256 ${file.sha256}`}
              sx={{ justifySelf: 'start', textTransform: 'none' }}
              onClick={() => void startDownload((ticket) => snapshotFileUrl(snapshot.id, file.format, ticket))}
            >
              {label}
            </Button>
            <Box component="span" sx={{ fontSize: '0.8rem', color: 'text.secondary', alignSelf: 'center', whiteSpace: 'nowrap' }}>
              {formatBytes(file.bytes)}
            </Box>
            <Box
              component="code"
              title={`SHA-256 of the ${label} file`}
              sx={{ fontFamily: 'monospace', fontSize: '0.75rem', color: 'text.secondary', alignSelf: 'center', wordBreak: 'break-all' }}
              data-testid={`file-sha256-${file.format}`}
            >
              {file.sha256}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
};
