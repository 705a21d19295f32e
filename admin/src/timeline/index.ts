import { lazy } from 'react';

/** Its own chunk: the timeline is the only page that needs @mui/lab. */
export const TimelinePage = lazy(() => import('./TimelinePage'));
