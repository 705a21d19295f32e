import { Box, Card, useMediaQuery, type Theme } from '@mui/material';
import {
  ColumnsButton,
  CreateButton,
  DataTable,
  List,
  ReferenceArrayField,
  ReferenceField,
  SingleFieldList,
  TextField,
  ChipField,
  TopToolbar,
  useCreatePath,
  useListContext,
  useRecordContext,
} from 'react-admin';
import type { MouseEvent } from 'react';
import { Link } from 'react-router-dom';
import { ActorNameField } from '../common/ActorName';
import { StanceChipField } from '../common/StanceChip';
import { ExportMenu } from '../export/ExportMenu';
import { StatementListSavedQueries } from '../saved-queries/SavedQueriesPanel';
import { SaveSnapshotButton } from '../snapshots/SaveSnapshotButton';
import type { Statement } from '../types';
import { OpenTimelineButton } from './OpenTimelineButton';
import { ReadableListAddress } from './ReadableListAddress';
import { StatementCards } from './StatementCards';
import { DisplayDateField, ReviewField, TypeStatusField } from './StatementChips';
import { StatementFilterBar, StatementFilterSidebar } from './StatementFilterSidebar';
import { useStatementBulkActions } from './StatementBulkActions';

/** On a phone the actions wrap under one another rather than run off the screen; the cards have no columns to choose. */
const ListActions = () => {
  const { filterValues, sort } = useListContext();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', justifyContent: { xs: 'flex-start', sm: 'flex-end' } }}>
      <OpenTimelineButton filter={filterValues} />
      <Box sx={{ display: { xs: 'none', sm: 'contents' } }}>
        <ColumnsButton />
      </Box>
      <ExportMenu filter={filterValues} sort={sort} />
      <SaveSnapshotButton filter={filterValues} sort={sort} />
      <CreateButton />
    </TopToolbar>
  );
};

const Column = DataTable.Col<Statement>;

/**
 * The headline, and the start of the quote in its own language for context: in quotation marks
 * only when it is the speaker's words (verbatim or translation), a paraphrase marked as one.
 * Below `lg` the speaker's name is above it (COMPACT_TABLE). The headline is a link to the record,
 * so that the keyboard reaches and opens each one (a row only answers clicks).
 */
const HeadlineWithQuote = () => {
  const record = useRecordContext<Statement>();
  const createPath = useCreatePath();
  if (!record) return null;
  return (
    <Box>
      <Box component="span" sx={{ display: { xs: 'block', lg: 'none' }, color: 'text.secondary', fontSize: '0.8rem' }}>
        <ReferenceField source="speakerId" reference="actors" link={false}>
          <TextField source="name" />
        </ReferenceField>
      </Box>
      <Box
        component={Link}
        to={createPath({ resource: 'statements', id: record.id, type: 'show' })}
        // The row would open the record too.
        onClick={(event: MouseEvent) => event.stopPropagation()}
        sx={{ fontWeight: 500, color: 'inherit', textDecoration: 'none', '&:hover, &:focus-visible': { textDecoration: 'underline' } }}
      >
        {record.headline}
      </Box>
      {record.quote && (
        <Box
          component={record.quoteKind === 'verbatim' || record.quoteKind === 'translation' ? 'q' : 'span'}
          lang={record.quoteLanguage ?? undefined}
          title={record.quoteKind ?? undefined}
          sx={{
            display: '-webkit-box',
            WebkitLineClamp: 1,
            WebkitBoxOrient: 'vertical',
            overflow: 'hidden',
            color: 'text.secondary',
            fontSize: '0.8rem',
          }}
        >
          {record.quoteKind === 'paraphrase' && (
            <Box component="span" lang="en" sx={{ fontStyle: 'italic' }}>
              paraphrase:{' '}
            </Box>
          )}
          {record.quote}
        </Box>
      )}
    </Box>
  );
};

/**
 * Below `lg`, beside the filter sidebar and the collapsed menu (about 700 px at 1024), the table
 * is compressed rather than scrolled: the speaker moves above the headline, type and status
 * are left out (they remain filters), cells are narrower, long topics are cut.
 */
const COMPACT_TABLE = (theme: Theme) => ({
  [theme.breakpoints.down('lg')]: {
    '& .column-speakerName, & .column-type': { display: 'none' },
    '& .RaDataTable-headerCell, & .RaDataTable-rowCell': { px: 1 },
    '& td.column-headline': { minWidth: '10em' },
    '& td.column-topicIds .MuiChip-root': { maxWidth: '9em' },
  },
});

/** The list's page size, left out of its address when it is this. */
const LIST_DEFAULTS = { perPage: 25 };

export const StatementList = () => {
  const bulkActions = useStatementBulkActions();
  const onPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'), { noSsr: true });
  return (
    <ReadableListAddress defaults={LIST_DEFAULTS}>
      <List
        sort={{ field: 'date', order: 'ASC' }}
        perPage={LIST_DEFAULTS.perPage}
        aside={<StatementFilterSidebar savedQueries={<StatementListSavedQueries />} belowToolbar />}
        filters={<StatementFilterBar savedQueries={<StatementListSavedQueries />} />}
        actions={<ListActions />}
        component={onPhone ? Box : Card}
        sx={COMPACT_TABLE}
      >
        {onPhone ? <StatementCards /> : <StatementTable bulkActions={bulkActions} />}
      </List>
    </ReadableListAddress>
  );
};

const StatementTable = ({ bulkActions }: { bulkActions: ReturnType<typeof useStatementBulkActions> }) => (
  <DataTable rowClick="show" bulkActionButtons={bulkActions}>
    <Column source="date" label="Date">
      <DisplayDateField />
    </Column>
    <Column source="speakerName" label="Speaker">
      <ReferenceField source="speakerId" reference="actors" link={false}>
        <ActorNameField />
      </ReferenceField>
    </Column>
    <Column source="headline" label="Headline" cellSx={() => ({ minWidth: { lg: '14em' } })}>
      <HeadlineWithQuote />
    </Column>
    <Column source="stanceScore" label="Stance">
      <ReferenceField source="stanceId" reference="stances" link={false} emptyText="—">
        <StanceChipField />
      </ReferenceField>
    </Column>
    <Column source="topicIds" label="Topics" disableSort cellSx={() => ({ minWidth: { lg: '9em' } })}>
      <ReferenceArrayField source="topicIds" reference="topics">
        <SingleFieldList linkType={false} sx={{ gap: 0.5 }}>
          <ChipField source="name" size="small" variant="outlined" />
        </SingleFieldList>
      </ReferenceArrayField>
    </Column>
    <Column source="type" label="Type / status">
      <TypeStatusField />
    </Column>
    <Column source="reviewStatus" label="Review">
      <ReviewField />
    </Column>
  </DataTable>
);

export default StatementList;
