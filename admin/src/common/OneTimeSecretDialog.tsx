import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useRef, useState, type ReactNode } from 'react';
import { copyText } from './copyText';

/**
 * A secret the server shows only once (a personal API token, a one-time password): in a
 * read-only field that selects itself, with a copy button, and a plain statement that it will
 * not be shown again. The dialog closes only through its button, not by a stray click outside.
 */
export const OneTimeSecretDialog = ({
  title,
  label,
  secret,
  children,
  onClose,
}: {
  title: string;
  label: string;
  secret: string | null;
  children?: ReactNode;
  onClose: () => void;
}) => {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const close = () => {
    setCopied(null);
    onClose();
  };
  return (
    <Dialog
      open={secret !== null}
      onClose={(_event, reason) => reason !== 'backdropClick' && close()}
      fullWidth
      maxWidth="sm"
      aria-labelledby="one-time-secret-title"
    >
      <DialogTitle id="one-time-secret-title">{title}</DialogTitle>
      <DialogContent>
        {children}
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mt: 1 }}>
          <TextField
            inputRef={input}
            label={label}
            value={secret ?? ''}
            fullWidth
            slotProps={{
              htmlInput: { readOnly: true, spellCheck: false, 'data-testid': 'one-time-secret', style: { fontFamily: 'monospace' } },
            }}
            onFocus={(event) => event.target.select()}
          />
          <Button
            variant="outlined"
            startIcon={<ContentCopyIcon />}
            onClick={() => {
              copyText(secret ?? '', input.current).then(
                (done) => setCopied(done ? 'yes' : 'failed'),
                () => setCopied('failed'),
              );
            }}
          >
            Copy
          </Button>
        </Box>
        {copied === 'yes' && (
          <Typography variant="body2" color="success.main" sx={{ mt: 1 }} role="status">
            Copied to the clipboard.
          </Typography>
        )}
        {copied === 'failed' && (
          <Typography variant="body2" color="warning.dark" sx={{ mt: 1 }} role="status">
            The browser did not allow copying: select the text and copy it yourself.
          </Typography>
        )}
        <Alert severity="warning" sx={{ mt: 2 }}>
          This is the only time it is shown. Chronicle keeps only a hash of it.
        </Alert>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={close}>
          Done
        </Button>
      </DialogActions>
    </Dialog>
  );
};
