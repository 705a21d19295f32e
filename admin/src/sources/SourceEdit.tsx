import { SimpleForm } from 'react-admin';
import { ConflictAwareEdit } from '../conflicts/ConflictAwareEdit';
import { EditConflictBanner } from '../conflicts/EditConflictBanner';
import { KEEP_TYPED_VALUES } from '../conflicts/keepTypedValues';
import { SourceFields } from './SourceFields';

export const SourceEdit = () => (
  <ConflictAwareEdit>
    <SimpleForm sx={{ maxWidth: 720 }} warnWhenUnsavedChanges resetOptions={KEEP_TYPED_VALUES}>
      <EditConflictBanner />
      <SourceFields />
    </SimpleForm>
  </ConflictAwareEdit>
);

export default SourceEdit;
