import { Logger } from '@nestjs/common';
import { EXCEPTION_FILTERS_METADATA, GUARDS_METADATA, INTERCEPTORS_METADATA, PIPES_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { WsParamtype } from '@nestjs/websockets/enums/ws-paramtype.enum';
import { WebSocketsController } from '@nestjs/websockets/web-sockets-controller';
import { isObservable } from 'rxjs';

/** What a listener needs of a socket.io socket (it is called with the socket as `this`). */
export interface ListeningSocket {
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

const DIRECT_MESSAGE = 'coupole:direct-socket-message';

/**
 * On a gateway's message handler `(@ConnectedSocket() socket, @MessageBody() body)` that checks
 * who may do it and answers every failure itself (never throws): its sockets call the method
 * directly, without Nest's per-message context. That context would run the global guards
 * (which let socket messages through: they guard HTTP), the global ValidationPipe on an untyped
 * body (which leaves it as it is) and the exception filters (never reached), a few promises and
 * objects per message — on `/collab`, per keystroke of every editor. A handler or gateway with
 * guards, pipes, interceptors or filters of its own, or other parameters, is refused when its
 * listeners are made (the first connection), so the decorator cannot skip one by mistake.
 */
export function DirectSocketMessage(): MethodDecorator {
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(DIRECT_MESSAGE, true, descriptor.value as object);
  };
}

type Call = (socket: ListeningSocket, data: unknown, ack: unknown) => unknown;

/** The gateway's method itself when it is marked direct (and fits), else Nest's handler (exported for its spec). */
export function callOf(handler: UnboundHandler, instance: object): Call {
  const method = (instance as Record<string, unknown>)[handler.methodName];
  if (typeof method !== 'function' || !Reflect.getMetadata(DIRECT_MESSAGE, method)) {
    return (socket, data, ack) => handler.callback.call(instance, socket, data, ack);
  }
  assertDirect(instance, handler.methodName, method);
  return (socket, data) => (method as (socket: unknown, body: unknown) => unknown).call(instance, socket, data);
}

function assertDirect(instance: object, methodName: string, method: object): void {
  const where = `${instance.constructor.name}.${methodName}`;
  for (const key of [GUARDS_METADATA, PIPES_METADATA, INTERCEPTORS_METADATA, EXCEPTION_FILTERS_METADATA]) {
    const own = [Reflect.getMetadata(key, instance.constructor), Reflect.getMetadata(key, method)] as unknown[];
    if (own.some((value) => Array.isArray(value) && value.length > 0)) throw new Error(`${where} is a direct socket message but has ${key}`);
  }
  const params = (Reflect.getMetadata(ROUTE_ARGS_METADATA, instance.constructor, methodName) ?? {}) as Record<string, { index: number; pipes?: unknown[] }>;
  const layout = Object.entries(params)
    .map(([key, param]) => `${key.split(':')[0]}@${param.index}${param.pipes?.length ? '+pipes' : ''}`)
    .sort();
  const expected = [`${WsParamtype.PAYLOAD}@1`, `${WsParamtype.SOCKET}@0`].sort();
  if (layout.join() !== expected.join()) throw new Error(`${where} is a direct socket message: its parameters must be (@ConnectedSocket(), @MessageBody())`);
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
  const { message, isAckHandledManually } = handler;
  const call = callOf(handler, instance);
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
    new Promise((resolve) => resolve(call(socket, data, ack))).then((result: unknown) => {
      // A promise the handler returned is already settled here: `then` unwraps it.
      if (isObservable(result)) result.subscribe({ next: answer, error: fail });
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
