import { Edit } from 'react-admin';
import { StatementForm } from './StatementForm';

/** Pessimistic: the server's verdict (and its messages on the fields) comes before moving on. */
export const StatementEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <StatementForm />
  </Edit>
);

export default StatementEdit;
