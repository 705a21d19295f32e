import { CreateButton, DataTable, FilterButton, List, SearchInput, SelectInput, TextField, TopToolbar } from 'react-admin';
import { ActorNameField } from '../common/ActorName';
import type { Actor } from '../types';
import { ACTOR_KIND_CHOICES } from './ActorFields';
import { useTrashBulkActions } from '../common/trashBulkActions';
import { RecordExportMenu } from '../export/RecordExportMenu';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name, native name, alias" />,
  <SelectInput key="kind" source="kind" choices={ACTOR_KIND_CHOICES} />,
];

export const ActorList = () => {
  const bulkActions = useTrashBulkActions();
  return (
    <List
      sort={{ field: 'name', order: 'ASC' }}
      perPage={50}
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
          <RecordExportMenu resource="actors" />
          <CreateButton />
        </TopToolbar>
      }
    >
      <DataTable<Actor> rowClick="show" bulkActionButtons={bulkActions}>
        <DataTable.Col source="name" label="Name">
          <ActorNameField />
        </DataTable.Col>
        <DataTable.Col source="title" label="Title" />
        <DataTable.Col source="country" label="Country" />
        <DataTable.Col source="kind" label="Kind" />
        <DataTable.Col label="Aliases" disableSort render={(actor) => actor.aliases.join(', ')} />
        <DataTable.Col source="wikidataId" label="Wikidata" disableSort>
          <TextField source="wikidataId" emptyText="" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default ActorList;
