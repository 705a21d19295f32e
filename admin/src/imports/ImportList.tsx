import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Typography } from '@mui/material';
import { CreateButton, DataTable, List, SelectInput, TopToolbar } from 'react-admin';
import { formatInstant } from '../common/formatInstant';
import { IMPORT_STATUSES, type ImportSummary } from '../types';
import { ImportCountChips, ImportStatusChip } from './ImportChips';
import { UndoImportButton } from './UndoImportButton';

const STATUS_CHOICES = IMPORT_STATUSES.filter((status) => status !== 'running').map((status) => ({ id: status, name: status }));

const filters = [<SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} emptyText="Any status" alwaysOn />];

/** "Import a file", for those who may (CreateButton asks canAccess). */
const ImportButton = () => <CreateButton label="Import a file" icon={<UploadFileIcon />} />;

const NoImports = () => (
  <Box sx={{ textAlign: 'center', mt: 6 }}>
    <Typography variant="h5" component="p" color="text.secondary" sx={{ mb: 2 }}>
      No imports yet
    </Typography>
    <ImportButton />
  </Box>
);

/**
 * Past imports (GET /api/imports), newest first: who imported which file when, and what it
 * did. A row opens the import's report; a finished one can be undone from here.
 */
export const ImportList = () => (
  <List
    sort={{ field: 'id', order: 'DESC' }}
    perPage={25}
    filters={filters}
    exporter={false}
    empty={<NoImports />}
    actions={
      <TopToolbar>
        <ImportButton />
      </TopToolbar>
    }
  >
    <DataTable<ImportSummary> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col
        source="startedAt"
        label="When"
        cellSx={() => ({ whiteSpace: 'nowrap' })}
        render={(entry) => formatInstant(entry.startedAt)}
      />
      <DataTable.Col label="Who" disableSort render={(entry) => entry.user?.name ?? '—'} />
      <DataTable.Col source="fileName" label="File" disableSort render={(entry) => entry.fileName || '—'} />
      <DataTable.Col source="status" label="Status" disableSort render={(entry) => <ImportStatusChip status={entry.status} />} />
      <DataTable.Col label="Rows" disableSort render={(entry) => <ImportCountChips counts={entry.counts} />} />
      <DataTable.Col label="" disableSort>
        <UndoImportButton />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default ImportList;
