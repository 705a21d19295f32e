import { Box, Card, CardActionArea, Typography } from '@mui/material';
import { RecordContextProvider, ReferenceField, useCreatePath, useListContext, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { ActorNameField } from '../common/ActorName';
import { StanceChipField } from '../common/StanceChip';
import type { Statement } from '../types';
import { DisplayDateField } from './StatementChips';

/** One statement as a card: when, who, the headline, the stance; the whole card opens its record. */
const StatementCard = () => {
  const record = useRecordContext<Statement>();
  const createPath = useCreatePath();
  if (!record) return null;
  return (
    <Card variant="outlined" data-testid="statement-card" data-id={record.id}>
      <CardActionArea component={Link} to={createPath({ resource: 'statements', id: record.id, type: 'show' })} sx={{ p: 1.5 }}>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 1, fontSize: '0.875rem' }}>
          <DisplayDateField />
          <ReferenceField source="stanceId" reference="stances" link={false} emptyText="">
            <StanceChipField />
          </ReferenceField>
        </Box>
        <Typography component="div" variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          <ReferenceField source="speakerId" reference="actors" link={false}>
            <ActorNameField inline />
          </ReferenceField>
        </Typography>
        <Typography component="h2" variant="body1" sx={{ fontWeight: 500, mt: 0.5, overflowWrap: 'anywhere' }}>
          {record.headline}
        </Typography>
      </CardActionArea>
    </Card>
  );
};

/**
 * The statement list on a phone: a table's columns do not fit, a card per statement does (date,
 * speaker, headline, stance). The list's other parts (filters, pagination, export) are the same.
 */
export const StatementCards = () => {
  const { data, isPending } = useListContext<Statement>();
  if (isPending) return null;
  if (!data?.length) {
    return (
      <Typography sx={{ p: 2 }} color="text.secondary">
        No statements match these filters.
      </Typography>
    );
  }
  return (
    <Box component="ul" aria-label="Statements" sx={{ listStyle: 'none', m: 0, p: 1, display: 'grid', gap: 1 }}>
      {data.map((record) => (
        <li key={record.id}>
          <RecordContextProvider value={record}>
            <StatementCard />
          </RecordContextProvider>
        </li>
      ))}
    </Box>
  );
};
