import { Edit, SimpleForm } from 'react-admin';
import { ActorFields } from './ActorFields';

export const ActorEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm sx={{ maxWidth: 720 }} warnWhenUnsavedChanges>
      <ActorFields />
    </SimpleForm>
  </Edit>
);

export default ActorEdit;
