import DownloadIcon from '@mui/icons-material/Download';
import { Button, ListItemText, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useListContext } from 'react-admin';
import { RECORD_EXPORT_CHOICES, recordExportUrl, type RecordExportChoice } from './exportUrl';
import { useTicketDownload } from './useTicketDownload';

/**
 * Export on the Actors and Sources lists: every record matching the list's filters, in its
 * order, as CSV, JSON or NDJSON, streamed by the server straight to disk (not just the page on
 * screen). The server names the file after the filter: actors-organization-2026-12-06.csv.
 */
export const RecordExportMenu = ({ resource }: { resource: 'actors' | 'sources' }) => {
  const { filterValues, sort } = useListContext();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const startDownload = useTicketDownload('The export');
  const choose = async (choice: RecordExportChoice) => {
    setAnchor(null);
    await startDownload((ticket) => recordExportUrl(resource, choice, filterValues, sort, ticket));
  };
  return (
    <>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={Boolean(anchor)}
      >
        Export
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {RECORD_EXPORT_CHOICES.map((choice) => (
          <MenuItem key={choice.key} onClick={() => void choose(choice)}>
            <ListItemText primary={choice.label} secondary={choice.hint} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
