import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { accessTokenFromRequest, AuthenticatedRequest } from './access-token';
import { AuthService } from './auth.service';
import { ALLOW_PENDING_PASSWORD_CHANGE } from './decorators/allow-pending-password-change.decorator';
import { IS_PUBLIC } from './decorators/public.decorator';
import { apiError } from '../common/api-errors';

export const PASSWORD_CHANGE_REQUIRED = 'Change your password before going on';

/**
 * Global: every HTTP route needs a valid session unless marked `@Public()`. The user is read
 * and its session from the database on each request, so a deactivated account or a revoked
 * session is shut out at once.
 * Socket gateways authenticate their handshake instead (AuthService.authenticateHandshake).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = accessTokenFromRequest(request);
    if (!token) throw new UnauthorizedException(apiError('authentication_required', 'Authentication required'));
    request.authSession = await this.auth.authenticate(token);
    request.user = request.authSession.user;

    if (
      request.user.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD_CHANGE, targets)
    ) {
      throw new ForbiddenException(apiError('password_change_required', PASSWORD_CHANGE_REQUIRED));
    }
    return true;
  }
}
