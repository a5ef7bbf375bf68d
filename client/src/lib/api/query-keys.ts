/**
 * One key factory per API resource, so every feature names cached data the same way and an
 * invalidation by prefix (`documentKeys.detail(id)`) reaches everything under it.
 */

export const sessionKeys = {
  current: ['auth', 'me'] as const,
};

export const federationKeys = {
  all: ['federations'] as const,
};

export const userKeys = {
  all: ['users'] as const,
  observers: ['users', 'observers'] as const,
};

export const outboxKeys = {
  all: ['outbox'] as const,
  page: (offset: number) => [...outboxKeys.all, offset] as const,
};

export const documentKeys = {
  all: ['documents'] as const,
  lists: () => [...documentKeys.all, 'list'] as const,
  list: (filters: object) => [...documentKeys.lists(), filters] as const,
  detail: (id: string) => [...documentKeys.all, 'detail', id] as const,
  comments: (id: string) => [...documentKeys.detail(id), 'comments'] as const,
  mentionable: (id: string) => [...documentKeys.detail(id), 'mentionable'] as const,
  suggestions: (id: string) => [...documentKeys.detail(id), 'suggestions'] as const,
  suggestionComments: (id: string, suggestionId: string) => [...documentKeys.detail(id), 'suggestion-comments', suggestionId] as const,
  versions: (id: string) => [...documentKeys.detail(id), 'versions'] as const,
  diff: (id: string, from: number | 'draft', to: number | 'draft') => [...documentKeys.detail(id), 'diff', from, to] as const,
  timeline: (id: string) => [...documentKeys.detail(id), 'timeline'] as const,
  rounds: (id: string) => [...documentKeys.detail(id), 'rounds'] as const,
};

export const homeKeys = {
  all: ['home'] as const,
};

export const roundKeys = {
  all: ['rounds'] as const,
  detail: (id: string) => [...roundKeys.all, 'detail', id] as const,
};

export const decisionKeys = {
  all: ['decisions'] as const,
  list: (query: object) => [...decisionKeys.all, 'list', query] as const,
  detail: (seq: number) => [...decisionKeys.all, 'detail', seq] as const,
  verify: () => [...decisionKeys.all, 'verify'] as const,
};

export const notificationKeys = {
  all: ['notifications'] as const,
};

export const bodyKeys = {
  all: ['bodies'] as const,
};

export const mandateKeys = {
  all: ['mandates'] as const,
};

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (from: string, to: string) => [...meetingKeys.all, 'list', from, to] as const,
  detail: (id: string) => [...meetingKeys.all, 'detail', id] as const,
  ofDocument: (documentId: string) => [...meetingKeys.all, 'document', documentId] as const,
  myActions: () => [...meetingKeys.all, 'actions', 'mine'] as const,
  people: () => [...meetingKeys.all, 'people'] as const,
};

export const dispatchKeys = {
  all: ['dispatches'] as const,
  open: () => [...dispatchKeys.all, 'open'] as const,
  overdue: () => [...dispatchKeys.all, 'overdue'] as const,
  ofDocument: (documentId: string) => [...dispatchKeys.all, 'document', documentId] as const,
};

export const calendarFeedKeys = {
  mine: ['calendar-feed'] as const,
};

export const infoKeys = {
  all: ['infos'] as const,
  lists: () => [...infoKeys.all, 'list'] as const,
  list: (filters: object) => [...infoKeys.lists(), filters] as const,
  detail: (id: string) => [...infoKeys.all, 'detail', id] as const,
  comments: (id: string) => [...infoKeys.detail(id), 'comments'] as const,
  digest: () => [...infoKeys.all, 'digest'] as const,
};

export const iliKeys = {
  all: ['ilis'] as const,
  lists: () => [...iliKeys.all, 'list'] as const,
  list: (filters: object) => [...iliKeys.lists(), filters] as const,
  landscape: () => [...iliKeys.all, 'landscape'] as const,
};

export const consultationKeys = {
  all: ['consultations'] as const,
  list: () => [...consultationKeys.all, 'list'] as const,
  detail: (id: string) => [...consultationKeys.all, 'detail', id] as const,
  results: (id: string, filter: object) => [...consultationKeys.detail(id), 'results', filter] as const,
  invitations: (id: string) => [...consultationKeys.detail(id), 'invitations'] as const,
  scopeCount: (scope: object) => [...consultationKeys.all, 'scope-count', scope] as const,
  series: (slug: string) => [...consultationKeys.all, 'series', slug] as const,
  answer: (token: string) => ['answer', token] as const,
};

/** The public site's answers (no session): positions, one position by slug, public infos. */
export const publicSiteKeys = {
  all: ['public'] as const,
  positions: () => [...publicSiteKeys.all, 'positions'] as const,
  position: (slug: string) => [...publicSiteKeys.all, 'position', slug] as const,
  infos: () => [...publicSiteKeys.all, 'infos'] as const,
};

/** Whether a document is on the public site (members' document page). */
export const publicationKeys = {
  state: (documentId: string) => [...documentKeys.detail(documentId), 'publication'] as const,
};
