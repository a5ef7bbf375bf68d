import { Injectable } from '@nestjs/common';
import type { SessionsRevokedEvent } from '../auth/auth.events';
import type { DocumentAccessChanged } from '../documents/documents.events';
import { OnDomainEvent } from '../domain-events/domain-event-bus';
import type { UserAccessChangedEvent } from '../users/users.events';
import { CollabService } from './collab.service';

/**
 * Open `/collab` sockets follow the account, session and document rights they were opened
 * with: a change closes them on every instance, and the editor reconnects under the new rights.
 */
@Injectable()
export class CollabAccessListener {
  constructor(private readonly collab: CollabService) {}

  @OnDomainEvent('users.access_changed')
  onUserAccessChanged(event: UserAccessChangedEvent): void {
    this.collab.revokeUsers([event.userId]);
  }

  @OnDomainEvent('auth.sessions_revoked')
  onSessionsRevoked(event: SessionsRevokedEvent): void {
    this.collab.revokeSessions(event);
  }

  @OnDomainEvent('document.access_changed')
  onDocumentAccessChanged(event: DocumentAccessChanged): void {
    this.collab.revokeDocumentAccess(event);
  }
}
