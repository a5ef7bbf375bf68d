import { LIVE_NAMESPACE, type LiveAck } from '@coupole/shared';
import { NotFoundException, Optional, UseFilters, UsePipes, ValidationPipe } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WsException,
} from '@nestjs/websockets';
import { PASSWORD_CHANGE_REQUIRED } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { DocumentsService } from '../documents/documents.service';
import { recordKey, SharedRecords } from '../realtime/shared-records';
import { forgetHandshakeToken } from '../realtime/socket-memory';
import { ConsultationFollowAccess } from './consultation-follow-access';
import { ConsultationSubscriptionDto } from './dto/consultation-subscription.dto';
import { LiveSubscriptionDto } from './dto/live-subscription.dto';
import { LiveAckFilter } from './live-ack.filter';
import { LiveNamespace, LiveService, LiveSocket, type LiveSocketData } from './live.service';

const liveUsers = new SharedRecords<LiveSocketData['user']>();

/** The HTTP ValidationPipe's rules, answering through the ack (LiveAckFilter). */
const validateMessages = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => new WsException(errors.flatMap((error) => Object.values(error.constraints ?? {})).join('; ')),
});

/** `/live`: domain events for the document list, the documents and the consultations a client follows. */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
@UseFilters(LiveAckFilter)
@UsePipes(validateMessages)
export class LiveGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(
    private readonly live: LiveService,
    private readonly auth: AuthService,
    private readonly documents: DocumentsService,
    @Optional() private readonly consultations?: ConsultationFollowAccess,
  ) {}

  afterInit(namespace: LiveNamespace): void {
    // Refuses the connection itself (`connect_error` on the client) without a valid session.
    namespace.use((socket, next) => {
      this.auth
        .authenticateHandshake(socket.handshake)
        .then(({ user, sessionId }) => {
          if (user.mustChangePassword) return next(new Error(PASSWORD_CHANGE_REQUIRED));
          // One frozen record per user and role, shared by its sockets.
          socket.data.user = liveUsers.share(recordKey(user.id, user.role), () => ({ id: user.id, role: user.role }));
          socket.data.sessionId = sessionId;
          forgetHandshakeToken(socket.handshake);
          next();
        })
        .catch(() => next(new Error('Authentification requise')));
    });
    this.live.attach(namespace);
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    try {
      await this.live.admit(socket, await this.documents.listScope(socket.data.user));
    } catch {
      socket.disconnect(true);
    }
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() { documentId }: LiveSubscriptionDto): Promise<LiveAck> {
    // Checked again: the account may have been deactivated, or the session ended, since the
    // handshake (whose token may have been renewed meanwhile).
    const user = await this.auth.recheck(socket.data.user.id, socket.data.sessionId);
    await this.documents.assertCan(user, documentId, 'read');
    await this.live.follow(socket, documentId);
    return { ok: true };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() { documentId }: LiveSubscriptionDto): Promise<LiveAck> {
    await this.live.unfollow(socket, documentId);
    return { ok: true };
  }

  /**
   * Follows one consultation's answers (its results page). Refused unless the caller may see its
   * results now; a later change of the account's rights closes the socket (LiveAccessListener),
   * and the client follows again under the new rights.
   */
  @SubscribeMessage('followConsultation')
  async followConsultation(@ConnectedSocket() socket: LiveSocket, @MessageBody() { consultationId }: ConsultationSubscriptionDto): Promise<LiveAck> {
    const user = await this.auth.recheck(socket.data.user.id, socket.data.sessionId);
    if (!this.consultations) throw new NotFoundException(`Consultation ${consultationId} not found`);
    await this.consultations.assertCanFollow(user, consultationId);
    await this.live.followConsultation(socket, consultationId);
    return { ok: true };
  }

  @SubscribeMessage('unfollowConsultation')
  async unfollowConsultation(@ConnectedSocket() socket: LiveSocket, @MessageBody() { consultationId }: ConsultationSubscriptionDto): Promise<LiveAck> {
    await this.live.unfollowConsultation(socket, consultationId);
    return { ok: true };
  }
}
