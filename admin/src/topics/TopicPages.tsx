import { Card, CardContent, Typography } from '@mui/material';
import {
  Create,
  CreateButton,
  DataTable,
  EditButton,
  List,
  required,
  SearchInput,
  Show,
  SimpleForm,
  TextInput,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { RelatedStatements } from '../common/RelatedStatements';
import { RecordShowTabs } from '../history/RecordShowTabs';
import { ConflictAwareEdit } from '../conflicts/ConflictAwareEdit';
import { EditConflictBanner } from '../conflicts/EditConflictBanner';
import { KEEP_TYPED_VALUES } from '../conflicts/keepTypedValues';
import { OpenTimelineButton } from '../statements/OpenTimelineButton';
import type { Topic } from '../types';
import { useTrashBulkActions } from '../common/trashBulkActions';
import { RecordPageBox, useRecordLoadOptions } from '../common/RecordPage';

export const TopicList = () => {
  const bulkActions = useTrashBulkActions();
  return (
    <List sort={{ field: 'name', order: 'ASC' }} perPage={50} filters={[<SearchInput key="q" source="q" alwaysOn />]}>
      <DataTable<Topic> rowClick="show" bulkActionButtons={bulkActions}>
        <DataTable.Col source="name" label="Name" />
        <DataTable.Col source="description" label="Description" disableSort />
      </DataTable>
    </List>
  );
};

const TopicForm = () => (
  <SimpleForm sx={{ maxWidth: 720 }} warnWhenUnsavedChanges resetOptions={KEEP_TYPED_VALUES}>
    <EditConflictBanner />
    <TextInput source="name" validate={required()} helperText="Unique; a short noun phrase" />
    <TextInput source="description" multiline minRows={2} helperText="What belongs under this topic" />
  </SimpleForm>
);

export const TopicEdit = () => (
  <ConflictAwareEdit>
    <TopicForm />
  </ConflictAwareEdit>
);

export const TopicCreate = () => (
  <Create redirect="show">
    <TopicForm />
  </Create>
);

const TopicCard = () => {
  const topic = useRecordContext<Topic>();
  if (!topic) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1">
          {topic.name}
        </Typography>
        {topic.description && <Typography sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>{topic.description}</Typography>}
        <RelatedStatements
          target="topicId"
          title="Statements on this topic"
          actions={<OpenTimelineButton filter={{ topicId: [topic.id] }} />}
        />
      </CardContent>
    </Card>
  );
};

export const TopicShow = () => (
  <Show
    component={RecordPageBox}
    queryOptions={useRecordLoadOptions()}
    actions={
      <TopToolbar>
        <CreateButton />
        <EditButton />
      </TopToolbar>
    }
  >
    <RecordShowTabs>
      <TopicCard />
    </RecordShowTabs>
  </Show>
);
