import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled part of a snapshot's page, a region named by its title. */
export const SnapshotPart = ({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) => (
  <Box component="section" aria-label={title} sx={{ mt: 3 }}>
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Typography variant="overline" component="h2" color="text.secondary" sx={{ fontWeight: 700, letterSpacing: '0.1em' }}>
        {title}
      </Typography>
      {action}
    </Box>
    {children}
  </Box>
);
