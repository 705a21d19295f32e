import { Box } from '@mui/material';
import {
  ColumnsButton,
  CreateButton,
  DataTable,
  List,
  ReferenceArrayField,
  ReferenceField,
  SingleFieldList,
  ChipField,
  TopToolbar,
  useListContext,
  useRecordContext,
} from 'react-admin';
import { ActorNameField } from '../common/ActorName';
import { StanceChipField } from '../common/StanceChip';
import { ExportMenu } from '../export/ExportMenu';
import { SaveSnapshotButton } from '../snapshots/SaveSnapshotButton';
import type { Statement } from '../types';
import { OpenTimelineButton } from './OpenTimelineButton';
import { DisplayDateField, ReviewField, TypeStatusField } from './StatementChips';
import { StatementFilterSidebar } from './StatementFilterSidebar';
import { useStatementBulkActions } from './StatementBulkActions';

const ListActions = () => {
  const { filterValues, sort } = useListContext();
  return (
    <TopToolbar>
      <OpenTimelineButton filter={filterValues} />
      <ColumnsButton />
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
 */
const HeadlineWithQuote = () => {
  const record = useRecordContext<Statement>();
  if (!record) return null;
  return (
    <Box>
      <Box component="span" sx={{ fontWeight: 500 }}>
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

export const StatementList = () => {
  const bulkActions = useStatementBulkActions();
  return (
    <List
      sort={{ field: 'date', order: 'ASC' }}
      perPage={25}
      aside={<StatementFilterSidebar savedQueries />}
      actions={<ListActions />}
      // A narrow window scrolls the table, not the page (the toolbar stays in view). The table's
      // own wrapper scrolls, not the list's content: the bulk actions toolbar (Move to trash)
      // slides up out of the content over the list toolbar, and a scrolling content would clip it.
      sx={{ '& .RaList-main': { minWidth: 0 }, '& .RaDataTable-tableWrapper': { overflowX: 'auto' } }}
    >
      <DataTable rowClick="show" bulkActionButtons={bulkActions}>
        <Column source="date" label="Date">
          <DisplayDateField />
        </Column>
        <Column source="speakerName" label="Speaker">
          <ReferenceField source="speakerId" reference="actors" link={false}>
            <ActorNameField />
          </ReferenceField>
        </Column>
        <Column source="headline" label="Headline" cellSx={() => ({ minWidth: '14em' })}>
          <HeadlineWithQuote />
        </Column>
        <Column source="stanceScore" label="Stance">
          <ReferenceField source="stanceId" reference="stances" link={false} emptyText="—">
            <StanceChipField />
          </ReferenceField>
        </Column>
        <Column label="Topics" disableSort cellSx={() => ({ minWidth: '9em' })}>
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
    </List>
  );
};

export default StatementList;
