import { Edit, SimpleForm } from 'react-admin';
import { SourceFields } from './SourceFields';

export const SourceEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm sx={{ maxWidth: 720 }} warnWhenUnsavedChanges>
      <SourceFields />
    </SimpleForm>
  </Edit>
);

export default SourceEdit;
