import { Button } from '@mui/material';
import { useState } from 'react';
import { useCanAccess } from 'react-admin';
import { statementQueryParams, type ExportSort } from '../export/exportUrl';
import { SaveSnapshotDialog } from './SaveSnapshotDialog';
import { SnapshotIcon } from './SnapshotIcon';

/**
 * "Save as snapshot" on the statement list and the timeline, for editors and admins: freezes
 * what the page shows — its filters and sort, exactly the query the export sends
 * (statementQueryParams) — under a title.
 */
export const SaveSnapshotButton = ({ filter, sort }: { filter: Record<string, unknown>; sort: ExportSort }) => {
  const { canAccess } = useCanAccess({ resource: 'snapshots', action: 'create' });
  const [open, setOpen] = useState(false);
  if (!canAccess) return null;
  return (
    <>
      <Button size="small" startIcon={<SnapshotIcon />} onClick={() => setOpen(true)}>
        Save as snapshot
      </Button>
      {open && <SaveSnapshotDialog query={statementQueryParams(filter, sort).toString()} onClose={() => setOpen(false)} />}
    </>
  );
};
