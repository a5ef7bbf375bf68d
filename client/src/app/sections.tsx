import type { ReactNode } from 'react';
import { Outlet, type RouteObject } from 'react-router';
import type { Role } from '@coupole/shared';
import { AdministrationRoute } from './routes/administration';
import { DocumentsRoute } from './routes/documents';
import { FederationsRoute } from './routes/federations';
import { HomeRoute } from './routes/home';

export interface Section {
  /** URL segment under the site root; also the navigation link. */
  path: string;
  /** Catalogue key of the navigation label. */
  label: 'nav.home' | 'nav.documents' | 'nav.infos' | 'nav.decisions' | 'nav.agenda' | 'nav.mandates' | 'nav.followUp' | 'nav.federations' | 'nav.administration' | 'ilis.nav.directory' | 'consultations.nav';
  element: ReactNode;
  /** Restricts both the link and the page; everyone signed in when absent. */
  roles?: readonly Role[];
  children?: RouteObject[];
  /** Reached another way (the wordmark leads to Accueil), so not repeated in the navigation. */
  hiddenFromNavigation?: boolean;
}

/**
 * The signed-in areas, in navigation order. A new area (documents, decisions) is one entry here:
 * it gets its route, its role guard and its navigation link.
 */
export const sections: Section[] = [
  { path: 'accueil', label: 'nav.home', element: <HomeRoute />, hiddenFromNavigation: true },
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
    path: 'veille',
    label: 'nav.infos',
    element: <Outlet />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../features/infos/components/infos-route')).InfosRoute }) },
      { path: ':id', lazy: async () => ({ Component: (await import('../features/infos/components/info-route')).InfoRoute }) },
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
  {
    path: 'agenda',
    label: 'nav.agenda',
    element: <Outlet />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../features/agenda/components/agenda-route')).AgendaRoute }) },
      { path: 'nouvelle', lazy: async () => ({ Component: (await import('../features/agenda/components/new-meeting-route')).NewMeetingRoute }) },
      { path: ':id', lazy: async () => ({ Component: (await import('../features/agenda/components/meeting-route')).MeetingRoute }) },
      { path: ':id/modifier', lazy: async () => ({ Component: (await import('../features/agenda/components/edit-meeting-route')).EditMeetingRoute }) },
    ],
  },
  {
    path: 'mandats',
    label: 'nav.mandates',
    element: <Outlet />,
    roles: ['admin', 'facilitator', 'representative'],
    children: [{ index: true, lazy: async () => ({ Component: (await import('../features/mandate-register/components/mandates-route')).MandatesRoute }) }],
  },
  {
    path: 'suivi',
    label: 'nav.followUp',
    element: <Outlet />,
    roles: ['admin', 'facilitator', 'representative'],
    children: [{ index: true, lazy: async () => ({ Component: (await import('../features/follow-up/components/follow-up-route')).FollowUpRoute }) }],
  },
  {
    path: 'ilis',
    label: 'ilis.nav.directory',
    element: <Outlet />,
    roles: ['admin', 'facilitator', 'representative'],
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./routes/ilis')).IlisRoute }) },
      { path: 'paysage', lazy: async () => ({ Component: (await import('./routes/ilis')).IlisLandscapeRoute }) },
    ],
  },
  {
    path: 'consultations',
    label: 'consultations.nav',
    element: <Outlet />,
    roles: ['admin', 'facilitator', 'representative'],
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../features/consultations/components/consultations-route')).ConsultationsRoute }) },
      { path: 'nouvelle', lazy: async () => ({ Component: (await import('../features/consultations/components/consultation-builder')).NewConsultationRoute }) },
      { path: 'series/:slug', lazy: async () => ({ Component: (await import('../features/consultations/components/series-route')).SeriesRoute }) },
      { path: ':id', lazy: async () => ({ Component: (await import('../features/consultations/components/consultation-route')).ConsultationRoute }) },
      { path: ':id/modifier', lazy: async () => ({ Component: (await import('../features/consultations/components/consultation-builder')).EditConsultationRoute }) },
    ],
  },
  { path: 'federations', label: 'nav.federations', element: <FederationsRoute /> },
  {
    path: 'administration',
    label: 'nav.administration',
    element: <Outlet />,
    roles: ['admin'],
    children: [
      { index: true, element: <AdministrationRoute /> },
      { path: 'courriels', lazy: async () => ({ Component: (await import('./routes/outbox')).OutboxRoute }) },
    ],
  },
];

export const HOME_PATH = '/accueil';

/** The signed-in user's own page (iCal feed); linked from the account menu, not the navigation. */
export const PROFILE_PATH = '/profil';

export function sectionsFor(role: Role): Section[] {
  return sections.filter((section) => !section.hiddenFromNavigation && (!section.roles || section.roles.includes(role)));
}
