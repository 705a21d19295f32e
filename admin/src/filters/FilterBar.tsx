import CloseIcon from '@mui/icons-material/Close';
import FilterListIcon from '@mui/icons-material/FilterList';
import { Box, Button, Drawer, IconButton, Typography } from '@mui/material';
import { useId, useState, type ReactNode } from 'react';
import { FilterChips, type ActiveFilter } from './FilterChips';
import { FILTER_CONTROLS_SX } from './FilterSidebar';
import { useFiltersInDrawer } from './useFiltersInDrawer';

/**
 * A list's filters on a narrow screen (see useFiltersInDrawer): a Filters button that opens them
 * in a drawer, the search box kept in view beside it, and the active filters as removable chips
 * under both. The same controls as the sidebar's; the drawer stays mounted when closed, so that
 * an input's change still being applied (they wait for typing to pause) is not lost.
 */
export const FilterBar = ({ children, search, active }: { children: ReactNode; search?: ReactNode; active: ActiveFilter[] }) => {
  const inDrawer = useFiltersInDrawer();
  const [open, setOpen] = useState(false);
  const titleId = useId();
  if (!inDrawer) return null;
  const close = () => setOpen(false);
  return (
    <Box sx={{ width: '100%', py: 1, px: { xs: 1, sm: 0 } }} data-testid="filter-bar">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          startIcon={<FilterListIcon />}
          onClick={() => setOpen(true)}
          aria-haspopup="dialog"
          aria-expanded={open}
          sx={{ flexShrink: 0 }}
        >
          {active.length ? `Filters (${active.length})` : 'Filters'}
        </Button>
        {search && <Box sx={{ flex: '1 1 10rem', minWidth: 0, '& .MuiFormControl-root': { width: '100%', m: 0 } }}>{search}</Box>}
      </Box>
      <FilterChips filters={active} />
      <Drawer
        anchor="right"
        open={open}
        onClose={close}
        keepMounted
        slotProps={{
          paper: {
            role: 'dialog',
            'aria-modal': true,
            'aria-labelledby': titleId,
            sx: { width: 'min(22rem, 92vw)', display: 'flex', flexDirection: 'column' },
          },
        }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}>
          <Typography id={titleId} component="h2" variant="h6" sx={{ flex: 1 }}>
            Filters
          </Typography>
          <IconButton onClick={close} aria-label="Close filters" edge="end">
            <CloseIcon />
          </IconButton>
        </Box>
        <Box sx={{ flex: 1, overflowY: 'auto', px: 2, pb: 2, ...FILTER_CONTROLS_SX }}>{children}</Box>
        <Box sx={{ p: 2, borderTop: 1, borderColor: 'divider' }}>
          <Button variant="contained" fullWidth onClick={close}>
            Show results
          </Button>
        </Box>
      </Drawer>
    </Box>
  );
};
