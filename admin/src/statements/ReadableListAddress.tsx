import { useCallback, useMemo, type ReactNode } from 'react';
import { Navigate, RouterProviderContext, useRouterProvider, type RouterNavigateFunction, type RouterProvider } from 'react-admin';
import { isReactAdminSearch, toReactAdminSearch, toReadableSearch, type ListDefaults } from './statementListAddress';

/**
 * Puts a readable address between a react-admin list and the router (statementListAddress.ts):
 * the list, below this, reads the address in react-admin's form and writes it the same way, while
 * the browser's address bar, links and history only ever see the readable one. Navigations to
 * other pages (a row's record, Create) pass unchanged. An old link with `filter=` JSON is
 * replaced by its readable form, so that it keeps working.
 */
export const ReadableListAddress = ({ children, defaults }: { children: ReactNode; defaults: ListDefaults }) => {
  const router = useRouterProvider();
  const location = router.useLocation();
  const provider = useMemo(() => readableListRouter(router, defaults), [router, defaults]);
  if (isReactAdminSearch(location.search)) {
    return <Navigate to={{ pathname: location.pathname, search: toReadableSearch(location.search, defaults) }} replace />;
  }
  return <RouterProviderContext.Provider value={provider}>{children}</RouterProviderContext.Provider>;
};

function readableListRouter(router: RouterProvider, defaults: ListDefaults): RouterProvider {
  const useReadableLocation = () => {
    const location = router.useLocation();
    return useMemo(() => ({ ...location, search: toReactAdminSearch(location.search) }), [location]);
  };
  const useReadableNavigate = (): RouterNavigateFunction => {
    const navigate = router.useNavigate();
    const { pathname } = router.useLocation();
    return useCallback<RouterNavigateFunction>(
      (to, options) => {
        if (
          typeof to === 'object' &&
          to.search &&
          (to.pathname === undefined || to.pathname === pathname) &&
          isReactAdminSearch(to.search)
        ) {
          navigate({ ...to, search: toReadableSearch(to.search, defaults) }, options);
        } else {
          navigate(to, options);
        }
      },
      [navigate, pathname],
    );
  };
  return { ...router, useLocation: useReadableLocation, useNavigate: useReadableNavigate };
}
