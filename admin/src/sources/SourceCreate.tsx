import { Create, SimpleForm } from 'react-admin';
import { SourceFields } from './SourceFields';

export const SourceCreate = () => (
  <Create redirect="show">
    <SimpleForm sx={{ maxWidth: 720 }} defaultValues={{ kind: 'news', authors: [] }}>
      <SourceFields />
    </SimpleForm>
  </Create>
);

export default SourceCreate;
