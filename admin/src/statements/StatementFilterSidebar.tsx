import CategoryIcon from '@mui/icons-material/CategoryOutlined';
import DateRangeIcon from '@mui/icons-material/DateRange';
import EventIcon from '@mui/icons-material/EventOutlined';
import GroupsIcon from '@mui/icons-material/GroupsOutlined';
import LabelIcon from '@mui/icons-material/LabelOutlined';
import PaletteIcon from '@mui/icons-material/PaletteOutlined';
import PersonIcon from '@mui/icons-material/RecordVoiceOverOutlined';
import FactCheckIcon from '@mui/icons-material/FactCheckOutlined';
import { Box, Button, Card, CardContent, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import {
  AutocompleteArrayInput,
  FilterList,
  FilterListItem,
  FilterListSection,
  FilterLiveForm,
  FilterLiveSearch,
  ReferenceArrayInput,
  regex,
  TextInput,
  useGetList,
  useListContext,
} from 'react-admin';
import { actorOptionText } from '../common/ActorName';
import { ColorDot } from '../common/StanceChip';
import { SavedQueriesPanel } from '../saved-queries/SavedQueriesPanel';
import { REVIEW_STATUSES, STATEMENT_STATUSES, STATEMENT_TYPES, type Stance } from '../types';
import { cumulativeFilter } from './cumulativeFilter';
import { dateModeOf, FILTER_DATE_PATTERN, type DateMode } from './statementFilters';

const byType = cumulativeFilter('type');
const byStatus = cumulativeFilter('status');
const byReview = cumulativeFilter('reviewStatus');
const byNeed = cumulativeFilter('needs');

/** The review filter (`needs`): what each finds, in a curator's words. */
const REVIEW_NEEDS: { need: string; label: string; title: string }[] = [
  { need: 'quoteKind', label: 'quote kind not said', title: 'A quote nobody has marked verbatim, translation or paraphrase' },
  { need: 'source', label: 'no primary or reporting source', title: 'No source cited as primary or reporting' },
  { need: 'originalWording', label: 'translation without original', title: 'A translated quote without the original wording' },
  { need: 'inferredDate', label: 'date inferred', title: 'The date is inferred from context, not stated by the source' },
  { need: 'review', label: 'not verified', title: 'Still a draft' },
];
const byStance = cumulativeFilter('stanceId');

const validFilterDate = regex(FILTER_DATE_PATTERN, 'Write YYYY, YYYY-MM or YYYY-MM-DD');

/** Actors (as speakers, or as speakers or participants) picked by name, native name or alias. */
const ActorsFilter = ({ source, label, placeholder }: { source: 'speakerId' | 'actorId'; label: string; placeholder: string }) => (
  <FilterListSection label={label} icon={source === 'speakerId' ? <PersonIcon /> : <GroupsIcon />}>
    <FilterLiveForm>
      <ReferenceArrayInput source={source} reference="actors" sort={{ field: 'name', order: 'ASC' }} perPage={50}>
        <AutocompleteArrayInput
          label={false}
          optionText={actorOptionText}
          TextFieldProps={{ placeholder }}
          helperText={false}
          size="small"
          data-testid={`filter-${source}`}
        />
      </ReferenceArrayInput>
    </FilterLiveForm>
  </FilterListSection>
);

const StanceFilter = () => {
  const { data: stances } = useGetList<Stance>('stances', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'score', order: 'ASC' },
  });
  return (
    <FilterList label="Stance" icon={<PaletteIcon />}>
      {(stances ?? []).map((stance) => (
        <FilterListItem
          key={stance.id}
          label={
            <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
              <ColorDot color={stance.color} />
              {stance.name}
            </Box>
          }
          value={{ stanceId: stance.id }}
          {...byStance}
        />
      ))}
    </FilterList>
  );
};

const DATE_MODE_HINT: Record<DateMode, string> = {
  overlap: 'Overlapping: also entries dated more broadly that reach into these dates (“2019”, “c. 2019”, “by January 2019”).',
  within: 'Entirely within: only entries whose whole date lies between these dates.',
};

