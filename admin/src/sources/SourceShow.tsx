import { Card, CardContent, Typography } from '@mui/material';
import { EditButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { RelatedStatements } from '../common/RelatedStatements';
import { RecordShowTabs } from '../history/RecordShowTabs';
import { ExternalLink } from '../statements/StatementSources';
import type { Source } from '../types';
import { RecordPageBox, useRecordLoadOptions } from '../common/RecordPage';

const SourceCard = () => {
  const source = useRecordContext<Source>();
  if (!source) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="h5" component="h1" lang={source.language ?? undefined}>
          {source.title}
        </Typography>
        <Typography sx={{ mt: 1 }}>
          {[source.publisher, source.authors.join(', '), source.publishedOn, source.kind, source.language].filter(Boolean).join(' · ')}
        </Typography>
        {source.translatedFrom && (
          <Typography variant="body2" data-testid="source-translated-from">
            A translation; the original is in <span lang="en">{source.translatedFrom}</span>.
          </Typography>
        )}
        {source.url && (
          <Typography variant="body2">
            <ExternalLink href={source.url}>{source.url}</ExternalLink>
          </Typography>
        )}
        {source.archiveUrl && (
          <Typography variant="body2">
            Archived: <ExternalLink href={source.archiveUrl}>{source.archiveUrl}</ExternalLink>
          </Typography>
        )}
        {source.accessedOn && (
          <Typography variant="body2" color="text.secondary">
            Accessed {source.accessedOn}
          </Typography>
        )}
        <RelatedStatements target="sourceId" title="Statements citing this source" />
      </CardContent>
    </Card>
  );
};

export const SourceShow = () => (
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
      <SourceCard />
    </RecordShowTabs>
  </Show>
);

export default SourceShow;
