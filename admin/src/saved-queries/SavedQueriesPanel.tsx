import MoreVertIcon from '@mui/icons-material/MoreVert';
import PeopleIcon from '@mui/icons-material/PeopleOutline';
import { Box, Button, IconButton, List, ListItem, ListItemButton, ListItemText, Menu, MenuItem, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, FilterListSection, useDelete, useGetList, useListContext, useNotify, useUpdate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { analysisQueryText, useAnalysisUrlState } from '../analysis/useAnalysisUrlState';
import { timelineQueryText, useTimelineUrlState } from '../timeline/useTimelineUrlState';
import type { SavedQuery } from '../types';
import { BrowserSavedQueries } from './BrowserSavedQueries';
import { SavedQueryDialog } from './SavedQueryDialog';
import { SavedQueryIcon } from './SavedQueryIcon';
import { listQueryText, listStateOf } from './savedQueryUrls';

/** Mine first (the ones I work with), then the team's, each by name (the server's order). */
const mineFirst = (queries: SavedQuery[]) => [...queries.filter((q) => q.mine), ...queries.filter((q) => !q.mine)];

/** Rename, share or stop sharing, delete: for one's own saved query. */
const OwnQueryActions = ({ savedQuery, onChanged }: { savedQuery: SavedQuery; onChanged: () => void }) => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [update] = useUpdate<SavedQuery>();
  const [remove, { isPending: removing }] = useDelete<SavedQuery>();
  const notify = useNotify();
  const failed = (error: unknown) => notify(error instanceof Error ? error.message : String(error), { type: 'error' });
  const toggleSharing = () => {
    setAnchor(null);
    const data = { shared: !savedQuery.shared, version: savedQuery.version };
    void update(
      'saved-queries',
      { id: savedQuery.id, data, previousData: savedQuery },
      {
        mutationMode: 'pessimistic',
        onSuccess: (saved) => {
          notify(saved.shared ? `“${saved.name}” is shared with the team` : `“${saved.name}” is yours alone again`, { type: 'success' });
          onChanged();
        },
        onError: failed,
      },
    );
  };
  const confirmDelete = () =>
    void remove(
      'saved-queries',
      { id: savedQuery.id, previousData: savedQuery },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setDeleting(false);
          notify(`Deleted the saved query “${savedQuery.name}”`, { type: 'info' });
          onChanged();
        },
        onError: (error) => {
          setDeleting(false);
          failed(error);
        },
      },
    );
  return (
    <>
      <IconButton
        edge="end"
        size="small"
        aria-label={`Actions for “${savedQuery.name}”`}
        aria-haspopup="menu"
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setRenaming(true);
          }}
        >
          Rename…
        </MenuItem>
        <MenuItem onClick={toggleSharing}>{savedQuery.shared ? 'Stop sharing' : 'Share with the team'}</MenuItem>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setDeleting(true);
          }}
        >
          Delete…
        </MenuItem>
      </Menu>
      {renaming && (
        <SavedQueryDialog
          savedQuery={savedQuery}
          onClose={() => setRenaming(false)}
          onDone={() => {
            setRenaming(false);
            onChanged();
          }}
        />
      )}
      <Confirm
        isOpen={deleting}
        loading={removing}
        title={`Delete the saved query “${savedQuery.name}”?`}
        content={savedQuery.shared ? 'Your colleagues will no longer see it either.' : 'Its filters are not kept anywhere else.'}
        confirm="Delete"
        onConfirm={confirmDelete}
        onClose={() => setDeleting(false)}
      />
    </>
  );
};

interface PanelProps {
  /** The page whose queries these are: the statement list's, the timeline's (with its view and order), the analysis's. */
  resource: SavedQuery['resource'];
  /** The page's query now, as a saved query keeps it. */
  current: string;
  /** Puts a saved query's filters (and order, view) on the page. */
  apply: (query: string) => void;
}

