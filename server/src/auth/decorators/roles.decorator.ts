import type { Role } from '@coupole/shared';
import { SetMetadata } from '@nestjs/common';

export const ROLES_KEY = 'coupole:roles';

/** Restricts a route (or a controller) to the given roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
