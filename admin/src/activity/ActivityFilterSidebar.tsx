import CategoryIcon from '@mui/icons-material/CategoryOutlined';
import DateRangeIcon from '@mui/icons-material/DateRange';
import EditNoteIcon from '@mui/icons-material/EditNote';
import PersonIcon from '@mui/icons-material/PersonOutline';
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
import { REVISION_ACTIONS, VERSIONED_RESOURCES, type Revision } from '../types';

const validDay = regex(/^\d{4}-\d{2}-\d{2}$/, 'Write YYYY-MM-DD');

/**
 * Whose changes. Everyone can pick their own, or anyone whose name appears in the feed (click the
 * name in a row); admins, who may list the accounts, can also search for any user.
 */
const WhoFilter = () => {
  const { identity } = useGetIdentity();
  const { filterValues, data } = useListContext<Revision>();
  const { canAccess: canListUsers } = useCanAccess({ resource: 'users', action: 'list' });
  const chosen = filterValues.userId !== undefined ? Number(filterValues.userId) : undefined;
  const chosenName = chosen === undefined || chosen === identity?.id ? undefined : data?.find((revision) => revision.user?.id === chosen)?.user?.name;
  return (
    <FilterList label="Changed by" icon={<PersonIcon />}>
      {identity && <FilterListItem label="Me" value={{ userId: identity.id }} />}
      {chosen !== undefined && chosen !== identity?.id && <FilterListItem label={chosenName ?? `User #${chosen}`} value={{ userId: chosen }} />}
      {canListUsers && (
        <Box sx={{ pl: 1.5, pr: 1 }}>
          <FilterLiveForm>
            <ReferenceInput source="userId" reference="users" sort={{ field: 'displayName', order: 'ASC' }}>
              <AutocompleteInput optionText="displayName" label={false} helperText={false} size="small" TextFieldProps={{ placeholder: 'Anyone' }} />
            </ReferenceInput>
          </FilterLiveForm>
        </Box>
      )}
    </FilterList>
  );
};

/** Who, what kind of record, which action, since when: the activity feed's filters (in the URL). */
export const ActivityFilterSidebar = () => {
  const getResourceLabel = useGetResourceLabel();
  return (
    <Card component="aside" aria-label="Filters" sx={{ order: -1, mr: 2, mt: 8, width: 240, flexShrink: 0, alignSelf: 'flex-start', display: { xs: 'none', md: 'block' } }}>
      <CardContent sx={{ pt: 1, '& .RaFilterListSection-root, & .RaFilterList-root': { mt: 1.5 } }}>
        <WhoFilter />
        <FilterList label="Record" icon={<CategoryIcon />}>
          {VERSIONED_RESOURCES.map((resource) => (
            <FilterListItem key={resource} label={getResourceLabel(resource, 2)} value={{ resource }} />
          ))}
        </FilterList>
        <FilterList label="Action" icon={<EditNoteIcon />}>
          {REVISION_ACTIONS.map((action) => (
            <FilterListItem key={action} label={ACTION_LABELS[action]} value={{ action }} />
          ))}
        </FilterList>
        <FilterListSection label="When" icon={<DateRangeIcon />}>
          <FilterLiveForm>
            <Box sx={{ display: 'flex', gap: 1 }}>
              <TextInput source="at_gte" label="From" placeholder="2026-11-01" validate={validDay} helperText={false} size="small" />
              <TextInput source="at_lte" label="Until" placeholder="2026-11-30" validate={validDay} helperText={false} size="small" />
            </Box>
          </FilterLiveForm>
        </FilterListSection>
      </CardContent>
    </Card>
  );
};
