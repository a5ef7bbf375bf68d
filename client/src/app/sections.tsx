import type { ReactNode } from 'react';
import { Outlet, type RouteObject } from 'react-router';
import type { Role } from '@coupole/shared';
import { AdministrationRoute } from './routes/administration';
import { DocumentsRoute } from './routes/documents';
import { FederationsRoute } from './routes/federations';

export interface Section {
  /** URL segment under the site root; also the navigation link. */
  path: string;
  /** Catalogue key of the navigation label. */
  label: 'nav.documents' | 'nav.decisions' | 'nav.federations' | 'nav.administration';
  element: ReactNode;
  /** Restricts both the link and the page; everyone signed in when absent. */
  roles?: readonly Role[];
  children?: RouteObject[];
}

/**
 * The signed-in areas, in navigation order. A new area (documents, decisions) is one entry here:
 * it gets its route, its role guard and its navigation link.
 */
export const sections: Section[] = [
  {
    path: 'documents',
    label: 'nav.documents',
    element: <Outlet />,
    children: [
      { index: true, element: <DocumentsRoute /> },
      // The editor (TipTap, Yjs) is most of the code: load it only when a document is opened.
      { path: ':id', lazy: async () => ({ Component: (await import('./routes/document')).DocumentRoute }) },
      {
        path: ':id/tours/:roundId',
        lazy: async () => ({ Component: (await import('../features/rounds/components/round-route')).RoundRoute }),
      },
    ],
  },
  {
    path: 'decisions',
    label: 'nav.decisions',
    element: <Outlet />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../features/decisions/components/decisions-route')).DecisionsRoute }) },
      { path: ':seq', lazy: async () => ({ Component: (await import('../features/decisions/components/decision-route')).DecisionRoute }) },
    ],
  },
  { path: 'federations', label: 'nav.federations', element: <FederationsRoute /> },
  { path: 'administration', label: 'nav.administration', element: <AdministrationRoute />, roles: ['admin'] },
];

export const HOME_PATH = '/federations';

export function sectionsFor(role: Role): Section[] {
  return sections.filter((section) => !section.roles || section.roles.includes(role));
}
