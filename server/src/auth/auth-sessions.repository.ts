import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, MoreThan, Not, Repository } from 'typeorm';
import { AuthSession } from './auth-session.entity';

/** Every access to `auth_sessions`. */
@Injectable()
export class AuthSessionsRepository {
  constructor(@InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>) {}

  async create(userId: string, expiresAt: Date): Promise<AuthSession> {
    const session = this.sessions.create({ userId, expiresAt, revokedAt: null });
    await this.sessions.insert(session);
    return session;
  }

  /** The session if it belongs to the user, is not revoked and has not expired. */
  findLive(sessionId: string, userId: string): Promise<AuthSession | null> {
    return this.sessions.findOneBy({ id: sessionId, userId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) });
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Every live session of the user, but `exceptSessionId` when given. */
  async revokeAllOf(userId: string, exceptSessionId?: string): Promise<void> {
    await this.sessions.update(
      { userId, revokedAt: IsNull(), ...(exceptSessionId ? { id: Not(exceptSessionId) } : {}) },
      { revokedAt: new Date() },
    );
  }

  /** Rows of sessions over for a day are of no use any more. */
  async purgeEnded(before: Date): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThan(before) });
  }
}
