import { DataTable, DateField, List, SelectInput, useGetResourceLabel } from 'react-admin';
import { VERSIONED_RESOURCES, type TrashItem } from '../types';
import { TrashRowActions } from './TrashRowActions';

const ResourceFilter = () => {
  const getResourceLabel = useGetResourceLabel();
  return (
    <SelectInput
      source="resource"
      label="Kind"
      choices={VERSIONED_RESOURCES.map((resource) => ({ id: resource, name: getResourceLabel(resource, 2) }))}
      emptyText="All kinds"
      alwaysOn
    />
  );
};

const ResourceLabel = ({ item }: { item: TrashItem }) => {
  const getResourceLabel = useGetResourceLabel();
  return <span>{getResourceLabel(item.resource, 1)}</span>;
};

/**
 * What was deleted (GET /api/trash), most recent first (admin). Deleting in the lists moves a
 * record here; from here it goes back, or away for good.
 */
export const TrashList = () => (
  <List resource="trash" title="Trash" sort={{ field: 'deletedAt', order: 'DESC' }} perPage={50} filters={[<ResourceFilter key="resource" />]} exporter={false}>
    <DataTable<TrashItem> rowClick={false} bulkActionButtons={false}>
      <DataTable.Col label="Kind" disableSort render={(item) => <ResourceLabel item={item as TrashItem} />} />
      <DataTable.Col source="label" label="Record" disableSort />
      <DataTable.Col source="deletedAt" label="Deleted">
        <DateField source="deletedAt" showTime />
      </DataTable.Col>
      <DataTable.Col label="By" disableSort render={(item) => item.deletedBy?.name ?? '—'} />
      <DataTable.Col label="" disableSort>
        <TrashRowActions />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default TrashList;
