import { Card, CardContent, Typography } from '@mui/material';
import {
  Create,
  DataTable,
  EditButton,
  List,
  required,
  SelectInput,
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
import { StanceChip, StanceChipField } from '../common/StanceChip';
import { OpenTimelineButton } from '../statements/OpenTimelineButton';
import type { Stance } from '../types';
import { ColorInput } from './ColorInput';
import { useTrashBulkActions } from '../common/trashBulkActions';
import { RecordPageBox, useRecordLoadOptions } from '../common/RecordPage';

export const SCORE_CHOICES = [
  { id: -2, name: '−2 rejecting, hostile' },
  { id: -1, name: '−1 critical' },
  { id: 0, name: '0 neutral' },
  { id: 1, name: '+1 positive' },
  { id: 2, name: '+2 supportive, conciliatory' },
];

export const StanceList = () => {
  const bulkActions = useTrashBulkActions();
  return (
    <List sort={{ field: 'score', order: 'ASC' }} perPage={50}>
      <DataTable<Stance> rowClick="show" bulkActionButtons={bulkActions}>
        <DataTable.Col source="name" label="Stance">
          <StanceChipField />
        </DataTable.Col>
        <DataTable.Col source="score" label="Score" />
        <DataTable.Col source="color" label="Colour" disableSort />
        <DataTable.Col source="description" label="Description" disableSort />
      </DataTable>
    </List>
  );
};

const StanceForm = () => (
  <SimpleForm sx={{ maxWidth: 720 }} warnWhenUnsavedChanges resetOptions={KEEP_TYPED_VALUES}>
    <EditConflictBanner />
    <TextInput source="name" validate={required()} helperText="Unique, e.g. Rejecting" />
    <SelectInput source="score" choices={SCORE_CHOICES} validate={required()} helperText="Where it sits from rejecting to conciliatory" />
    <ColorInput source="color" />
    <TextInput source="description" multiline minRows={2} helperText="When to use this stance" />
  </SimpleForm>
);

export const StanceEdit = () => (
  <ConflictAwareEdit>
    <StanceForm />
  </ConflictAwareEdit>
);

export const StanceCreate = () => (
  <Create redirect="show" record={{ score: 0, color: '#9e9e9e' }}>
    <StanceForm />
  </Create>
);

const StanceCard = () => {
  const stance = useRecordContext<Stance>();
  if (!stance) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <StanceChip stance={stance} size="medium" />
          <span>score {stance.score > 0 ? `+${stance.score}` : stance.score}</span>
        </Typography>
        {stance.description && <Typography sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>{stance.description}</Typography>}
        <RelatedStatements
          target="stanceId"
          title="Statements with this stance"
          actions={<OpenTimelineButton filter={{ stanceId: [stance.id] }} />}
        />
      </CardContent>
    </Card>
  );
};

export const StanceShow = () => (
  <Show
    component={RecordPageBox}
    queryOptions={useRecordLoadOptions()}
    actions={
      <TopToolbar>
        <EditButton />
      </TopToolbar>
    }
  >
    <RecordShowTabs>
      <StanceCard />
    </RecordShowTabs>
  </Show>
);
