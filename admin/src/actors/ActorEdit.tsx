import { SimpleForm } from 'react-admin';
import { ConflictAwareEdit } from '../conflicts/ConflictAwareEdit';
import { EditConflictBanner } from '../conflicts/EditConflictBanner';
import { KEEP_TYPED_VALUES } from '../conflicts/keepTypedValues';
import { ActorFields } from './ActorFields';

export const ActorEdit = () => (
  <ConflictAwareEdit>
    <SimpleForm sx={{ maxWidth: 720 }} warnWhenUnsavedChanges resetOptions={KEEP_TYPED_VALUES}>
      <EditConflictBanner />
      <ActorFields />
    </SimpleForm>
  </ConflictAwareEdit>
);

export default ActorEdit;
