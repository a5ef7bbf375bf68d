import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import { RequirePasswordChanged } from '../features/auth/components/require-password-changed';
import { RequireRole } from '../features/auth/components/require-role';
import { RequireSession } from '../features/auth/components/require-session';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from '../lib/session/paths';
import { Loading } from '../components/feedback/loading';
import { AppShell } from './layout/app-shell';
import { ChangePasswordRoute } from './routes/change-password';
import { LoginRoute } from './routes/login';
import { NotFoundRoute } from './routes/not-found';
import { ProfileRoute } from './routes/profile';
import { HOME_PATH, PROFILE_PATH, sections } from './sections';

const sectionRoutes: RouteObject[] = sections.map((section) => ({
  path: section.path,
  element: section.roles ? <RequireRole roles={section.roles}>{section.element}</RequireRole> : section.element,
  children: section.children,
}));

export const routes: RouteObject[] = [
  { path: LOGIN_PATH, element: <LoginRoute />, hydrateFallbackElement: <Loading /> },
  // The English address people type from habit (and older links) leads to the sign-in page.
  { path: '/login', element: <Navigate to={LOGIN_PATH} replace /> },
  // An ILI's personal link: no account, no application shell.
  {
    path: '/repondre/:token',
    hydrateFallbackElement: <Loading />,
    lazy: async () => ({ Component: (await import('../features/consultations/components/answer-page')).AnswerPage }),
  },
  // The public site: anyone, no account, no application shell.
  {
    path: '/public',
    hydrateFallbackElement: <Loading />,
    lazy: async () => ({ Component: (await import('../features/public-site/components/public-home-route')).PublicHomeRoute }),
  },
  {
    path: '/public/:slug',
    hydrateFallbackElement: <Loading />,
    lazy: async () => ({ Component: (await import('../features/public-site/components/public-position-route')).PublicPositionRoute }),
  },
  {
    element: <RequireSession />,
    // Shown while a lazily loaded page of the first URL is fetched (instead of a blank page).
    hydrateFallbackElement: <Loading />,
    children: [
      {
        element: <AppShell />,
        children: [
          { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordRoute /> },
          {
            element: <RequirePasswordChanged />,
            children: [
              { index: true, element: <Navigate to={HOME_PATH} replace /> },
              { path: PROFILE_PATH, element: <ProfileRoute /> },
              ...sectionRoutes,
              { path: '*', element: <NotFoundRoute /> },
            ],
          },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
