import { BulkDeleteButton, useCanAccess, useResourceContext } from 'react-admin';

/**
 * A list's bulk actions: "Move to trash" for the selected rows, for accounts that may delete;
 * none (and no row checkboxes) for the others. Pessimistic, so that a refusal (an actor still
 * used by statements: 409) is shown instead of the rows vanishing and coming back.
 */
export function useTrashBulkActions() {
  const resource = useResourceContext();
  const { canAccess } = useCanAccess({ resource, action: 'delete' });
  return canAccess ? <BulkDeleteButton mutationMode="pessimistic" /> : false;
}
