import { Create, SimpleForm } from 'react-admin';
import { ActorFields } from './ActorFields';

export const ActorCreate = () => (
  <Create redirect="show">
    <SimpleForm sx={{ maxWidth: 720 }} defaultValues={{ kind: 'person', aliases: [] }}>
      <ActorFields guessKind />
    </SimpleForm>
  </Create>
);

export default ActorCreate;
