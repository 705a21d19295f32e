import CategoryIcon from '@mui/icons-material/CategoryOutlined';
import DateRangeIcon from '@mui/icons-material/DateRange';
import EditNoteIcon from '@mui/icons-material/EditNote';
import PersonIcon from '@mui/icons-material/PersonOutline';
import ImportIcon from '@mui/icons-material/UploadFile';
import { Box } from '@mui/material';
import {
  AutocompleteInput,
  FilterList,
  FilterListItem,
  FilterListSection,
  FilterLiveForm,
  ReferenceInput,
  regex,
  TextInput,
  useCanAccess,
  useGetIdentity,
  useGetResourceLabel,
  useListContext,
} from 'react-admin';
import { ACTION_LABELS } from '../history/revisionActions';
import { REVISION_ACTIONS, REVISION_RESOURCES, type Revision } from '../types';
import { FilterBar } from '../filters/FilterBar';
import { FilterSidebar } from '../filters/FilterSidebar';
import { ACCOUNT_RESOURCE_LABELS, isAccountResource } from './accountActivity';
import { dayOf, endOfDay, startOfDay } from './activityDays';
import { useActivityFilterChips } from './useActivityFilterChips';

const validDay = regex(/^\d{4}-\d{2}-\d{2}T/, 'Write YYYY-MM-DD');

/**
 * Whose changes. Everyone can pick their own, or anyone whose name appears in the feed (click the
 * name in a row); admins, who may list the accounts, can also search for any user.
 */
const WhoFilter = () => {
  const { identity } = useGetIdentity();
  const { filterValues, data } = useListContext<Revision>();
  const { canAccess: canListUsers } = useCanAccess({ resource: 'users', action: 'list' });
  const chosen = filterValues.userId !== undefined ? Number(filterValues.userId) : undefined;
  const chosenName =
    chosen === undefined || chosen === identity?.id ? undefined : data?.find((revision) => revision.user?.id === chosen)?.user?.name;
  return (
    <FilterList label="Changed by" icon={<PersonIcon />}>
      {identity && <FilterListItem label="Me" value={{ userId: identity.id }} />}
      {chosen !== undefined && chosen !== identity?.id && (
        <FilterListItem label={chosenName ?? `User #${chosen}`} value={{ userId: chosen }} />
      )}
      {canListUsers && (
        <Box component="li" sx={{ pl: 1.5, pr: 1, listStyle: 'none' }}>
          <FilterLiveForm>
            <ReferenceInput source="userId" reference="users" sort={{ field: 'displayName', order: 'ASC' }}>
              <AutocompleteInput
                optionText="displayName"
                label={false}
                helperText={false}
                size="small"
                TextFieldProps={{ placeholder: 'Anyone' }}
              />
            </ReferenceInput>
          </FilterLiveForm>
        </Box>
      )}
    </FilterList>
  );
};

/** The changes of one import, when the feed was opened from it; a click shows the whole feed again. */
const ImportFilter = () => {
  const { filterValues } = useListContext<Revision>();
  if (filterValues.importId === undefined) return null;
  return (
    <FilterList label="Import" icon={<ImportIcon />}>
      <FilterListItem label={`Changes of import ${String(filterValues.importId)}`} value={{ importId: filterValues.importId }} />
    </FilterList>
  );
};

/** Kinds of record; accounts and API tokens for admins only (the server shows their changes to no one else). */
const RecordFilter = () => {
  const getResourceLabel = useGetResourceLabel();
  const { canAccess: isAdmin } = useCanAccess({ resource: 'users', action: 'list' });
  const resources = REVISION_RESOURCES.filter((resource) => isAdmin || !isAccountResource(resource));
  return (
    <FilterList label="Record" icon={<CategoryIcon />}>
      {resources.map((resource) => (
        <FilterListItem
          key={resource}
          label={isAccountResource(resource) ? ACCOUNT_RESOURCE_LABELS[resource].many : getResourceLabel(resource, 2)}
          value={{ resource }}
        />
      ))}
    </FilterList>
  );
};

/** Who, what kind of record, which action, since when: the activity feed's filters (in the URL). */
const ActivityFilters = () => (
  <>
    <ImportFilter />
    <WhoFilter />
    <RecordFilter />
    <FilterList label="Action" icon={<EditNoteIcon />}>
      {REVISION_ACTIONS.map((action) => (
        <FilterListItem key={action} label={ACTION_LABELS[action]} value={{ action }} />
      ))}
    </FilterList>
    <FilterListSection label="When" icon={<DateRangeIcon />}>
      <FilterLiveForm>
        <Box sx={{ display: 'flex', gap: 1 }}>
          <TextInput
            source="at_gte"
            label="From"
            placeholder="2026-11-01"
            parse={startOfDay}
            format={dayOf}
            validate={validDay}
            helperText={false}
            size="small"
          />
          <TextInput
            source="at_lte"
            label="Until"
            placeholder="2026-11-30"
            parse={endOfDay}
            format={dayOf}
            validate={validDay}
            helperText={false}
            size="small"
          />
        </Box>
      </FilterLiveForm>
    </FilterListSection>
  </>
);

/** Beside the feed, on a wide screen. */
export const ActivityFilterSidebar = () => (
  <FilterSidebar belowToolbar width={240}>
    <ActivityFilters />
  </FilterSidebar>
);

/** On a narrow screen: a Filters button and the active filters as chips. */
export const ActivityFilterBar = () => {
  const active = useActivityFilterChips();
  return (
    <FilterBar active={active}>
      <ActivityFilters />
    </FilterBar>
  );
};
