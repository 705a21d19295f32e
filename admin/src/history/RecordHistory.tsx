import RestoreIcon from '@mui/icons-material/Restore';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Link as MuiLink, Stack, Typography } from '@mui/material';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Confirm,
  useCanAccess,
  useDataProvider,
  useGetResourceLabel,
  useNotify,
  useRecordContext,
  useRefresh,
  useResourceContext,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { formatInstant } from '../common/formatInstant';
import type { ChronicleDataProvider } from '../dataProvider';
import type { Revision, Versioned } from '../types';
import { ActionChip } from './revisionActions';
import { restoredVersionText, RevisionChanges } from './RevisionChanges';

const PAGE_SIZE = 20;

/** Actions whose "after" is a state of the record one can go back to. */
const RESTORABLE = new Set<Revision['action']>(['create', 'update', 'revert', 'restore']);

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * "Restore this version": the record becomes as it was after this revision (a new revision,
 * action revert). Sent with the version on screen, so that a change made meanwhile by someone
 * else is refused (409) rather than overwritten unseen.
 */
const RestoreButton = ({ revision, version }: { revision: Revision; version: number }) => {
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const getResourceLabel = useGetResourceLabel();
  const [confirming, setConfirming] = useState(false);
  const restore = useMutation({
    mutationFn: () => dataProvider.revertToRevision(revision.resource, revision.recordId, revision.id, version),
    onSuccess: () => notify(`${restoredVersionText(revision.version, getResourceLabel(revision.resource, 1))}.`, { type: 'success' }),
    onError: (error) => notify(`Not restored: ${errorText(error)}`, { type: 'error' }),
    onSettled: () => {
      setConfirming(false);
      refresh();
    },
  });
  return (
    <>
      <Button size="small" startIcon={<RestoreIcon />} onClick={() => setConfirming(true)}>
        Restore this version
      </Button>
      <Confirm
        isOpen={confirming}
        loading={restore.isPending}
        title={`Restore version ${revision.version}?`}
        content={`The record becomes as it was after the change of ${formatInstant(revision.at)}${revision.user ? ` by ${revision.user.name}` : ''}. The current version stays in the history.`}
        confirm="Restore"
        onConfirm={() => restore.mutate()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};

const RevisionCard = ({ revision, restorable, version }: { revision: Revision; restorable: boolean; version: number }) => (
  <Card
    variant="outlined"
    component="article"
    data-testid="revision"
    data-revision-id={revision.id}
    data-action={revision.action}
    aria-label={`Version ${revision.version}`}
  >
    <CardContent sx={{ pb: '12px !important' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        <Typography component="span" sx={{ fontWeight: 600 }} data-testid="revision-author">
          {revision.user?.name ?? 'No recorded author'}
        </Typography>
        <ActionChip action={revision.action} />
        <Typography component="time" variant="body2" color="text.secondary" dateTime={revision.at}>
          {formatInstant(revision.at)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          · version {revision.version}
        </Typography>
        {revision.importId && (
          <Typography variant="body2" color="text.secondary" data-testid="revision-import">
            · by{' '}
            <MuiLink component={Link} to={`/imports/${revision.importId}/show`}>
              import {revision.importId}
            </MuiLink>
          </Typography>
        )}
        <Box sx={{ ml: 'auto' }}>{restorable && <RestoreButton revision={revision} version={version} />}</Box>
      </Box>
      <RevisionChanges revision={revision} />
    </CardContent>
  </Card>
);

/**
 * The history of the record being shown (GET /api/<collection>/:id/revisions), newest first:
 * who changed what and when, field by field, with a way back to any earlier version.
 */
export const RecordHistory = () => {
  const resource = useResourceContext() ?? '';
  const record = useRecordContext<Versioned & { id: number }>();
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  const getResourceLabel = useGetResourceLabel();
  // Editors may revert statements, actors, sources and topics; stances need an admin.
  const { canAccess: canRevert } = useCanAccess({ action: 'revert', resource });
  const history = useInfiniteQuery({
    queryKey: [resource, 'revisions', record?.id],
    enabled: Boolean(record),
    queryFn: ({ pageParam }) => dataProvider.getRevisions(resource, record!.id, { start: pageParam, end: pageParam + PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((count, page) => count + page.data.length, 0);
      return loaded < last.total && last.data.length > 0 ? loaded : undefined;
    },
  });
  if (!record) return null;
  if (history.error) return <Alert severity="error">The history could not be loaded: {errorText(history.error)}</Alert>;
  if (history.isPending) return <CircularProgress size={24} sx={{ m: 2 }} />;
  const revisions = history.data.pages.flatMap((page) => page.data);
  const total = history.data.pages[0]?.total ?? revisions.length;
  return (
    <Stack spacing={1.5} component="section" aria-label="History">
      <Typography variant="body2" color="text.secondary">
        {total === 0
          ? `No recorded changes: this ${getResourceLabel(resource, 1).toLowerCase()} predates the history.`
          : `${total} ${total === 1 ? 'change' : 'changes'}, newest first.`}
      </Typography>
      {revisions.map((revision) => (
        <RevisionCard
          key={revision.id}
          revision={revision}
          version={record.version}
          // The revision that made the current version is the record as it is now: nothing to go back to.
          restorable={
            Boolean(canRevert) && revision.version !== record.version && RESTORABLE.has(revision.action) && revision.after !== null
          }
        />
      ))}
      {history.hasNextPage && (
        <Box>
          <Button variant="outlined" disabled={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
            Older changes ({revisions.length} of {total} shown)
          </Button>
        </Box>
      )}
    </Stack>
  );
};
