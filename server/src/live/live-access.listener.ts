import { Injectable } from '@nestjs/common';
import type { SessionsRevokedEvent } from '../auth/auth.events';
import { OnDomainEvent } from '../domain-events/domain-event-bus';
import type { UserAccessChangedEvent } from '../users/users.events';
import { LiveService } from './live.service';

/** Open `/live` sockets follow the account and session they were opened with. */
@Injectable()
export class LiveAccessListener {
  constructor(private readonly live: LiveService) {}

  @OnDomainEvent('users.access_changed')
  onUserAccessChanged(event: UserAccessChangedEvent): void {
    this.live.disconnectUser(event.userId);
  }

  @OnDomainEvent('auth.sessions_revoked')
  onSessionsRevoked(event: SessionsRevokedEvent): void {
    this.live.disconnectSessions(event);
  }
}
