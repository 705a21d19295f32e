import { createTheme } from '@mui/material/styles';
import type { Store } from 'react-admin';
import { lightTheme } from '../theme';

/** Where react-admin keeps whether the menu is open (useSidebarState); a user's toggle is stored there. */
const MENU_OPEN_KEY = 'sidebar.open';

/** Below the theme's `lg` breakpoint (1200 px) the open menu takes room the lists and the lanes need. */
const NARROW = createTheme(lightTheme)
  .breakpoints.down('lg')
  .replace(/^@media\s*/, '');

/**
 * react-admin opens the menu by default on every screen wider than a phone. On a small laptop it
 * starts collapsed instead (icons only): the default is answered by the store, so that every part
 * of react-admin reading the menu's state agrees, and nothing is written until the user toggles
 * it, when react-admin stores the choice as usual (and it then wins on any screen).
 */
export function withMenuClosedOnNarrowScreens(store: Store): Store {
  return {
    ...store,
    getItem: <T>(key: string, defaultValue?: T): T | undefined =>
      key === MENU_OPEN_KEY && defaultValue === (true as T) && window.matchMedia(NARROW).matches
        ? store.getItem(key, false as T)
        : store.getItem(key, defaultValue),
  };
}
