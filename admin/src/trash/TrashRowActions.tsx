import DeleteForeverIcon from '@mui/icons-material/DeleteForever';
import RestoreFromTrashIcon from '@mui/icons-material/RestoreFromTrash';
import { Box, Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useDataProvider, useGetResourceLabel, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { ChronicleDataProvider } from '../dataProvider';
import type { TrashItem } from '../types';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Restore (back into lists, the timeline and exports) or delete permanently (after a
 * confirmation; the history keeps a "purge" revision). The server refuses to purge what something
 * still refers to, and says what: that reason is shown as is.
 */
export const TrashRowActions = () => {
  const item = useRecordContext<TrashItem>();
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const getResourceLabel = useGetResourceLabel();
  const [confirmingPurge, setConfirmingPurge] = useState(false);
  const restore = useMutation({
    mutationFn: (target: TrashItem) => dataProvider.restoreFromTrash(target.resource, target.recordId),
    onSuccess: (_answer, target) => notify(`Restored “${target.label}”`, { type: 'success' }),
    onError: (error) => notify(`Not restored: ${message(error)}`, { type: 'error' }),
    onSettled: () => refresh(),
  });
  const purge = useMutation({
    mutationFn: (target: TrashItem) => dataProvider.purgeFromTrash(target.resource, target.recordId),
    onSuccess: (_answer, target) => notify(`Deleted “${target.label}” permanently`, { type: 'info' }),
    onError: (error) => notify(`Not deleted: ${message(error)}`, { type: 'error', autoHideDuration: 10_000 }),
    onSettled: () => {
      setConfirmingPurge(false);
      refresh();
    },
  });
  if (!item) return null;
  const kind = getResourceLabel(item.resource, 1).toLowerCase();
  return (
    <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }} onClick={(event) => event.stopPropagation()}>
      <Button size="small" startIcon={<RestoreFromTrashIcon />} disabled={restore.isPending} onClick={() => restore.mutate(item)}>
        Restore
      </Button>
      <Button size="small" color="error" startIcon={<DeleteForeverIcon />} onClick={() => setConfirmingPurge(true)}>
        Delete permanently
      </Button>
      <Confirm
        isOpen={confirmingPurge}
        loading={purge.isPending}
        title={`Delete this ${kind} permanently?`}
        content={`“${item.label}” will be gone for good; it cannot be restored. Its history keeps a record that it was deleted.`}
        confirm="Delete permanently"
        confirmColor="warning"
        onConfirm={() => purge.mutate(item)}
        onClose={() => setConfirmingPurge(false)}
      />
    </Box>
  );
};
