import type { ExecutionContext } from '@nestjs/common';
import { User } from '../users/user.entity';

export function aUser(overrides: Partial<User> = {}): User {
  return Object.assign(new User(), {
    id: '6f0c2a52-3f0e-4a8e-9c1f-6d1c8f1b2a10',
    email: 'nadia.benali@example.be',
    displayName: 'Nadia Benali',
    role: 'representative',
    federationSlug: 'aleap',
    mandate: 'titular',
    active: true,
    mustChangePassword: false,
    passwordHash: 'hash',
    createdAt: new Date('2026-01-01T10:00:00Z'),
    updatedAt: new Date('2026-01-02T10:00:00Z'),
    ...overrides,
  });
}

/** An HTTP ExecutionContext for a handler of a class, carrying the given request. */
export function httpContext(request: object, handler: () => void = () => undefined, controller: object = class {}): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}), getNext: () => undefined }),
  } as unknown as ExecutionContext;
}
