import { Box } from '@mui/material';
import { shortHash } from './snapshotUrls';

/** The first 12 hex digits of a SHA-256, in monospace; the whole hash on hover. */
export const ShortHash = ({ sha256 }: { sha256: string }) => (
  <Box component="code" title={sha256} sx={{ fontFamily: 'monospace', fontSize: '0.85rem' }} data-testid="short-hash">
    {shortHash(sha256)}
  </Box>
);
