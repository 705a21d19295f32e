import { lazy } from 'react';

/** Its own chunk: visited now and then. */
export const AccountPage = lazy(() => import('./AccountPage'));
