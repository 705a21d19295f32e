import { Box, Tab, Tabs, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useCreatePath, useRecordContext, useResourceContext } from 'react-admin';
import { Link, useLocation } from 'react-router-dom';
import { formatInstant } from '../common/formatInstant';
import type { Versioned } from '../types';
import { RecordHistory } from './RecordHistory';

/** "Version 4 · created by Ada Editor, … · last changed by Ben Admin, 28 Nov 2026, 10:04". */
export const LastChanged = () => {
  const record = useRecordContext<Versioned & { id: number }>();
  if (!record) return null;
  const by = (author: Versioned['updatedBy']) => (author ? ` by ${author.name}` : '');
  return (
    <Typography variant="caption" color="text.secondary" component="p" data-testid="last-changed">
      Version {record.version}
      {record.createdAt && ` · created${by(record.createdBy)} ${formatInstant(record.createdAt)}`}
      {record.updatedAt && record.version > 1 && ` · last changed${by(record.updatedBy)} ${formatInstant(record.updatedAt)}`}
    </Typography>
  );
};

/**
 * A record's page in two tabs: the record itself, and its history. Each tab has its own address
 * (…/show and …/show/history), so a history can be bookmarked or sent.
 */
export const RecordShowTabs = ({ children }: { children: ReactNode }) => {
  const resource = useResourceContext();
  const record = useRecordContext();
  const createPath = useCreatePath();
  const { pathname } = useLocation();
  if (!record || !resource) return null;
  const base = createPath({ resource, id: record.id, type: 'show' });
  const onHistory = pathname.endsWith('/history');
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Tabs value={onHistory ? 'history' : 'record'} aria-label="Record or history">
          <Tab value="record" label="Record" component={Link} to={base} replace />
          <Tab value="history" label="History" component={Link} to={`${base}/history`} replace />
        </Tabs>
        <LastChanged />
      </Box>
      {onHistory ? <RecordHistory /> : children}
    </Box>
  );
};
