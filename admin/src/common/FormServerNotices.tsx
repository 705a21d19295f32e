import { useMutationState } from '@tanstack/react-query';
import { useContext, useState } from 'react';
import { EditContext, useResourceContext } from 'react-admin';
import { isServerUnreachable, unreachableDetail } from './serverUnreachable';
import { ServerUnreachableAlert } from './ServerUnreachableAlert';

/**
 * Above an edit form whose record could not be reloaded because the server does not answer: the
 * form still shows the record as loaded earlier (and keeps what is typed); Retry reloads it.
 */
export const RecordReloadNotice = () => {
  const edit = useContext(EditContext);
  const resource = useResourceContext();
  // A "new …" dialog inside an edit form sees the edit page's context: not its record.
  if (!edit?.record || edit.resource !== resource || !isServerUnreachable(edit.error)) return null;
  return (
    <ServerUnreachableAlert onRetry={() => void edit.refetch()} retrying={edit.isFetching} testId="record-unreachable">
      {unreachableDetail(edit.error)} The form shows this record as loaded earlier: it may have changed since. What you type stays in the
      form.
    </ServerUnreachableAlert>
  );
};

/**
 * Above the Save button when the last save of this form got no answer: nothing was saved,
 * everything typed is still in the form, and Retry sends it again (a submit of the form).
 */
export const SaveUnreachableNotice = () => {
  const resource = useResourceContext();
  const [shownSince] = useState(() => Date.now());
  const saves = useMutationState({
    filters: {
      // react-admin's keys: [resource, 'create' | 'update', params].
      predicate: ({ options: { mutationKey: key } }) =>
        resource !== undefined && key?.[0] === resource && (key[1] === 'create' || key[1] === 'update'),
    },
    select: (mutation) => ({ at: mutation.state.submittedAt, status: mutation.state.status, error: mutation.state.error }),
  });
  const last = saves
    .filter((save) => save.at >= shownSince)
    .sort((a, b) => a.at - b.at)
    .at(-1);
  if (!last || last.status !== 'error' || !isServerUnreachable(last.error)) return null;
  return (
    <ServerUnreachableAlert submit testId="save-unreachable">
      {unreachableDetail(last.error)} Nothing was saved; your changes are still in the form. Retry sends them again.
    </ServerUnreachableAlert>
  );
};
