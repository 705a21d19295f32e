import { Card, CardContent } from '@mui/material';
import type { ReactNode } from 'react';
import { useFiltersInDrawer } from './useFiltersInDrawer';

/** The filter controls' spacing, in the sidebar and in the drawer alike. */
export const FILTER_CONTROLS_SX = { '& .RaFilterListSection-root, & .RaFilterList-root': { mt: 1.5 } } as const;

/**
 * A list's filters beside its results, on screens wide enough (see useFiltersInDrawer); narrower
 * than a laptop it gives the results a little more room. `belowToolbar` lines it up with the
 * results of a react-admin list, whose toolbar sits above them.
 */
export const FilterSidebar = ({
  children,
  belowToolbar = false,
  width = 260,
}: {
  children: ReactNode;
  belowToolbar?: boolean;
  width?: number;
}) => {
  const inDrawer = useFiltersInDrawer();
  if (inDrawer) return null;
  return (
    <Card
      component="aside"
      aria-label="Filters"
      sx={{
        order: -1,
        mr: 2,
        mt: belowToolbar ? 8 : 0,
        width: { md: Math.min(width, 232), lg: width },
        flexShrink: 0,
        alignSelf: 'flex-start',
      }}
    >
      <CardContent sx={{ pt: 1, ...FILTER_CONTROLS_SX }}>{children}</CardContent>
    </Card>
  );
};
