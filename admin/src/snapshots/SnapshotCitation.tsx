import { Alert, Box, Skeleton, Tab, Tabs } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider } from 'react-admin';
import { CopyButton } from '../common/CopyButton';
import type { ChronicleDataProvider } from '../dataProvider';
import type { Snapshot } from '../types';
import { CITATION_LABELS, CITATION_STYLES, type CitationStyle } from './snapshotUrls';

/**
 * How to cite the snapshot, as the server writes it (GET /api/snapshots/:id/citation): APA for
 * a text, BibTeX, RIS and CSL-JSON for reference managers, each with a copy button.
 */
export const SnapshotCitation = ({ snapshot }: { snapshot: Snapshot }) => {
  const [style, setStyle] = useState<CitationStyle>('apa');
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  // Keyed by version too: a new title is a new citation.
  const citation = useQuery({
    queryKey: ['snapshots', 'citation', snapshot.id, snapshot.version, style],
    queryFn: ({ signal }) => dataProvider.getSnapshotCitation(snapshot.id, style, signal).then(({ data }) => data),
    staleTime: Infinity,
  });
  const { label, monospace } = CITATION_LABELS[style];
  return (
    <Box>
      <Tabs value={style} onChange={(_, next: CitationStyle) => setStyle(next)} aria-label="Citation style" sx={{ minHeight: 36 }}>
        {CITATION_STYLES.map((choice) => (
          <Tab key={choice} value={choice} label={CITATION_LABELS[choice].label} sx={{ minHeight: 36, py: 0.5, textTransform: 'none' }} />
        ))}
      </Tabs>
      <Box role="tabpanel" aria-label={`${label} citation`} sx={{ mt: 1 }}>
        {citation.error ? (
          <Alert severity="error">The citation could not be loaded: {citation.error.message}</Alert>
        ) : citation.data === undefined ? (
          <Skeleton variant="rounded" height={64} />
        ) : (
          <>
            <Box
              component="pre"
              data-testid="citation-text"
              data-style={style}
              sx={{
                m: 0,
                p: 1.5,
                bgcolor: 'action.hover',
                borderRadius: 1,
                whiteSpace: 'pre-wrap',
                wordBreak: 'break-word',
                overflowX: 'auto',
                maxHeight: 320,
                fontFamily: monospace ? 'monospace' : 'inherit',
                fontSize: monospace ? '0.78rem' : '0.95rem',
              }}
            >
              {citation.data}
            </Box>
            <CopyButton text={citation.data} what={`the ${label} citation`} />
          </>
        )}
      </Box>
    </Box>
  );
};
