import { CreateButton, DataTable, FilterButton, List, SearchInput, SelectInput, TopToolbar } from 'react-admin';
import { ExternalLink } from '../statements/StatementSources';
import type { Source } from '../types';
import { SOURCE_KIND_CHOICES } from './SourceFields';
import { useTrashBulkActions } from '../common/trashBulkActions';
import { RecordExportMenu } from '../export/RecordExportMenu';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Title, publisher, author" />,
  <SelectInput key="kind" source="kind" choices={SOURCE_KIND_CHOICES} />,
];

export const SourceList = () => {
  const bulkActions = useTrashBulkActions();
  return (
    <List
      sort={{ field: 'publishedOn', order: 'DESC' }}
      perPage={50}
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
          <RecordExportMenu resource="sources" />
          <CreateButton />
        </TopToolbar>
      }
    >
      <DataTable<Source> rowClick="show" bulkActionButtons={bulkActions}>
        <DataTable.Col source="title" label="Title" render={(source) => <span lang={source.language ?? undefined}>{source.title}</span>} />
        <DataTable.Col source="publisher" label="Publisher" />
        <DataTable.Col source="publishedOn" label="Published" />
        <DataTable.Col source="kind" label="Kind" />
        <DataTable.Col source="language" label="Language" />
        <DataTable.Col
          label="Link"
          disableSort
          render={(source) => (source.url ? <ExternalLink href={source.url}>{new URL(source.url).hostname}</ExternalLink> : null)}
        />
      </DataTable>
    </List>
  );
};

export default SourceList;
