import { Box, Typography } from '@mui/material';
import { BulkDeleteButton, DataTable, List, SearchInput, ShowButton, useCanAccess } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatInstant } from '../common/formatInstant';
import type { Snapshot } from '../types';
import { ShortHash } from './ShortHash';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Title or note" />];

const NoSnapshots = () => (
  <Box sx={{ textAlign: 'center', mt: 6 }}>
    <Typography variant="h5" component="p" color="text.secondary" sx={{ mb: 1 }}>
      No snapshots yet
    </Typography>
    <Typography color="text.secondary">
      Filter the <Link to="/statements">statements</Link> or the <Link to="/timeline">timeline</Link>, then <em>Save as snapshot</em>.
    </Typography>
  </Box>
);

/** Deleting, for admins only: for good (not to the trash), so said in the confirmation. */
const useBulkActions = () => {
  const { canAccess } = useCanAccess({ resource: 'snapshots', action: 'delete' });
  return canAccess ? (
    <BulkDeleteButton
      label="Delete"
      mutationMode="pessimistic"
      confirmTitle="Delete the selected snapshots?"
      confirmContent="Their files and citations can no longer be fetched; their addresses will say that they were deleted, when and by whom."
    />
  ) : (
    false
  );
};

/** Saved snapshots, newest first: what each froze, who saved it and when, and its fingerprint. */
export const SnapshotList = () => {
  const bulkActions = useBulkActions();
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} filters={filters} exporter={false} empty={<NoSnapshots />}>
      <DataTable<Snapshot> rowClick="show" bulkActionButtons={bulkActions}>
        <DataTable.Col source="title" label="Title" />
        <DataTable.Col label="Created by" disableSort render={(snapshot) => snapshot.createdBy?.name ?? '—'} />
        <DataTable.Col
          source="createdAt"
          label="Created"
          cellSx={() => ({ whiteSpace: 'nowrap' })}
          render={(snapshot) => formatInstant(snapshot.createdAt)}
        />
        <DataTable.Col source="count" label="Statements" disableSort align="right" />
        <DataTable.Col label="SHA-256" disableSort render={(snapshot) => <ShortHash sha256={snapshot.sha256} />} />
        <DataTable.Col label="" disableSort>
          <ShowButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default SnapshotList;
