import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { App } from './App';

/*
 * A browser (history) router rather than react-admin's default hash router: every page has a
 * plain URL (/timeline?speakerId=4&view=lanes) that can be bookmarked and shared; the server
 * answers any such path with this app. A data router, so that forms can warn about unsaved changes.
 */
const router = createBrowserRouter([{ path: '*', element: <App /> }]);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
