import { ForbiddenException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { aUser, httpContext } from '../test/fixtures';
import { Roles } from './decorators/roles.decorator';
import { RolesGuard } from './roles.guard';

@Roles('admin')
class AdminRoutes {
  list() {}

  @Roles('admin', 'facilitator')
  widened() {}
}

class OpenRoutes {
  read() {}
}

describe(RolesGuard.name, () => {
  const sut = new RolesGuard(new Reflector());

  it('allows any authenticated user where no role is required', () => {
    expect(sut.canActivate(httpContext({ user: aUser({ role: 'observer' }) }, OpenRoutes.prototype.read, OpenRoutes))).toBe(true);
  });

  it('applies the controller-level roles', () => {
    expect(sut.canActivate(httpContext({ user: aUser({ role: 'admin' }) }, AdminRoutes.prototype.list, AdminRoutes))).toBe(true);
    expect(() => sut.canActivate(httpContext({ user: aUser({ role: 'facilitator' }) }, AdminRoutes.prototype.list, AdminRoutes))).toThrow(ForbiddenException);
  });

  it('lets a handler-level @Roles override the controller', () => {
    expect(sut.canActivate(httpContext({ user: aUser({ role: 'facilitator' }) }, AdminRoutes.prototype.widened, AdminRoutes))).toBe(true);
    expect(() => sut.canActivate(httpContext({ user: aUser({ role: 'representative' }) }, AdminRoutes.prototype.widened, AdminRoutes))).toThrow(
      'Reserved for the roles: admin, facilitator',
    );
  });

  it('refuses when no user is attached', () => {
    expect(() => sut.canActivate(httpContext({}, AdminRoutes.prototype.list, AdminRoutes))).toThrow(ForbiddenException);
  });
});
