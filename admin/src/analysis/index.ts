import { lazy } from 'react';

/** Its own chunk, with the chart library and d3-force: the admin's first load does not carry them. */
export const AnalysisPage = lazy(() => import('./AnalysisPage'));
