import { DeleteButton, useRecordContext } from 'react-admin';
import type { Snapshot } from '../types';

/**
 * Deletes a snapshot, for admins only (DeleteButton asks canAccess): not to the trash — its page
 * then says it was deleted, when and by whom, and its id is never given to another.
 */
export const DeleteSnapshotButton = () => {
  const snapshot = useRecordContext<Snapshot>();
  if (!snapshot) return null;
  return (
    <DeleteButton
      label="Delete"
      mutationMode="pessimistic"
      redirect="list"
      confirmTitle={`Delete the snapshot “${snapshot.title}”?`}
      confirmContent="Its files and citation can no longer be fetched; its address will say that it was deleted, when and by whom. This cannot be undone."
      successMessage="Snapshot deleted"
    />
  );
};
