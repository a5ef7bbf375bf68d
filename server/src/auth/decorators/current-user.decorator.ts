import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The authenticated user (a `User` entity, fresh from the database for this request, put there
 * by the auth guard). Route metadata only: any module's controller may use it (see README, Architecture).
 */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<Request & { user?: unknown }>().user,
);
