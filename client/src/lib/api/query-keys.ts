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
};

export const documentKeys = {
  all: ['documents'] as const,
  lists: () => [...documentKeys.all, 'list'] as const,
  list: (filters: object) => [...documentKeys.lists(), filters] as const,
  detail: (id: string) => [...documentKeys.all, 'detail', id] as const,
  comments: (id: string) => [...documentKeys.detail(id), 'comments'] as const,
  versions: (id: string) => [...documentKeys.detail(id), 'versions'] as const,
  diff: (id: string, from: number | 'draft', to: number | 'draft') => [...documentKeys.detail(id), 'diff', from, to] as const,
  timeline: (id: string) => [...documentKeys.detail(id), 'timeline'] as const,
  rounds: (id: string) => [...documentKeys.detail(id), 'rounds'] as const,
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
