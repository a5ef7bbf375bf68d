import type { User } from './user.entity';

/** Who calls a service: its rules need only the caller's id and role. */
export type Actor = Pick<User, 'id' | 'role'>;
