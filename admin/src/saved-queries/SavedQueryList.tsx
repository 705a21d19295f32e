import OpenIcon from '@mui/icons-material/OpenInBrowser';
import { Box, Button, Chip, Typography } from '@mui/material';
import { DataTable, DeleteButton, EditButton, List, SearchInput, SelectInput, usePermissions, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatInstant } from '../common/formatInstant';
import type { SavedQuery } from '../types';
import { savedQueryPath } from './savedQueryUrls';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name" />,
  <SelectInput
    key="shared"
    source="shared"
    label="Sharing"
    alwaysOn
    choices={[
      { id: 'true', name: 'Shared with the team' },
      { id: 'false', name: 'Mine, not shared' },
    ]}
  />,
];

const Column = DataTable.Col<SavedQuery>;

const PAGE_NAMES: Record<SavedQuery['resource'], string> = { statements: 'Statement list', timeline: 'Timeline', analysis: 'Analysis' };

const NoSavedQueries = () => (
  <Box sx={{ textAlign: 'center', mt: 6 }}>
    <Typography variant="h5" component="p" color="text.secondary" sx={{ mb: 1 }}>
      No saved queries yet
    </Typography>
    <Typography color="text.secondary">
      Filter the <Link to="/statements">statements</Link>, then <em>Save current query…</em> under <em>Saved queries</em>.
    </Typography>
  </Box>
);

/** Opens the page the query was saved on, with its filters and order. */
const OpenButton = () => {
  const savedQuery = useRecordContext<SavedQuery>();
  if (!savedQuery) return null;
  return (
    <Button size="small" component={Link} to={savedQueryPath(savedQuery)} startIcon={<OpenIcon />} aria-label={`Open “${savedQuery.name}”`}>
      Open
    </Button>
  );
};

/** Rename and share: one's own only; delete: one's own, or (admins) a shared one. The server decides; these follow it. */
const OwnerActions = () => {
  const savedQuery = useRecordContext<SavedQuery>();
  const { permissions } = usePermissions<string>();
  if (!savedQuery) return null;
  const mayDelete = savedQuery.mine || (savedQuery.shared && permissions === 'admin');
  return (
    <Box sx={{ display: 'flex', gap: 0.5, justifyContent: 'flex-end' }}>
      {savedQuery.mine && <EditButton label="Rename" />}
      {mayDelete && (
        <DeleteButton
          label="Delete"
          mutationMode="pessimistic"
          redirect={false}
          confirmTitle={`Delete the saved query “${savedQuery.name}”?`}
          confirmContent={
            savedQuery.mine ? 'Its filters are not kept anywhere else.' : `It is ${savedQuery.owner.name}'s, shared with the team.`
          }
          successMessage="Saved query deleted"
        />
      )}
    </Box>
  );
};

/** Your saved queries and the team's shared ones: what each opens, whose it is, whether shared. */
export const SavedQueryList = () => (
  <List sort={{ field: 'name', order: 'ASC' }} perPage={25} filters={filters} exporter={false} empty={<NoSavedQueries />}>
    <DataTable<SavedQuery> rowClick={false} bulkActionButtons={false}>
      <Column source="name" label="Name" />
      <Column label="Opens" disableSort render={(savedQuery) => PAGE_NAMES[savedQuery.resource]} />
      <Column label="Owner" disableSort render={(savedQuery) => (savedQuery.mine ? 'You' : savedQuery.owner.name)} />
      <Column
        label="Shared"
        disableSort
        render={(savedQuery) => (savedQuery.shared ? <Chip size="small" label="with the team" variant="outlined" /> : '—')}
      />
      <Column
        source="updatedAt"
        label="Changed"
        cellSx={() => ({ whiteSpace: 'nowrap' })}
        render={(savedQuery) => formatInstant(savedQuery.updatedAt)}
      />
      <Column label="" disableSort>
        <OpenButton />
      </Column>
      <Column label="" disableSort>
        <OwnerActions />
      </Column>
    </DataTable>
  </List>
);

export default SavedQueryList;
