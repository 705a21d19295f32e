import { Alert, AlertTitle, Box } from '@mui/material';
import type { ReactNode } from 'react';
import { inTheWizardsWords } from './importRequest';
import type { ImportRefusal } from './importRun';

/** Enough to act on: the dry run's report, a step back, has every row. */
const SHOWN_ERRORS = 20;

/** Why the server wrote nothing: its message, and each place it found wrong ("row 4, date: …"). */
export const ImportRefusalAlert = ({ refusal, action }: { refusal: ImportRefusal; action?: ReactNode }) => {
  // A file-level error repeats the message under "file" (or under its column): said once.
  const errors = Object.entries(refusal.errors).filter(([, reason]) => reason !== refusal.message);
  return (
    <Alert severity="error" action={action} data-testid="import-refusal" sx={{ my: 2 }}>
      <AlertTitle sx={{ whiteSpace: 'pre-wrap' }}>{inTheWizardsWords(refusal.message)}</AlertTitle>
      {errors.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {errors.slice(0, SHOWN_ERRORS).map(([where, reason]) => (
            <li key={where}>
              <Box component="span" sx={{ fontWeight: 600 }}>
                {where}
              </Box>
              : {inTheWizardsWords(reason)}
            </li>
          ))}
          {errors.length > SHOWN_ERRORS && <li>and {errors.length - SHOWN_ERRORS} more</li>}
        </Box>
      )}
    </Alert>
  );
};
