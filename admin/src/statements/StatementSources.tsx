import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Box, Chip, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useGetMany } from 'react-admin';
import type { Source, Statement } from '../types';

type Citation = Statement['sources'][number];

/** An outside link: new tab, no referrer or opener handed to the site. */
export const ExternalLink = ({ href, children }: { href: string; children: React.ReactNode }) => (
  <MuiLink href={href} target="_blank" rel="noopener noreferrer">
    {children}
    <OpenInNewIcon sx={{ fontSize: '0.8em', ml: 0.25, verticalAlign: 'baseline' }} />
  </MuiLink>
);

/** How a statement cites a source: its role, where in it, and the passage. */
const CitationDetails = ({ citation }: { citation: Citation | undefined }) => {
  if (!citation || (!citation.role && !citation.locator && !citation.excerpt)) return null;
  return (
    <Box data-testid="citation-details" sx={{ mt: 0.5 }}>
      <Typography component="div" variant="body2" lang="en">
        {citation.role && <Chip size="small" variant="outlined" label={citation.role} sx={{ mr: 1 }} />}
        {citation.locator && (
          <Box component="span" sx={{ color: 'text.secondary' }}>
            at {citation.locator}
          </Box>
        )}
      </Typography>
      {citation.excerpt && (
        <Box
          component="blockquote"
          sx={{ m: 0, mt: 0.5, pl: 1.5, borderLeft: 2, borderColor: 'divider', whiteSpace: 'pre-wrap', fontSize: '0.9rem' }}
        >
          {citation.excerpt}
        </Box>
      )}
    </Box>
  );
};

/**
 * The sources of a statement in citation order (the API answers a getMany in id order), each
 * with how the statement cites it (`citations`, aligned with `ids`).
 */
export const StatementSources = ({ ids, citations = [] }: { ids: number[]; citations?: Citation[] }) => {
  const { data, isPending } = useGetMany<Source>('sources', { ids }, { enabled: ids.length > 0 });
  if (!ids.length) return <Typography color="text.secondary">No source recorded yet.</Typography>;
  if (isPending || !data) return null;
  const byId = new Map(data.map((source) => [source.id, source]));
  return (
    <Box component="ol" sx={{ m: 0, pl: 3, '& li': { mb: 1 } }}>
      {ids.map((id) => {
        const source = byId.get(id);
        const citation = citations.find((c) => c.sourceId === id);
        if (!source)
          return (
            <li key={id}>
              Source {id} (deleted)
              <CitationDetails citation={citation} />
            </li>
          );
        const details = [source.publisher, source.authors.join(', '), source.publishedOn].filter(Boolean).join(' · ');
        return (
          <li key={id} lang={source.language ?? undefined}>
            {source.url ? <ExternalLink href={source.url}>{source.title}</ExternalLink> : <span>{source.title}</span>}
            {details && (
              <Typography component="div" variant="body2" color="text.secondary">
                {details}
              </Typography>
            )}
            <Typography component="div" variant="caption" color="text.secondary" lang="en">
              {source.kind}
              {source.accessedOn && ` · accessed ${source.accessedOn}`}
              {source.archiveUrl && (
                <>
                  {' · '}
                  <ExternalLink href={source.archiveUrl}>archived copy</ExternalLink>
                </>
              )}
              {' · '}
              <MuiLink component={Link} to={`/sources/${source.id}/show`}>
                source record
              </MuiLink>
            </Typography>
            <CitationDetails citation={citation} />
          </li>
        );
      })}
    </Box>
  );
};
