import ListIcon from '@mui/icons-material/ViewList';
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { EditButton, Show, TopToolbar, useRecordContext, useShowContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatInstant } from '../common/formatInstant';
import { RecordPageBox } from '../common/RecordPage';
import type { Snapshot } from '../types';
import { DeleteSnapshotButton } from './DeleteSnapshotButton';
import { SnapshotCitation } from './SnapshotCitation';
import { SnapshotDiffPanel } from './SnapshotDiffPanel';
import { SnapshotDownloads } from './SnapshotDownloads';
import { SnapshotNetworkDownloads } from './SnapshotNetworkDownloads';
import { SnapshotFacts } from './SnapshotFacts';
import { SnapshotLoadError } from './SnapshotLoadError';
import { SnapshotPart } from './SnapshotPart';
import { snapshotStatementsPath } from './snapshotUrls';

const SnapshotCard = () => {
  const snapshot = useRecordContext<Snapshot>();
  if (!snapshot) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1">
          {snapshot.title}
        </Typography>
        <Typography color="text.secondary" sx={{ mt: 0.5 }}>
          Snapshot {snapshot.id} · {snapshot.count.toLocaleString('en')} {snapshot.count === 1 ? 'statement' : 'statements'} · saved{' '}
          {formatInstant(snapshot.createdAt)} by {snapshot.createdBy?.name ?? 'no recorded author'}
        </Typography>
        {snapshot.note && (
          <Typography sx={{ mt: 1.5, whiteSpace: 'pre-wrap' }} data-testid="snapshot-note">
            {snapshot.note}
          </Typography>
        )}

        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(0, 1fr)' },
            columnGap: 4,
            alignItems: 'start',
          }}
        >
          <Box>
            <SnapshotPart title="Query">
              <Typography data-testid="snapshot-query-words">{snapshot.queryWords}</Typography>
              <Box
                component="code"
                data-testid="snapshot-query"
                sx={{ display: 'block', mt: 0.5, fontSize: '0.75rem', color: 'text.secondary', wordBreak: 'break-all' }}
              >
                {snapshot.query || '(every statement)'}
              </Box>
              <Button size="small" component={Link} to={snapshotStatementsPath(snapshot.query)} startIcon={<ListIcon />} sx={{ mt: 0.5 }}>
                These filters in the statement list today
              </Button>
            </SnapshotPart>

            <SnapshotPart title="Fingerprint">
              <SnapshotFacts snapshot={snapshot} />
            </SnapshotPart>

            <SnapshotPart title="Downloads">
              <SnapshotDownloads snapshot={snapshot} />
            </SnapshotPart>

            <SnapshotPart title="Networks">
              <SnapshotNetworkDownloads snapshot={snapshot} />
            </SnapshotPart>
          </Box>
          <Box>
            <SnapshotPart title="Citation">
              <SnapshotCitation snapshot={snapshot} />
            </SnapshotPart>

            <SnapshotPart title="What changed since">
              <SnapshotDiffPanel snapshot={snapshot} />
            </SnapshotPart>
          </Box>
        </Box>
      </CardContent>
    </Card>
  );
};

/** The snapshot, or why there is none: deleted (410), never made (404). */
const SnapshotOrWhyNot = () => {
  const { record, error } = useShowContext<Snapshot>();
  return !record && error ? <SnapshotLoadError /> : <SnapshotCard />;
};

/**
 * A snapshot's page: its query in words, its fingerprint and permanent address, its frozen
 * files, how to cite it, and what changed since in the database. A deleted one says so; a
 * server that does not answer is not "no snapshot" (RecordPageBox: Cannot reach the server,
 * with Retry, above the snapshot as loaded earlier if it was).
 */
export const SnapshotShow = () => (
  <Show<Snapshot>
    component={RecordPageBox}
    actions={
      <TopToolbar>
        <EditButton />
        <DeleteSnapshotButton />
      </TopToolbar>
    }
    // The page says what went wrong (a deleted snapshot: when and by whom) instead of a notification and a redirect.
    queryOptions={{ onError: () => undefined }}
  >
    <SnapshotOrWhyNot />
  </Show>
);

export default SnapshotShow;
