import DownloadIcon from '@mui/icons-material/Download';
import { Button, ListItemText, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { EXPORT_CHOICES, statementExportUrl, type ExportChoice, type ExportSort } from './exportUrl';
import { useTicketDownload } from './useTicketDownload';

/**
 * Downloads the server's export of the statements matching `filter`, sorted as on screen. The
 * browser streams it straight to disk (however large); a ticket asked just before stands in for
 * the session's token, which a plain download cannot send.
 */
export const ExportMenu = ({ filter, sort }: { filter: Record<string, unknown>; sort: ExportSort }) => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const startDownload = useTicketDownload('The export');
  const choose = async (choice: ExportChoice) => {
    setAnchor(null);
    // The server names the file: statements-YYYY-MM-DD.csv …
    await startDownload((ticket) => statementExportUrl(choice, filter, sort, ticket));
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
        {EXPORT_CHOICES.map((choice) => (
          <MenuItem key={choice.key} onClick={() => void choose(choice)}>
            <ListItemText primary={choice.label} secondary={choice.hint} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
