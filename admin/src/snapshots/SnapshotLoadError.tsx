import { Alert, AlertTitle } from '@mui/material';
import { HttpError, useShowContext } from 'react-admin';
import { useParams } from 'react-router-dom';
import { formatInstant } from '../common/formatInstant';
import type { SnapshotGone } from '../types';

/**
 * A snapshot page that cannot show its snapshot: a deleted one (410) says when and by whom, as
 * its permanent address does; one that never existed (404) says so.
 */
export const SnapshotLoadError = () => {
  const { error } = useShowContext();
  const { id } = useParams<{ id: string }>();
  if (error instanceof HttpError && error.status === 410) {
    // The 410's body: { message, current: { id, deletedAt, deletedBy } }.
    const body = error.body as { current?: Partial<SnapshotGone> } | undefined;
    const gone = body?.current;
    return (
      <Alert severity="warning" data-testid="snapshot-deleted">
        <AlertTitle>Snapshot {id} was deleted</AlertTitle>
        Deleted {gone?.deletedAt ? formatInstant(gone.deletedAt) : ''} by {gone?.deletedBy?.name ?? 'someone'}. Its files and citation can
        no longer be fetched; its number is never given to another snapshot.
      </Alert>
    );
  }
  if (error instanceof HttpError && error.status === 404) {
    return <Alert severity="error">There is no snapshot {id}.</Alert>;
  }
  return <Alert severity="error">The snapshot could not be loaded: {error instanceof Error ? error.message : String(error)}</Alert>;
};
