import { useMediaQuery, type Theme } from '@mui/material';

/**
 * Below the theme's `md` breakpoint (900 px) a filter sidebar leaves the results no room: the
 * filters open from a button instead (FilterBar), and the active ones show as chips. Either the
 * sidebar or the drawer is mounted, never both, so that each filter input exists once.
 */
export const useFiltersInDrawer = (): boolean => useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'), { noSsr: true });
