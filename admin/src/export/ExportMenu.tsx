import DownloadIcon from '@mui/icons-material/Download';
import { Button, ListItemText, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { EXPORT_CHOICES, statementExportUrl, type ExportChoice, type ExportSort } from './exportUrl';

/** Lets the browser download the file; the server names it (statements-YYYY-MM-DD.csv …). */
function download(url: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** Downloads the server's export of the statements matching `filter`, sorted as on screen. */
export const ExportMenu = ({ filter, sort }: { filter: Record<string, unknown>; sort: ExportSort }) => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const choose = (choice: ExportChoice) => {
    setAnchor(null);
    download(statementExportUrl(choice, filter, sort));
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
          <MenuItem key={choice.key} onClick={() => choose(choice)}>
            <ListItemText primary={choice.label} secondary={choice.hint} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
