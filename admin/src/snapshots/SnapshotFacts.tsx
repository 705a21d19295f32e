import { Box, Link as MuiLink } from '@mui/material';
import type { ReactNode } from 'react';
import { CopyButton } from '../common/CopyButton';
import { formatInstant } from '../common/formatInstant';
import type { Snapshot } from '../types';
import { formatBytes } from './formatBytes';

const Fact = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <>
    <Box component="dt" sx={{ color: 'text.secondary', fontSize: '0.875rem', pt: 0.5 }}>
      {label}
    </Box>
    <Box component="dd" sx={{ m: 0, display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }} data-testid={testId}>
      {children}
    </Box>
  </>
);

const monospace = { fontFamily: 'monospace', fontSize: '0.8rem', wordBreak: 'break-all', minWidth: 0 } as const;

/** What identifies a snapshot for good: its count, its SHA-256, its permanent address; and who saved it. */
export const SnapshotFacts = ({ snapshot }: { snapshot: Snapshot }) => (
  <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 3, rowGap: 0.5, m: 0 }}>
    <Fact label="Statements" testId="snapshot-count">
      {snapshot.count.toLocaleString('en')}
    </Fact>
    <Fact label="SHA-256">
      <Box component="code" sx={monospace} data-testid="snapshot-sha256">
        {snapshot.sha256}
      </Box>
      <CopyButton text={snapshot.sha256} what="the SHA-256" />
    </Fact>
    <Fact label="Permanent address">
      <MuiLink href={snapshot.url} sx={monospace} data-testid="snapshot-url">
        {snapshot.url}
      </MuiLink>
      <CopyButton text={snapshot.url} what="the permanent address" />
    </Fact>
    <Fact label="Review" testId="snapshot-verified-only">
      {snapshot.verifiedOnly
        ? 'Every statement verified when saved: published where the server publishes verified statements only'
        : 'Holds statements not yet verified: for the team only where the server publishes verified statements only'}
    </Fact>
    <Fact label="Size">
      {formatBytes(snapshot.bytes)} as NDJSON; {formatBytes(snapshot.storedBytes)} stored with all its files
    </Fact>
    <Fact label="Saved">
      {formatInstant(snapshot.createdAt)} by {snapshot.createdBy?.name ?? 'no recorded author'}
    </Fact>
    {snapshot.version > 1 && (
      <Fact label="Title or note changed">
        {formatInstant(snapshot.updatedAt)} by {snapshot.updatedBy?.name ?? 'no recorded author'}
      </Fact>
    )}
  </Box>
);
