import { Create } from 'react-admin';
import { StatementForm } from './StatementForm';

export const StatementCreate = () => (
  <Create redirect="show">
    <StatementForm />
  </Create>
);

export default StatementCreate;
