import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { extractValidSavedQueries, useDataProvider, useNotify, useSavedQueries } from 'react-admin';
import { listQueryText } from './savedQueryUrls';

/**
 * The statement list's saved queries kept in this browser before they moved to the server
 * (react-admin's SavedQueriesList, localStorage): offered to move them there, as the
 * account's own, unshared. One the server refuses (a filter it no longer takes) stays here,
 * and the notification says which.
 */
export const BrowserSavedQueries = ({ onMoved }: { onMoved: () => void }) => {
  const [stored, setStored] = useSavedQueries('statements');
  const [moving, setMoving] = useState(false);
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const local = extractValidSavedQueries(stored);
  if (!local.length) return null;

  const move = async () => {
    setMoving(true);
    const kept: typeof local = [];
    for (const savedQuery of local) {
      const { filter, sort } = savedQuery.value;
      const data = { name: savedQuery.label.trim().slice(0, 200) || 'Saved query', query: listQueryText(filter ?? {}, sort!) };
      await dataProvider.create('saved-queries', { data }).catch(() => kept.push(savedQuery));
    }
    setStored(kept);
    setMoving(false);
    onMoved();
    if (kept.length)
      notify(`Not moved (the server refuses their filters): ${kept.map((q) => `“${q.label}”`).join(', ')}`, { type: 'warning' });
    else notify(`Moved ${local.length} saved ${local.length === 1 ? 'query' : 'queries'} to the server`, { type: 'success' });
  };

  return (
    <Alert
      severity="info"
      sx={{ mx: 1, my: 0.5, py: 0, '& .MuiAlert-message': { fontSize: '0.8rem' } }}
      action={
        <Button size="small" color="inherit" disabled={moving} onClick={() => void move()}>
          Move
        </Button>
      }
    >
      {local.length} saved in this browser only
    </Alert>
  );
};
