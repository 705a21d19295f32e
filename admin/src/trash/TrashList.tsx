import { DataTable, List, SelectInput, useGetResourceLabel } from 'react-admin';
import { formatInstant } from '../common/formatInstant';
import { VERSIONED_RESOURCES, type TrashItem } from '../types';
import { TrashRowActions } from './TrashRowActions';

/**
 * What was deleted (GET /api/trash), most recent first (admin). Deleting in the lists moves a
 * record here; from here it goes back, or away for good.
 */
export const TrashList = () => {
  const getResourceLabel = useGetResourceLabel();
  const filters = [
    <SelectInput
      key="resource"
      source="resource"
      label="Kind"
      choices={VERSIONED_RESOURCES.map((resource) => ({ id: resource, name: getResourceLabel(resource, 2) }))}
      emptyText="All kinds"
      alwaysOn
    />,
  ];
  return (
    <List resource="trash" title="Trash" sort={{ field: 'deletedAt', order: 'DESC' }} perPage={50} filters={filters} exporter={false}>
      <DataTable<TrashItem> rowClick={false} bulkActionButtons={false}>
        <DataTable.Col label="Kind" disableSort render={(item) => getResourceLabel(item.resource, 1)} />
        <DataTable.Col source="label" label="Record" disableSort />
        <DataTable.Col source="deletedAt" label="Deleted" render={(item) => formatInstant(item.deletedAt)} />
        <DataTable.Col label="By" disableSort render={(item) => item.deletedBy?.name ?? '—'} />
        <DataTable.Col label="" disableSort>
          <TrashRowActions />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default TrashList;
