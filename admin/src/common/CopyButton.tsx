import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Box, Button } from '@mui/material';
import { useState } from 'react';
import { copyText } from './copyText';

/**
 * A small "Copy" button for a text shown next to it (a hash, an address, a citation), named for
 * what it copies ("Copy the SHA-256"), which then says whether the browser allowed it.
 */
export const CopyButton = ({ text, what, label = 'Copy' }: { text: string; what: string; label?: string }) => {
  const [copied, setCopied] = useState<{ text: string; done: boolean } | null>(null);
  // Said for the text that was copied only: a new text (another citation style) starts afresh.
  const outcome = copied?.text === text ? copied.done : null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <Button
        size="small"
        startIcon={<ContentCopyIcon />}
        aria-label={`Copy ${what}`}
        onClick={() => {
          copyText(text).then(
            (done) => setCopied({ text, done }),
            () => setCopied({ text, done: false }),
          );
        }}
      >
        {label}
      </Button>
      {outcome !== null && (
        <Box component="span" role="status" sx={{ fontSize: '0.8rem', color: outcome ? 'success.main' : 'warning.dark' }}>
          {outcome ? 'Copied' : 'The browser did not allow copying: select the text and copy it yourself.'}
        </Box>
      )}
    </Box>
  );
};
