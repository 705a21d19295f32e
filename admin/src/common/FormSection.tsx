import { Box, Divider, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled group of inputs in a long form (When / Who / What / …). */
export const FormSection = ({ title, hint, children }: { title: string; hint?: ReactNode; children: ReactNode }) => (
  <Box component="section" sx={{ width: '100%', mb: 1 }} aria-label={title}>
    <Typography variant="overline" component="h2" color="primary" sx={{ fontWeight: 700, letterSpacing: '0.1em', lineHeight: 2 }}>
      {title}
    </Typography>
    {hint && (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {hint}
      </Typography>
    )}
    <Box sx={{ display: 'flex', flexDirection: 'column', width: '100%' }}>{children}</Box>
    <Divider sx={{ mt: 1 }} />
  </Box>
);

/** Inputs side by side on wide screens, stacked on narrow ones. */
export const InputRow = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, width: '100%', '& > *': { flex: '1 1 14em', minWidth: 0 } }}>{children}</Box>
);
