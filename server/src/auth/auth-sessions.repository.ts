import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThan, Not, Repository } from 'typeorm';
import { PreparedEntityQuery } from '../database/prepared-statement';
import { AuthSession } from './auth-session.entity';

/** Every access to `auth_sessions`. */
@Injectable()
export class AuthSessionsRepository {
  /** The guard's check on every request: prepared once per connection. */
  private readonly live: PreparedEntityQuery<AuthSession>;

  constructor(
    @InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.live = new PreparedEntityQuery(
      dataSource,
      AuthSession,
      'auth-sessions.live',
      '"id" = $1 AND "user_id" = $2 AND "revoked_at" IS NULL AND "expires_at" > $3',
    );
  }

  async create(userId: string, expiresAt: Date): Promise<AuthSession> {
    const session = this.sessions.create({ userId, expiresAt, revokedAt: null });
    await this.sessions.insert(session);
    return session;
  }

  /** The session if it belongs to the user, is not revoked and has not expired. */
  findLive(sessionId: string, userId: string): Promise<AuthSession | null> {
    return this.live.findOne([sessionId, userId, new Date()]);
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
