import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { aUser, httpContext } from '../test/fixtures';
import { AuthGuard, PASSWORD_CHANGE_REQUIRED } from './auth.guard';
import { AuthService } from './auth.service';
import { AllowPendingPasswordChange } from './decorators/allow-pending-password-change.decorator';
import { Public } from './decorators/public.decorator';

class Routes {
  @Public()
  open() {}

  guarded() {}

  @AllowPendingPasswordChange()
  me() {}
}

const SESSION_ID = 'c0000000-0000-4000-8000-000000000009';

describe(AuthGuard.name, () => {
  let sut: AuthGuard;
  let auth: jest.Mocked<Pick<AuthService, 'authenticate'>>;

  beforeEach(() => {
    auth = { authenticate: jest.fn() };
    sut = new AuthGuard(new Reflector(), auth as unknown as AuthService);
  });

  it('lets anyone through a @Public() route without reading a token', async () => {
    await expect(sut.canActivate(httpContext({ headers: {} }, Routes.prototype.open, Routes))).resolves.toBe(true);
    expect(auth.authenticate).not.toHaveBeenCalled();
  });

  it('rejects a request without a token with 401', async () => {
    await expect(sut.canActivate(httpContext({ headers: {} }, Routes.prototype.guarded, Routes))).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('loads the user behind the token and attaches it to the request', async () => {
    const user = aUser();
    auth.authenticate.mockResolvedValue({ user, sessionId: SESSION_ID, sessionExpiresAt: new Date() });
    const request: Record<string, unknown> = { headers: { authorization: 'Bearer token' } };

    await expect(sut.canActivate(httpContext(request, Routes.prototype.guarded, Routes))).resolves.toBe(true);

    expect(auth.authenticate).toHaveBeenCalledWith('token');
    expect(request.user).toBe(user);
  });

  it('propagates a rejected token (unknown or deactivated user)', async () => {
    auth.authenticate.mockRejectedValue(new UnauthorizedException());

    await expect(sut.canActivate(httpContext({ headers: { authorization: 'Bearer token' } }, Routes.prototype.guarded, Routes))).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('stops a user who must change their password, except on allowed routes', async () => {
    auth.authenticate.mockResolvedValue({ user: aUser({ mustChangePassword: true }), sessionId: SESSION_ID, sessionExpiresAt: new Date() });
    const request = () => ({ headers: { authorization: 'Bearer token' } });

    await expect(sut.canActivate(httpContext(request(), Routes.prototype.guarded, Routes))).rejects.toThrow(new ForbiddenException(PASSWORD_CHANGE_REQUIRED));
    await expect(sut.canActivate(httpContext(request(), Routes.prototype.me, Routes))).resolves.toBe(true);
  });
});
