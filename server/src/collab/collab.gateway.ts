import { COLLAB_NAMESPACE, type CollabAck } from '@coupole/shared';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { DirectSocketMessage } from '../realtime/shared-message-listeners';
import { CollabNamespace, CollabRelay, CollabSocket } from './collab-relay';
import { CollabService } from './collab.service';

/**
 * Live co-editing of a document body: Yjs over socket.io, namespace `/collab`, with the
 * y-protocols encodings. The protocol, for client writers (see also collab-protocol.ts):
 *
 *   connect  auth: { token } | Authorization: Bearer | session cookie — else connect_error
 *   → join { documentId }                       ack { ok, canEdit } | { ok: false, code, error }
 *       (refused, and nothing sent, unless the user may read the document)
 *   ← sync  [0, stateVector]                    server's sync step 1
 *   ← sync  [1, state]                          server's sync step 2 (the whole stored body)
 *   ← awareness <update>                        carets of those already there
 *   → sync  [0, sv]   ← sync [1, diff]          the client may ask for what it lacks
 *   → sync  [1, diff]                           the client's answer to step 1: an edit, no ack
 *   → update <Yjs update>                       ack { ok: true } once COMMITTED in PostgreSQL
 *   ← sync  [2, update]                         the others' edits, from every instance
 *   → awareness / ← awareness                   carets, relayed to the room
 *   ← error { code, message }                   a refused `sync` or `awareness`
 *
 * A client marks text "Enregistré" only when every update it sent is acknowledged; after a
 * reconnect it joins again and re-sends what was not acknowledged (duplicates merge). Only
 * users who may `edit` change the text: other updates are refused, neither applied nor
 * relayed. Limits: 512 KB per update, 5 MB per document, a per-socket message rate.
 * CollabService checks every message and answers every failure: the handlers are direct
 * (no Nest context per message, see DirectSocketMessage).
 */
@WebSocketGateway({ namespace: COLLAB_NAMESPACE })
export class CollabGateway implements OnGatewayInit<CollabNamespace>, OnGatewayConnection<CollabSocket>, OnGatewayDisconnect<CollabSocket> {
  constructor(
    private readonly collab: CollabService,
    private readonly relay: CollabRelay,
  ) {}

  afterInit(namespace: CollabNamespace): void {
    this.relay.bind(namespace);
    namespace.use((socket, next) => {
      this.collab.authenticate(socket, socket.handshake).then(
        () => next(),
        () => next(new Error('unauthenticated')),
      );
    });
  }

  handleConnection(socket: CollabSocket): Promise<void> {
    return this.collab.admit(socket);
  }

  handleDisconnect(socket: CollabSocket): Promise<void> {
    return this.collab.disconnect(socket);
  }

  @SubscribeMessage('join')
  @DirectSocketMessage()
  join(@ConnectedSocket() socket: CollabSocket, @MessageBody() payload: unknown): Promise<CollabAck> {
    return this.collab.join(socket, payload);
  }

  @SubscribeMessage('update')
  @DirectSocketMessage()
  update(@ConnectedSocket() socket: CollabSocket, @MessageBody() update: unknown): Promise<CollabAck> {
    return this.collab.update(socket, update);
  }

  @SubscribeMessage('sync')
  @DirectSocketMessage()
  sync(@ConnectedSocket() socket: CollabSocket, @MessageBody() message: unknown): Promise<void> {
    return this.collab.sync(socket, message);
  }

  @SubscribeMessage('awareness')
  @DirectSocketMessage()
  awareness(@ConnectedSocket() socket: CollabSocket, @MessageBody() message: unknown): Promise<void> {
    return this.collab.awareness(socket, message);
  }
}
