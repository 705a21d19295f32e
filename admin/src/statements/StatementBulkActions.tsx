import LabelIcon from '@mui/icons-material/LabelOutlined';
import UnpublishedIcon from '@mui/icons-material/UnpublishedOutlined';
import VerifiedIcon from '@mui/icons-material/VerifiedOutlined';
import { Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  BulkDeleteButton,
  BulkUpdateButton,
  Button,
  Form,
  ReferenceInput,
  SaveButton,
  useCanAccess,
  useListContext,
  useNotify,
  useUnselectAll,
  useUpdateMany,
} from 'react-admin';

/**
 * Adds one topic to every selected statement, keeping their other topics: the stock
 * updateMany (one PUT per statement) with `topicIds: { add: [id] }`, which the server applies
 * to each statement's own list.
 */
const AddTopicButton = () => {
  const { selectedIds } = useListContext();
  const [open, setOpen] = useState(false);
  const [updateMany, { isPending }] = useUpdateMany();
  const notify = useNotify();
  const unselectAll = useUnselectAll('statements');
  const add = (values: { topicId?: number }) => {
    if (!values.topicId) return;
    void updateMany(
      'statements',
      { ids: selectedIds, data: { topicIds: { add: [values.topicId] } } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setOpen(false);
          unselectAll();
          notify('ra.notification.updated', { messageArgs: { smart_count: selectedIds.length } });
        },
        onError: (error) => notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
      },
    );
  };
  return (
    <>
      <Button label="Add topic" onClick={() => setOpen(true)}>
        <LabelIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs" aria-labelledby="add-topic-title">
        <Form onSubmit={add}>
          <DialogTitle id="add-topic-title">
            Add a topic to {selectedIds.length} {selectedIds.length === 1 ? 'statement' : 'statements'}
          </DialogTitle>
          <DialogContent>
            <ReferenceInput source="topicId" reference="topics" sort={{ field: 'name', order: 'ASC' }}>
              <AutocompleteInput label="Topic" optionText="name" fullWidth autoFocus />
            </ReferenceInput>
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <SaveButton label="Add" icon={<LabelIcon />} disabled={isPending} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

/**
 * The statement list's bulk actions, for accounts that may edit: mark verified or draft, add a
 * topic, move to the trash. All go through react-admin's stock updateMany and deleteMany; none
 * sends a version, as each names only the field it changes (a change to some fields needs none).
 * Pessimistic, so that a refusal is shown rather than rows changing and changing back.
 */
export function useStatementBulkActions() {
  const { canAccess } = useCanAccess({ resource: 'statements', action: 'edit' });
  if (!canAccess) return false;
  return (
    <>
      <BulkUpdateButton label="Mark verified" data={{ reviewStatus: 'verified' }} mutationMode="pessimistic" icon={<VerifiedIcon />} />
      <BulkUpdateButton label="Mark draft" data={{ reviewStatus: 'draft' }} mutationMode="pessimistic" icon={<UnpublishedIcon />} />
      <AddTopicButton />
      <BulkDeleteButton mutationMode="pessimistic" />
    </>
  );
}
