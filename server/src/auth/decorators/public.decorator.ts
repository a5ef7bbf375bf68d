import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'coupole:isPublic';

/** Opens a route to anonymous callers (the auth guard is global). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
