import { Card, type CardProps } from '@mui/material';
import { useCallback, useContext, type ComponentProps } from 'react';
import { EditContext, ShowContext, useNotify, useRedirect, useResourceContext } from 'react-admin';
import { isServerUnreachable, unreachableDetail } from './serverUnreachable';
import { ServerUnreachableAlert } from './ServerUnreachableAlert';

/**
 * The `queryOptions` of a record's page (Edit, Show): a record that cannot be (re)loaded because
 * the server does not answer is not "not found". The page stays, with what it holds, and says so
 * (RecordPageBody, and in a form RecordReloadNotice); react-admin's default — back to the list
 * with "Element does not exist" — is kept for a real 404 and other refusals.
 */
export function useRecordLoadOptions() {
  const notify = useNotify();
  const redirect = useRedirect();
  const resource = useResourceContext();
  const onError = useCallback(
    (error: unknown) => {
      if (isServerUnreachable(error)) return;
      notify('ra.notification.item_doesnt_exist', { type: 'error' });
      redirect('list', resource);
    },
    [notify, redirect, resource],
  );
  return { onError };
}

/**
 * The body of a record's page (the `component` of Edit or Show), as a card or a plain box: the
 * record as usual; when the server cannot be reached, "Cannot reach the server" with Retry in its
 * place if the record was never loaded, or above it (Show; an edit form says it itself) if what
 * is shown is an earlier copy.
 */
const RecordPageBody = ({ as: Container, children, ...props }: { as: 'div' | typeof Card } & CardProps & ComponentProps<'div'>) => {
  const edit = useContext(EditContext);
  const show = useContext(ShowContext);
  const page = edit ?? show;
  const unreachable = page && isServerUnreachable(page.error) ? page.error : null;
  const notice = unreachable && page && (
    <ServerUnreachableAlert onRetry={() => void page.refetch()} retrying={page.isFetching} testId="record-unreachable">
      {unreachableDetail(unreachable)}{' '}
      {page.record ? 'This page shows the record as loaded earlier: it may have changed since.' : 'The record could not be loaded.'}
    </ServerUnreachableAlert>
  );
  return (
    <Container {...props}>
      {!page?.record && notice}
      {page?.record && !edit && notice}
      {(page?.record || !notice) && children}
    </Container>
  );
};

export const RecordPageCard = (props: CardProps) => <RecordPageBody as={Card} {...props} />;
export const RecordPageBox = (props: ComponentProps<'div'>) => <RecordPageBody as="div" {...props} />;
