import CategoryIcon from '@mui/icons-material/CategoryOutlined';
import DateRangeIcon from '@mui/icons-material/DateRange';
import EventIcon from '@mui/icons-material/EventOutlined';
import GroupsIcon from '@mui/icons-material/GroupsOutlined';
import LabelIcon from '@mui/icons-material/LabelOutlined';
import PaletteIcon from '@mui/icons-material/PaletteOutlined';
import PersonIcon from '@mui/icons-material/RecordVoiceOverOutlined';
import FactCheckIcon from '@mui/icons-material/FactCheckOutlined';
import { Box, Button, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { ReactNode } from 'react';
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
  useListContext,
  useRecordContext,
} from 'react-admin';
import { actorOptionText } from '../common/ActorName';
import { ColorDot } from '../common/StanceChip';
import { REVIEW_STATUSES, STATEMENT_STATUSES, STATEMENT_TYPES, type Stance } from '../types';
import { cumulativeFilter } from './cumulativeFilter';
import { dateModeOf, FILTER_DATE_PATTERN, REVIEW_NEEDS, type DateMode } from './statementFilters';

const byType = cumulativeFilter('type');
const byStatus = cumulativeFilter('status');
const byReview = cumulativeFilter('reviewStatus');
const byNeed = cumulativeFilter('needs');

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

/** A stance with its colour, as a choice. */
const StanceOption = () => {
  const stance = useRecordContext<Stance>();
  return stance ? (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <ColorDot color={stance.color} />
      {stance.name}
    </Box>
  ) : null;
};
const stanceName = (stance: Stance | undefined) => stance?.name ?? '';
const matchStance = (typed: string, stance: Stance) => stance.name.toLowerCase().includes(typed.toLowerCase());

/** Stances picked in one field, in score order (a list of them all pushed the results out of view). */
const StanceFilter = () => (
  <FilterListSection label="Stance" icon={<PaletteIcon />}>
    <FilterLiveForm>
      <ReferenceArrayInput source="stanceId" reference="stances" sort={{ field: 'score', order: 'ASC' }} perPage={100}>
        <AutocompleteArrayInput
          label={false}
          optionText={<StanceOption />}
          inputText={stanceName}
          matchSuggestion={matchStance}
          TextFieldProps={{ placeholder: 'Any stance' }}
          helperText={false}
          size="small"
          data-testid="filter-stanceId"
        />
      </ReferenceArrayInput>
    </FilterLiveForm>
  </FilterListSection>
);

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
 * page URL (readable query parameters, the API's own filter names: statementListAddress.ts on
 * /statements, useTimelineUrlState on /timeline and /analysis). Drawn in the sidebar or, on a
 * narrow screen, in the filter drawer, whose bar keeps the search box in view (`search={false}`).
 */
export const StatementFilters = ({ savedQueries, search = true }: { savedQueries?: ReactNode; search?: boolean }) => (
  <>
    <ClearFilters />
    {search && <FilterLiveSearch source="q" placeholder="Search" hiddenLabel />}
    {savedQueries}
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
  </>
);
