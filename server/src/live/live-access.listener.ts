import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import type { SessionsRevokedEvent } from '../auth/auth.events';
import { AuthService } from '../auth/auth.service';
import { OnDomainEvent } from '../domain-events/domain-event-bus';
import type { UserAccessChangedEvent } from '../users/users.events';
import { LiveService, type LiveSocketData } from './live.service';

/** Open `/live` sockets follow the account and session they were opened with. */
@Injectable()
export class LiveAccessListener {
  private readonly logger = new Logger(LiveAccessListener.name);

  constructor(
    private readonly live: LiveService,
    private readonly auth: AuthService,
  ) {}

  @OnDomainEvent('users.access_changed')
  onUserAccessChanged(event: UserAccessChangedEvent): void {
    this.live.disconnectUser(event.userId);
  }

  @OnDomainEvent('auth.sessions_revoked')
  onSessionsRevoked(event: SessionsRevokedEvent): void {
    this.live.disconnectSessions(event);
  }

  /** Messages between instances were lost: a revocation made through another one may be among them. */
  @OnDomainEvent('realtime.redis_restored')
  async onRedisRestored(): Promise<void> {
    try {
      await this.live.recheckLocalSockets((data) => this.stillAllowed(data));
    } catch (error) {
      this.logger.warn(`Could not recheck the /live sockets: ${String(error)}`);
    }
  }

  private async stillAllowed({ user, sessionId }: LiveSocketData): Promise<boolean> {
    try {
      const current = await this.auth.recheck(user.id, sessionId);
      return !current.mustChangePassword && current.role === user.role;
    } catch (error) {
      if (error instanceof UnauthorizedException) return false;
      throw error;
    }
  }
}
