import { Admin, CustomRoutes, localStorageStore, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { AccountPage } from './account';
import { AnalysisPage } from './analysis';
import activity from './activity';
import actors from './actors';
import { authProvider, CHANGE_PASSWORD_PATH } from './auth/authProvider';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { LoginPage } from './auth/LoginPage';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import imports from './imports';
import { Layout } from './layout/Layout';
import { withMenuClosedOnNarrowScreens } from './layout/menuClosedOnNarrowScreens';
import savedQueries from './saved-queries';
import snapshots from './snapshots';
import sources from './sources';
import stances from './stances';
import statements from './statements';
import { darkTheme, lightTheme } from './theme';
import { TimelinePage } from './timeline';
import topics from './topics';
import trash from './trash';
import users from './users';

/**
 * Column choices, the theme and whether the menu is open live in the browser, per version of
 * this store (saved queries on the server); the menu starts collapsed on a small laptop.
 */
const store = withMenuClosedOnNarrowScreens(localStorageStore('1', 'chronicle'));

/**
 * Every page needs a signed-in account (requireAuth); what each role may do is the auth
 * provider's canAccess, which react-admin asks before showing a page, a menu entry or a button.
 */
export const App = () => (
  <Admin
    title="Chronicle"
    dataProvider={dataProvider}
    authProvider={authProvider}
    loginPage={LoginPage}
    requireAuth
    i18nProvider={i18nProvider}
    layout={Layout}
    store={store}
    theme={lightTheme}
    darkTheme={darkTheme}
    disableTelemetry
  >
    <Resource name="statements" {...statements} />
    <Resource name="imports" {...imports} />
    <Resource name="snapshots" {...snapshots} />
    <Resource name="saved-queries" options={{ label: 'Saved queries' }} {...savedQueries} />
    <Resource name="actors" {...actors} />
    <Resource name="sources" {...sources} />
    <Resource name="topics" {...topics} />
    <Resource name="stances" {...stances} />
    <Resource name="revisions" {...activity} />
    <Resource name="users" {...users} />
    <Resource name="trash" {...trash} />
    <CustomRoutes>
      <Route path="/timeline" element={<TimelinePage />} />
      <Route path="/analysis" element={<AnalysisPage />} />
      <Route path="/account" element={<AccountPage />} />
    </CustomRoutes>
    <CustomRoutes noLayout>
      <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
    </CustomRoutes>
  </Admin>
);
