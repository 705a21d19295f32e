import { Alert, AlertTitle, Button } from '@mui/material';
import { Pagination, useListContext, type PaginationProps } from 'react-admin';
import { isServerUnreachable, unreachableDetail } from './serverUnreachable';
import { ServerUnreachableAlert } from './ServerUnreachableAlert';

/**
 * What a list shows when it could not be read (every List's `error`, theme.ts): "Cannot reach
 * the server" with Retry when no answer came, the server's reason otherwise — never an empty
 * list that reads as "no records".
 */
export const ListLoadError = () => {
  const { error, refetch, isFetching } = useListContext();
  if (isServerUnreachable(error)) {
    return (
      <ServerUnreachableAlert onRetry={() => void refetch()} retrying={isFetching} testId="list-load-error">
        {unreachableDetail(error)} The list is shown again once it answers.
      </ServerUnreachableAlert>
    );
  }
  return (
    <Alert
      severity="error"
      data-testid="list-load-error"
      action={
        <Button color="inherit" size="small" onClick={() => void refetch()} disabled={isFetching}>
          Retry
        </Button>
      }
    >
      <AlertTitle>The list could not be loaded</AlertTitle>
      {error?.message}
    </Alert>
  );
};

/** The pagination, but none under an error: "1-25 of 25" would speak of rows that are not shown. */
export const ListPagination = (props: PaginationProps) => {
  const { error } = useListContext();
  return error ? null : <Pagination {...props} />;
};
