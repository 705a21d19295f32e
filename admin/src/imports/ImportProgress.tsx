import { Box, LinearProgress, Typography } from '@mui/material';
import type { ImportReport } from '../types';

/**
 * How far an import under way has got: "120 of 3,000 rows". Until the server has counted the
 * file's rows (or answered at all) the bar only says that it is working.
 */
export const ImportProgress = ({ progress, doing }: { progress: ImportReport | null; doing: string }) => {
  const total = progress?.totalRows ?? null;
  const done = progress?.processedRows ?? 0;
  return (
    <Box sx={{ my: 2 }} data-testid="import-progress">
      <Typography variant="body2" sx={{ mb: 1 }}>
        {doing}
      </Typography>
      <LinearProgress
        aria-label="Import progress"
        variant={total ? 'determinate' : 'indeterminate'}
        value={total ? Math.min(100, (100 * done) / total) : undefined}
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, fontVariantNumeric: 'tabular-nums' }}>
        {total === null ? 'Reading the file…' : `${done.toLocaleString()} of ${total.toLocaleString()} rows`}
      </Typography>
    </Box>
  );
};