/** Which way the dates match, always in view: overlap (the API's default, left out of the URL) or within. */
const DateModeFilter = () => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const mode = dateModeOf(filterValues);
  const choose = (next: DateMode | null) => {
    if (!next || next === mode) return;
    const { date_mode: _previous, ...others } = filterValues;
    setFilters(next === 'within' ? { ...others, date_mode: 'within' } : others, displayedFilters);
  };
  return (
    <Box sx={{ mt: 1 }}>
      <ToggleButtonGroup
        size="small"
        exclusive
        fullWidth
        value={mode}
        onChange={(_, next: DateMode | null) => choose(next)}
        aria-label="Date match"
        data-testid="filter-date-mode"
      >
        <ToggleButton value="overlap" sx={{ py: 0.25, textTransform: 'none' }}>
          Overlapping
        </ToggleButton>
        <ToggleButton value="within" sx={{ py: 0.25, textTransform: 'none' }}>
          Entirely within
        </ToggleButton>
      </ToggleButtonGroup>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }} data-testid="filter-date-mode-hint">
        {DATE_MODE_HINT[mode]}
      </Typography>
    </Box>
  );
};

const ClearFilters = () => {
  const { filterValues, setFilters } = useListContext();
  if (!Object.keys(filterValues).length) return null;
  return (
    <Button size="small" onClick={() => setFilters({}, {})} sx={{ mb: 1 }}>
      Clear all filters
    </Button>
  );
};

/**
 * The filters researchers combine: who, how, about what, what kind, when, and free text.
 * Lists of values are "any of"; different filters combine with "and". The state lives in the
 * page URL (react-admin's list on /statements, query parameters on /timeline).
 */
export const StatementFilterSidebar = ({ savedQueries = false }: { savedQueries?: boolean }) => (
  <Card
    component="aside"
    aria-label="Filters"
    sx={{
      order: -1,
      mr: 2,
      mt: savedQueries ? 8 : 0,
      width: 260,
      flexShrink: 0,
      alignSelf: 'flex-start',
      display: { xs: 'none', md: 'block' },
    }}
  >
    <CardContent sx={{ pt: 1, '& .RaFilterListSection-root, & .RaFilterList-root': { mt: 1.5 } }}>
      <ClearFilters />
      <FilterLiveSearch source="q" placeholder="Search" hiddenLabel />
      {savedQueries && <SavedQueriesPanel />}
      <ActorsFilter source="speakerId" label="Speakers" placeholder="Any speaker" />
      <StanceFilter />
      <FilterListSection label="Topics" icon={<LabelIcon />}>
        <FilterLiveForm>
          <ReferenceArrayInput source="topicId" reference="topics" sort={{ field: 'name', order: 'ASC' }} perPage={50}>
            <AutocompleteArrayInput
              label={false}
              optionText="name"
              TextFieldProps={{ placeholder: 'Any topic' }}
              helperText={false}
              size="small"
            />
          </ReferenceArrayInput>
        </FilterLiveForm>
      </FilterListSection>
      <FilterList label="Type" icon={<CategoryIcon />}>
        {STATEMENT_TYPES.map((type) => (
          <FilterListItem key={type} label={type} value={{ type }} {...byType} />
        ))}
      </FilterList>
      <FilterList label="Status" icon={<EventIcon />}>
        {STATEMENT_STATUSES.map((status) => (
          <FilterListItem key={status} label={status} value={{ status }} {...byStatus} />
        ))}
      </FilterList>
      <FilterList label="Review" icon={<FactCheckIcon />}>
        {REVIEW_STATUSES.map((reviewStatus) => (
          <FilterListItem key={reviewStatus} label={reviewStatus} value={{ reviewStatus }} {...byReview} />
        ))}
      </FilterList>
      <FilterList label="Needs a look" icon={<FactCheckIcon />}>
        {REVIEW_NEEDS.map(({ need, label, title }) => (
          <FilterListItem key={need} label={label} title={title} value={{ needs: need }} {...byNeed} />
        ))}
      </FilterList>
      <FilterListSection label="Date" icon={<DateRangeIcon />}>
        <FilterLiveForm>
          <Box sx={{ display: 'flex', gap: 1 }}>
            <TextInput source="date_gte" label="From" placeholder="2019-01" validate={validFilterDate} helperText={false} size="small" />
            <TextInput source="date_lte" label="Until" placeholder="2019-06" validate={validFilterDate} helperText={false} size="small" />
          </Box>
        </FilterLiveForm>
        <DateModeFilter />
      </FilterListSection>
      <ActorsFilter source="actorId" label="Involving (speaker or participant)" placeholder="Anyone" />
    </CardContent>
  </Card>
);
