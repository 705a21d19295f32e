import { Alert, Box, Card, CardContent, Link as MuiLink, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Show, TopToolbar, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatInstant } from '../common/formatInstant';
import { RecordPageBox, useRecordLoadOptions } from '../common/RecordPage';
import type { ImportReport } from '../types';
import { ImportCountChips, ImportStatusChip } from './ImportChips';
import { ImportProgress } from './ImportProgress';
import { ImportReferences } from './ImportReferences';
import { IGNORE } from './importRequest';
import { counted, isSettled, POLL_INTERVAL_MS } from './importRun';
import { PagedImportRows } from './ImportRowsTable';
import { UndoImportButton } from './UndoImportButton';

const Part = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box component="section" aria-label={title} sx={{ mt: 3 }}>
    <Typography variant="overline" component="h2" color="text.secondary" sx={{ fontWeight: 700, letterSpacing: '0.1em' }}>
      {title}
    </Typography>
    {children}
  </Box>
);

/** The options the import ran with, in the wizard's words. */
function optionsInWords({ options }: ImportReport): string[] {
  const words = options.createMissing.map((collection) => `created missing ${collection}`);
  if (options.skipInvalid) words.push('skipped invalid rows');
  if (options.sheet) words.push(`sheet “${options.sheet}”`);
  for (const [column, target] of Object.entries(options.map)) {
    words.push(target === IGNORE ? `ignored column “${column}”` : `column “${column}” read as ${target}`);
  }
  return words;
}

/** The activity feed narrowed to this import's changes (its rows' revisions, and its undo's). */
const changesOf = (id: number) => `/revisions?filter=${encodeURIComponent(JSON.stringify({ importId: id }))}`;

const ImportCard = () => {
  const report = useRecordContext<ImportReport>();
  if (!report) return null;
  const options = optionsInWords(report);
  const wrote = report.status === 'finished' || report.status === 'undone';
  return (
    <Card>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h1">
            Import of {report.fileName || 'a file'}
          </Typography>
          <ImportStatusChip status={report.status} />
        </Box>
        <Typography color="text.secondary" sx={{ mt: 0.5 }}>
          {report.user?.name ?? 'No recorded author'} · {formatInstant(report.startedAt)} · {report.format.toUpperCase()}
          {report.totalRows !== null && ` · ${counted(report.totalRows, 'row')}`}
        </Typography>
        {report.undoneAt && (
          <Typography sx={{ mt: 0.5 }}>
            Undone by {report.undoneBy?.name ?? 'someone'} on {formatInstant(report.undoneAt)}.
          </Typography>
        )}
        <Typography variant="body2" sx={{ mt: 1 }}>
          Options: {options.length ? options.join(' · ') : 'none'}
        </Typography>
        {report.error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {report.error.message}
          </Alert>
        )}
        {report.status === 'running' && <ImportProgress progress={report} doing="Importing…" />}

        <Part title="Rows">
          {report.status === 'failed' ? (
            <Typography>
              {report.counts.failed ? `${counted(report.counts.failed, 'row has', 'rows have')} errors; ` : ''}nothing was written.
            </Typography>
          ) : (
            <ImportCountChips counts={report.counts} />
          )}
          {wrote && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              <MuiLink component={Link} to={changesOf(report.id)}>
                Its changes in the activity feed
              </MuiLink>
            </Typography>
          )}
          {report.status !== 'running' && (
            <Box sx={{ mt: 1 }}>
              {/* A failed import keeps only the rows that stopped it. */}
              <PagedImportRows
                importId={report.id}
                counts={report.status === 'failed' ? { created: 0, updated: 0, unchanged: 0, failed: report.counts.failed } : report.counts}
              />
            </Box>
          )}
        </Part>
        {report.references.length > 0 && (
          <Part title="Records the file named">
            <ImportReferences references={report.references} undone={report.status === 'undone'} />
          </Part>
        )}
      </CardContent>
    </Card>
  );
};

/** An import's report: what it did, row by row, and with what; undone from here. While it runs, its progress. */
export const ImportShow = () => (
  <Show<ImportReport>
    component={RecordPageBox}
    actions={
      <TopToolbar>
        <UndoImportButton />
      </TopToolbar>
    }
    queryOptions={{
      ...useRecordLoadOptions(),
      refetchInterval: (query) => (query.state.data && !isSettled(query.state.data) ? POLL_INTERVAL_MS : false),
    }}
  >
    <ImportCard />
  </Show>
);

export default ImportShow;
