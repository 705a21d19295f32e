import { Box, Button as MuiButton, Card, CardContent, Typography } from '@mui/material';
import { EditButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { RelatedStatements } from '../common/RelatedStatements';
import { RecordShowTabs } from '../history/RecordShowTabs';
import { languageOfCountry } from '../common/language';
import { ExternalLink } from '../statements/StatementSources';
import { OpenTimelineButton } from '../statements/OpenTimelineButton';
import { statementListPath } from '../statements/statementListAddress';
import type { Actor } from '../types';
import { RecordPageBox, useRecordLoadOptions } from '../common/RecordPage';

const ActorCard = () => {
  const actor = useRecordContext<Actor>();
  if (!actor) return null;
  const involving = statementListPath({ actorId: [actor.id] });
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1">
          {actor.name}
        </Typography>
        {actor.nativeName && (
          <Typography variant="h6" component="p" color="text.secondary" lang={languageOfCountry(actor.country)}>
            {actor.nativeName}
          </Typography>
        )}
        <Typography sx={{ mt: 1 }}>{[actor.title, actor.country, actor.kind].filter(Boolean).join(' · ')}</Typography>
        {actor.aliases.length > 0 && (
          <Typography variant="body2" color="text.secondary">
            Also written: {actor.aliases.join(', ')}
          </Typography>
        )}
        {actor.wikidataId && (
          <Typography variant="body2">
            Wikidata: <ExternalLink href={`https://www.wikidata.org/wiki/${actor.wikidataId}`}>{actor.wikidataId}</ExternalLink>
          </Typography>
        )}
        {actor.description && <Typography sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>{actor.description}</Typography>}
        <RelatedStatements
          target="speakerId"
          title={`Statements by ${actor.name}`}
          showSpeaker={false}
          actions={
            <Box sx={{ display: 'flex', gap: 1 }}>
              <OpenTimelineButton filter={{ speakerId: [actor.id] }} />
              <MuiButton size="small" component={Link} to={involving}>
                All entries involving {actor.name}
              </MuiButton>
            </Box>
          }
        />
      </CardContent>
    </Card>
  );
};

export const ActorShow = () => (
  <Show
    component={RecordPageBox}
    queryOptions={useRecordLoadOptions()}
    actions={
      <TopToolbar>
        <EditButton />
      </TopToolbar>
    }
  >
    <RecordShowTabs>
      <ActorCard />
    </RecordShowTabs>
  </Show>
);

export default ActorShow;
