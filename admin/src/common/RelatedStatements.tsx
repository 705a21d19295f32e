import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { DataTable, Pagination, ReferenceField, ReferenceManyField } from 'react-admin';
import type { Statement } from '../types';
import { ActorNameField } from './ActorName';
import { StanceChipField } from './StanceChip';
import { DisplayDateField, TypeStatusField } from '../statements/StatementChips';

/**
 * The statements that point to the current record through `target` (speakerId, topicId, …),
 * in date order, as a compact table; each row opens the statement.
 */
export const RelatedStatements = ({
  target,
  title,
  actions,
  showSpeaker = true,
}: {
  target: 'speakerId' | 'actorId' | 'topicId' | 'sourceId' | 'stanceId';
  title: string;
  actions?: ReactNode;
  showSpeaker?: boolean;
}) => (
  <Box component="section" aria-label={title} sx={{ mt: 3 }}>
    <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      {actions}
    </Box>
    <ReferenceManyField
      reference="statements"
      target={target}
      sort={{ field: 'date', order: 'ASC' }}
      perPage={50}
      pagination={<Pagination rowsPerPageOptions={[50, 100, 200]} />}
      empty={<Typography color="text.secondary">None yet.</Typography>}
    >
      <DataTable<Statement> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="date" label="Date" disableSort>
          <DisplayDateField />
        </DataTable.Col>
        {showSpeaker && (
          <DataTable.Col label="Speaker" disableSort>
            <ReferenceField source="speakerId" reference="actors" link={false}>
              <ActorNameField />
            </ReferenceField>
          </DataTable.Col>
        )}
        <DataTable.Col source="headline" label="Headline" disableSort />
        <DataTable.Col label="Stance" disableSort>
          <ReferenceField source="stanceId" reference="stances" link={false} emptyText="—">
            <StanceChipField />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col label="Type / status" disableSort>
          <TypeStatusField />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  </Box>
);
