import { Logger } from '@nestjs/common';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { WebSocketsController } from '@nestjs/websockets/web-sockets-controller';
import { isObservable } from 'rxjs';

/** What a listener needs of a socket.io socket (it is called with the socket as `this`). */
interface ListeningSocket {
  readonly disconnected: boolean;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

type Listener = (this: ListeningSocket, ...args: unknown[]) => void;

/** A gateway's handler before Nest binds it to one socket: `callback(socket, data, ack)`. */
type UnboundHandler = MessageMappingProperties;

/** The Nest internals the patch reads (private in their typings). */
interface ControllerInternals {
  config: { getIoAdapter(): unknown };
}

const logger = new Logger('SocketMessages');

/** The adapter's side of the patch: Nest's IoAdapter reads `(data, ack)` out of a message's arguments. */
interface SharingAdapter {
  sharesMessageListeners?: boolean;
  mapPayload(payload: unknown): { data: unknown; ack?: (...reply: unknown[]) => void };
}

/**
 * One listener for one message of one gateway, shared by all its sockets. The handler's result
 * answers the acknowledgement, or is emitted when it is `{ event, data }`, as Nest's own binding
 * does (`pickResult`, then every value of an observable); nothing is sent once the socket is gone
 * (what Nest's takeUntil(disconnect$) did). A promise or a plain value is answered without
 * building Nest's RxJS pipeline for each message (`from(pickResult(…)).pipe(mergeAll())`): every
 * Yjs update on `/collab` goes through here.
 */
function sharedListener(handler: UnboundHandler, instance: object, adapter: SharingAdapter): Listener {
  const { message, callback, isAckHandledManually } = handler;
  const fail = (error: unknown) => logger.error(`Socket message '${String(message)}' failed: ${String(error)}`);
  return function (this: ListeningSocket, ...args: unknown[]) {
    const socket = this;
    // As rxjs' fromEvent delivered them to Nest: one argument as is, several as an array.
    const { data, ack } = adapter.mapPayload(args.length <= 1 ? args[0] : args);
    const answer = (response: unknown) => {
      if (response === null || response === undefined || socket.disconnected) return;
      const emitted = response as { event?: string; data?: unknown };
      if (emitted.event) return void socket.emit(emitted.event, emitted.data);
      if (!isAckHandledManually && typeof ack === 'function') ack(response);
    };
    Promise.resolve(callback.call(instance, socket, data, ack)).then((result: unknown) => {
      if (isObservable(result)) result.subscribe({ next: answer, error: fail });
      else if (result instanceof Promise) result.then(answer, fail);
      else answer(result);
    }, fail);
  };
}

let installed = false;

/**
 * For every connection, Nest binds each message handler of the gateway to the socket
 * (`callback.bind(instance, client)`) and hands them to the adapter, which subscribes each
 * through an RxJS pipeline: per browser tab (/live + /collab) some thirty bound functions,
 * closures and subscribers that an idle connection keeps (#14, `bench:connections` with
 * BENCH_HEAP_DIFF=1). Here each gateway's listeners are made once, on its first connection, and
 * every socket registers the same functions: a socket costs the entries of its listener table.
 * Only for the adapters that ask for it (`sharesMessageListeners`); any other keeps Nest's way.
 */
export function installSharedMessageListeners(): void {
  if (installed) return;
  installed = true;
  const prototype = WebSocketsController.prototype;
  const bindPerSocket = prototype.subscribeMessages;
  const listenersOf = new WeakMap<MessageMappingProperties[], Array<[string, Listener]>>();
  prototype.subscribeMessages = function (this: WebSocketsController, subscribersMap, client, instance) {
    const controller = this as unknown as ControllerInternals;
    const adapter = controller.config.getIoAdapter() as SharingAdapter;
    if (!adapter.sharesMessageListeners) return bindPerSocket.call(this, subscribersMap, client, instance);
    // Nest passes the same array for every connection of one gateway.
    let listeners = listenersOf.get(subscribersMap);
    if (!listeners) {
      listeners = subscribersMap.map((handler) => [handler.message as string, sharedListener(handler, instance, adapter)]);
      listenersOf.set(subscribersMap, listeners);
    }
    const socket = client as ListeningSocket;
    for (const [message, listener] of listeners) socket.on(message, listener);
  };
}
