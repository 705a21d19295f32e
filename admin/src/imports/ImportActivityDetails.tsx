import { Box, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import type { ImportCounts, Revision } from '../types';
import { ImportCountChips } from './ImportChips';

/**
 * An import's entry in the activity feed, opened: its counts, its report, and the changes it
 * made (the feed shows an import as one entry; its rows' revisions are asked for by importId).
 */
export const ImportActivityDetails = ({ revision }: { revision: Revision }) => {
  const counts = (revision.after as { counts?: ImportCounts } | null)?.counts;
  const changes = `/revisions?filter=${encodeURIComponent(JSON.stringify({ importId: revision.recordId }))}`;
  return (
    <Box>
      {counts && <ImportCountChips counts={counts} />}
      <Typography variant="body2" sx={{ mt: 1, display: 'flex', gap: 2 }}>
        <MuiLink component={Link} to={`/imports/${revision.recordId}/show`}>
          The import’s report
        </MuiLink>
        <MuiLink component={Link} to={changes}>
          The changes it made
        </MuiLink>
      </Typography>
    </Box>
  );
};
