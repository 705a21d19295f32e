import { Box, Link as MuiLink } from '@mui/material';
import { DataTable, List, TopToolbar, useGetResourceLabel, useListContext, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatInstant } from '../common/formatInstant';
import { useFieldLabel } from '../history/FieldValue';
import { visibleChangedFields } from '../history/fields';
import { ActionChip } from '../history/revisionActions';
import { RevisionChanges } from '../history/RevisionChanges';
import { ImportActivityDetails } from '../imports/ImportActivityDetails';
import type { Revision, RevisionAction } from '../types';
import {
  ACCOUNT_ACTION_LABELS,
  ACCOUNT_RESOURCE_LABELS,
  AccountActivityDetails,
  accountChangeSummary,
  isAccountResource,
} from './accountActivity';
import { ActivityFilterBar, ActivityFilterSidebar } from './ActivityFilterSidebar';

/** The author; a click keeps only their changes. */
const AuthorField = () => {
  const revision = useRecordContext<Revision>();
  const { filterValues, setFilters } = useListContext();
  if (!revision) return null;
  if (!revision.user)
    return (
      <Box component="span" sx={{ color: 'text.secondary' }}>
        no recorded author
      </Box>
    );
  const user = revision.user;
  return (
    <MuiLink
      component="button"
      type="button"
      title={`Only changes by ${user.name}`}
      onClick={(event) => {
        event.stopPropagation(); // not the row's expand
        setFilters({ ...filterValues, userId: user.id }, {});
      }}
    >
      {user.name}
    </MuiLink>
  );
};

/** An import's own entries say what became of the file. */
const IMPORT_ACTION_LABELS: Partial<Record<RevisionAction, string>> = { create: 'imported', revert: 'undone' };

/** The action in the words of its kind of record: an import is "imported", a token "revoked". */
const actionLabel = (revision: Revision) =>
  revision.resource === 'imports'
    ? IMPORT_ACTION_LABELS[revision.action]
    : isAccountResource(revision.resource)
      ? ACCOUNT_ACTION_LABELS[revision.resource][revision.action]
      : undefined;

/** "Account: Bob" (leading to the account's page), "API token: laptop of Bob" (a token has no page). */
const AccountRecordField = ({ revision }: { revision: Revision }) => {
  const label = ACCOUNT_RESOURCE_LABELS[revision.resource as 'users' | 'tokens'].one;
  if (revision.resource === 'users')
    return (
      <span>
        {label}:{' '}
        <MuiLink component={Link} to={`/users/${revision.recordId}`} onClick={(event) => event.stopPropagation()}>
          {revision.label}
        </MuiLink>
      </span>
    );
  const owner = ((revision.after ?? revision.before)?.owner ?? null) as { name: string } | null;
  return (
    <span>
      {label}: {revision.label}
      {owner ? (
        <Box component="span" sx={{ color: 'text.secondary' }}>
          {' '}
          of {owner.name}
        </Box>
      ) : null}
    </span>
  );
};

/**
 * "Statement: Lavrov: These are Russian territories", linking to the record ("Import: Import of
 * coding.csv: 3 created…" to the import's report); a change an import made names it.
 */
const RecordField = () => {
  const revision = useRecordContext<Revision>();
  const getResourceLabel = useGetResourceLabel();
  if (!revision) return null;
  if (isAccountResource(revision.resource)) return <AccountRecordField revision={revision} />;
  const kind = getResourceLabel(revision.resource, 1);
  // A purged record has no page any more; one in the trash answers 404 until restored.
  if (revision.action === 'purge')
    return (
      <span>
        {kind}: {revision.label}
      </span>
    );
  return (
    <span>
      {kind}:{' '}
      <MuiLink component={Link} to={`/${revision.resource}/${revision.recordId}/show`} onClick={(event) => event.stopPropagation()}>
        {revision.label}
      </MuiLink>
      {revision.importId && revision.resource !== 'imports' ? (
        <Box component="span" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
          {' '}
          (by{' '}
          <MuiLink component={Link} to={`/imports/${revision.importId}/show`} onClick={(event) => event.stopPropagation()}>
            import {revision.importId}
          </MuiLink>
          )
        </Box>
      ) : null}
    </span>
  );
};

const ChangedFieldsField = () => {
  const revision = useRecordContext<Revision>();
  const label = useFieldLabel(revision?.resource ?? '');
  if (!revision) return null;
  if (isAccountResource(revision.resource)) return <span data-testid="account-change-summary">{accountChangeSummary(revision)}</span>;
  if (revision.action !== 'update') return null;
  return <span>{visibleChangedFields(revision.resource, revision.changedFields).map(label).join(', ')}</span>;
};

const RevisionDetails = () => {
  const revision = useRecordContext<Revision>();
  return revision ? (
    <Box sx={{ py: 1, pl: 2 }}>
      {revision.resource === 'imports' ? (
        <ImportActivityDetails revision={revision} />
      ) : isAccountResource(revision.resource) ? (
        <AccountActivityDetails revision={revision} />
      ) : (
        <RevisionChanges revision={revision} />
      )}
    </Box>
  ) : null;
};

/**
 * Recent changes across the database (GET /api/revisions), newest first. A row opens to show
 * the change field by field; the record's name leads to it. An import is one entry (its rows'
 * changes are listed when the feed is narrowed to it, filter importId). Admins also see account
 * changes (accountActivity.tsx); the server leaves them out for everyone else.
 */
export const ActivityList = () => (
  <List
    resource="revisions"
    title="Activity"
    sort={{ field: 'at', order: 'DESC' }}
    perPage={50}
    aside={<ActivityFilterSidebar />}
    filters={<ActivityFilterBar />}
    // Nothing to create or export here; react-admin's default actions would draw the filter bar a second time.
    actions={<TopToolbar />}
    exporter={false}
  >
    <DataTable<Revision> rowClick="expand" expand={<RevisionDetails />} bulkActionButtons={false}>
      <DataTable.Col source="at" label="When" cellSx={() => ({ whiteSpace: 'nowrap' })} render={(revision) => formatInstant(revision.at)} />
      <DataTable.Col label="Who" disableSort cellSx={() => ({ whiteSpace: 'nowrap' })}>
        <AuthorField />
      </DataTable.Col>
      <DataTable.Col
        label="Action"
        disableSort
        render={(revision: Revision) => <ActionChip action={revision.action} label={actionLabel(revision)} />}
      />
      <DataTable.Col label="Record" disableSort>
        <RecordField />
      </DataTable.Col>
      <DataTable.Col label="Fields changed" disableSort>
        <ChangedFieldsField />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default ActivityList;
