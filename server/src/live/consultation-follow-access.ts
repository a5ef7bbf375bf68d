import type { User } from '../users/user.entity';

/**
 * Whether a member may follow a consultation's answers on `/live`, asked of the consultations
 * module (a domain above this layer, which live must not import): the same rule as for reading
 * its results. Absent (a test module without consultations), nobody may follow one.
 */
export abstract class ConsultationFollowAccess {
  /** Resolves when `user` may see the consultation's results; rejects (not found) otherwise. */
  abstract assertCanFollow(user: User, consultationId: string): Promise<void>;
}
