import { ConflictAwareEdit } from '../conflicts/ConflictAwareEdit';
import { StatementForm } from './StatementForm';

/** Pessimistic and version-checked: see ConflictAwareEdit. */
export const StatementEdit = () => (
  <ConflictAwareEdit>
    <StatementForm />
  </ConflictAwareEdit>
);

export default StatementEdit;
