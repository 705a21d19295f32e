import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, Box, Button, Chip, Skeleton, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useCanAccess, useDataProvider } from 'react-admin';
import { formatInstant } from '../common/formatInstant';
import type { ChronicleDataProvider } from '../dataProvider';
import type { Snapshot, SnapshotDiff } from '../types';
import { DiffEntries } from './DiffEntries';

const COUNT_COLORS = { added: 'success', removed: 'error', changed: 'warning', unchanged: 'default' } as const;

/**
 * What changed since the snapshot was saved: its query run again on the database now, compared
 * statement by statement (GET /api/snapshots/:id/diff) — statements that match now and did not,
 * that left (to the trash, purged, or no longer matching), and those whose fields changed.
 */
export const SnapshotDiffPanel = ({ snapshot }: { snapshot: Snapshot }) => {
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  const { canAccess: seesTrash } = useCanAccess({ resource: 'trash', action: 'list' });
  const diff = useQuery({
    queryKey: ['snapshots', 'diff', snapshot.id],
    queryFn: ({ signal }) => dataProvider.getSnapshotDiff(snapshot.id, undefined, signal).then(({ data }) => data),
  });
  return (
    <Box data-testid="snapshot-diff" aria-busy={diff.isFetching}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="body2" color="text.secondary" sx={{ mr: 'auto' }}>
          {diff.data ? `Compared with the database as of ${formatInstant(diff.data.to.at)}.` : 'Comparing with the database now…'}
        </Typography>
        <Button size="small" startIcon={<RefreshIcon />} onClick={() => void diff.refetch()} disabled={diff.isFetching}>
          Compare again
        </Button>
      </Box>
      {diff.error ? (
        <Alert severity="error">The comparison could not be made: {diff.error.message}</Alert>
      ) : diff.data ? (
        <DiffResult diff={diff.data} seesTrash={seesTrash ?? false} />
      ) : (
        <Skeleton variant="rounded" height={48} />
      )}
    </Box>
  );
};

const DiffResult = ({ diff, seesTrash }: { diff: SnapshotDiff; seesTrash: boolean }) => {
  const { counts } = diff;
  return (
    <>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} data-testid="diff-counts">
        {(['added', 'removed', 'changed', 'unchanged'] as const).map((kind) => (
          <Chip
            key={kind}
            size="small"
            data-kind={kind}
            color={counts[kind] ? COUNT_COLORS[kind] : 'default'}
            variant="outlined"
            sx={{ fontWeight: counts[kind] && kind !== 'unchanged' ? 600 : 400 }}
            label={`${counts[kind]} ${kind}`}
          />
        ))}
      </Box>
      {counts.added + counts.removed + counts.changed === 0 ? (
        <Typography sx={{ mt: 1 }}>Nothing changed: the query matches the same statements, as they were.</Typography>
      ) : (
        <>
          <DiffEntries kind="added" title="Added" entries={diff.added} />
          <DiffEntries kind="removed" title="Removed" entries={diff.removed} seesTrash={seesTrash} />
          <DiffEntries kind="changed" title="Changed" entries={diff.changed} />
        </>
      )}
    </>
  );
};
