import CategoryIcon from '@mui/icons-material/CategoryOutlined';
import DateRangeIcon from '@mui/icons-material/DateRange';
import EditNoteIcon from '@mui/icons-material/EditNote';
import PersonIcon from '@mui/icons-material/PersonOutline';
import ImportIcon from '@mui/icons-material/UploadFile';
import { Box, Card, CardContent } from '@mui/material';
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
import { ACCOUNT_RESOURCE_LABELS, isAccountResource } from './accountActivity';

/*
 * The API filters by instant (at_gte, at_lte); people think in days of their own time zone. A
 * day typed here becomes the instant its local day starts ("From") or ends ("Until"), so that
 * "Until 2026-11-30" includes the 30th; the URL keeps the instant, the input shows the day.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (value: unknown) => {
  if (typeof value !== 'string' || !value.includes('T')) return (value as string | undefined) ?? '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};
const instantAt = (time: string) => (value: string) =>
  DAY.test(value) && !Number.isNaN(Date.parse(`${value}T${time}`)) ? new Date(`${value}T${time}`).toISOString() : value;
const startOfDay = instantAt('00:00:00');
const endOfDay = instantAt('23:59:59.999');
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
        <Box sx={{ pl: 1.5, pr: 1 }}>
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
export const ActivityFilterSidebar = () => {
  return (
    <Card
      component="aside"
      aria-label="Filters"
      sx={{ order: -1, mr: 2, mt: 8, width: 240, flexShrink: 0, alignSelf: 'flex-start', display: { xs: 'none', md: 'block' } }}
    >
      <CardContent sx={{ pt: 1, '& .RaFilterListSection-root, & .RaFilterList-root': { mt: 1.5 } }}>
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
      </CardContent>
    </Card>
  );
};
