import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { Menu } from './Menu';

/** The page content may be narrower than a wide table: the table scrolls, not the whole page. */
export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout
    menu={Menu}
    sx={{
      // react-admin lets the layout grow to its widest content (min-width: fit-content).
      minWidth: 0,
      '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 },
    }}
  >
    {children}
  </RaLayout>
);