/**
 * Saved queries of a page, kept on the server: one's own (in every browser one signs in from)
 * and those the team shares, with their owner's name. A click applies one — its filters and
 * order, as a colleague saved them; *Save* keeps the current ones under a name, shared or not.
 * Self-contained: the filter sidebar only places it (StatementListSavedQueries,
 * TimelineSavedQueries, AnalysisSavedQueries).
 */
const SavedQueriesPanel = ({ resource, current, apply }: PanelProps) => {
  const [saving, setSaving] = useState(false);
  const { data, isPending, refetch } = useGetList<SavedQuery>('saved-queries', {
    filter: { resource },
    sort: { field: 'name', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  const queries = mineFirst(data ?? []);
  return (
    <FilterListSection label="Saved queries" icon={<SavedQueryIcon />}>
      <Box data-testid="saved-queries">
        {resource === 'statements' && <BrowserSavedQueries onMoved={() => void refetch()} />}
        {!isPending && queries.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 0.5 }}>
            None yet: filter the list, then save it.
          </Typography>
        )}
        <List dense disablePadding aria-label="Saved queries">
          {queries.map((savedQuery) => (
            <ListItem
              key={savedQuery.id}
              disablePadding
              secondaryAction={savedQuery.mine ? <OwnQueryActions savedQuery={savedQuery} onChanged={() => void refetch()} /> : undefined}
            >
              <ListItemButton
                selected={savedQuery.query === current}
                onClick={() => apply(savedQuery.query)}
                sx={{ pl: 2, pr: savedQuery.mine ? 5 : 1 }}
                data-testid="saved-query"
              >
                <ListItemText
                  primary={savedQuery.name}
                  secondary={savedQuery.mine ? (savedQuery.shared ? 'Shared with the team' : null) : `Shared by ${savedQuery.owner.name}`}
                  slotProps={{ primary: { noWrap: true, title: savedQuery.name }, secondary: { noWrap: true } }}
                />
                {/* Decorative: the line under the name says it. */}
                {savedQuery.shared && <PeopleIcon fontSize="small" color="action" sx={{ ml: 0.5 }} />}
              </ListItemButton>
            </ListItem>
          ))}
        </List>
        <Button size="small" onClick={() => setSaving(true)} sx={{ ml: 1, mt: 0.5 }}>
          Save current query…
        </Button>
      </Box>
      {saving && (
        <SavedQueryDialog
          resource={resource}
          query={current}
          onClose={() => setSaving(false)}
          onDone={() => {
            setSaving(false);
            void refetch();
          }}
        />
      )}
    </FilterListSection>
  );
};

/** The statement list's saved queries: its filters and sort. */
export const StatementListSavedQueries = () => {
  const { filterValues, sort, setFilters, setSort } = useListContext();
  const apply = (query: string) => {
    const state = listStateOf(query);
    // One tick: the list controller merges both into one change of its parameters.
    setSort(state.sort);
    setFilters(state.filter, {});
  };
  return <SavedQueriesPanel resource="statements" current={listQueryText(filterValues, sort)} apply={apply} />;
};

/** The timeline's saved queries: its filters, layout (lanes) and order, as its address holds them. */
export const TimelineSavedQueries = () => {
  const { filters, view, order } = useTimelineUrlState();
  const navigate = useNavigate();
  return (
    <SavedQueriesPanel
      resource="timeline"
      current={timelineQueryText(filters, view, order)}
      apply={(query) => void navigate({ pathname: '/timeline', search: query })}
    />
  );
};

/** The analysis page's saved queries: its filters, tab and each view's settings, as its address holds them. */
export const AnalysisSavedQueries = () => {
  const { filters, settings } = useAnalysisUrlState();
  const navigate = useNavigate();
  return (
    <SavedQueriesPanel
      resource="analysis"
      current={analysisQueryText(filters, settings)}
      apply={(query) => void navigate({ pathname: '/analysis', search: query })}
    />
  );
};
