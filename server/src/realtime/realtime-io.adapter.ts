import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import { allowOwnOriginHandshake } from '../common/request-origin';
import { DEFAULT_REDIS_PREFIX } from '../config/environment';
import { installOneWritePerMessage } from './one-write-per-message';
import { RealtimeStatus } from './realtime-status';
import { installSharedMessageListeners } from './shared-message-listeners';
import { slimEngineConnection } from './socket-memory';

/** engine.io servers whose connections are already slimmed (createIOServer may run more than once). */
const slimmedEngines = new WeakSet<object>();

type RedisClient = ReturnType<typeof createClient>;

/** A server ping every 2 s; a client that hears none for 2.5 s more (4.5 s in all) counts itself cut off. */
export const HEARTBEAT_INTERVAL_MS = 2_000;
export const HEARTBEAT_TIMEOUT_MS = 2_500;

/** Above the largest accepted Yjs update (512 KB), so that one is refused with a clear error. */
export const MAX_SOCKET_MESSAGE_BYTES = 1024 * 1024;

/** Reconnection delays: 100 ms doubling up to 5 s, with jitter so instances do not stampede. */
export function redisReconnectDelay(retries: number, random = Math.random): number {
  const base = Math.min(100 * 2 ** Math.min(retries, 10), 5_000);
  return Math.round(base / 2 + random() * (base / 2));
}

/** How often the publisher is asked for a PING, and how long it has to answer. */
const WATCHDOG_INTERVAL_MS = 2_000;
const WATCHDOG_TIMEOUT_MS = 3_000;
/** At shutdown, how long queued commands may take to finish before the connection is dropped. */
const CLOSE_TIMEOUT_MS = 2_000;

/** Between instances (root namespace): "Redis is back for me, I lost messages to you". */
const RESTORED_EVENT = 'realtime:restored';

/** Commands the socket.io Redis adapter sends without handling their promise. */
const UNAWAITED_COMMANDS = ['publish', 'subscribe', 'unsubscribe', 'pSubscribe', 'pUnsubscribe'] as const;

/**
 * socket.io for every namespace (`/collab`, `/live`). With REDIS_URL, rooms span all server
 * instances through the Redis adapter (room broadcasts, fetchSockets, serverSideEmit);
 * without it, a single instance works alone with the in-memory adapter.
 *
 * A Redis outage must not take the server down (upstream socket.io-redis-adapter #448, #412):
 * the adapter discards the promise of each `publish` (and of its (un)subscriptions), so one
 * failing while Redis is unreachable, or after the client was closed at shutdown, became an
 * unhandled rejection that killed the process. Here those commands are guarded, the publisher
 * fails fast (no offline queue: a stale backlog is worth nothing once the instances
 * resynchronise), both clients reconnect with backoff, and RealtimeStatus logs the outage once
 * and announces the return of Redis so that the document rooms are resynchronised.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly logger = new Logger(RealtimeIoAdapter.name);
  /** Gateways' message listeners are made once and shared by their sockets (shared-message-listeners.ts). */
  readonly sharesMessageListeners = true;
  private readonly clients: RedisClient[] = [];
  private adapterConstructor?: ReturnType<typeof createAdapter>;
  private readonly status: RealtimeStatus;
  private watchdog?: NodeJS.Timeout;
  private pinging = false;
  private announcing = false;
  /** Counts the publisher's connections: a PING sent on an earlier one says nothing of the current. */
  private publisherConnections = 0;

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string | undefined,
    private readonly publicUrl?: string,
    /** Channel prefix (REDIS_PREFIX): instances hear only those sharing it. */
    private readonly redisPrefix = DEFAULT_REDIS_PREFIX,
  ) {
    super(app);
    this.status = app.get(RealtimeStatus);
    installSharedMessageListeners();
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    installOneWritePerMessage();
    // No per-message compression: Yjs updates are small and binary, and deflating every frame of
    // a broadcast to hundreds of sockets costs CPU on the path of every edit (engine.io's
    // default too, stated here so that it stays so).
    const server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
      perMessageDeflate: false,
      // A connection that silently died (Wi-Fi lost, laptop lid closed: no TCP reset) is seen by
      // the client when no ping arrives within pingInterval + pingTimeout — 4.5 s here instead of
      // engine.io's 45 s, so the editor says "Hors ligne" at once rather than "Synchronisé".
      pingInterval: HEARTBEAT_INTERVAL_MS,
      pingTimeout: HEARTBEAT_TIMEOUT_MS,
      // CSRF: a page of another origin may not open a socket with the user's cookie.
      allowRequest: allowOwnOriginHandshake(this.publicUrl),
    }) as Server;
    // What an idle connection keeps (bench:connections): not its whole HTTP request.
    if (!slimmedEngines.has(server.engine)) {
      slimmedEngines.add(server.engine);
      server.engine.on('connection', slimEngineConnection);
    }
    if (this.redisUrl) {
      server.adapter(this.redisAdapter(this.redisUrl));
      this.announceRestorations(server);
    }
    return server;
  }

  /**
   * Runs after socket.io closed its servers (every socket disconnected, the rooms' presence
   * published: see CollabService.beforeApplicationShutdown): only then are the Redis clients
   * closed. A client still connected finishes its queued commands; one reconnecting is dropped.
   */
  override async dispose(): Promise<void> {
    await super.dispose();
    clearInterval(this.watchdog);
    this.watchdog = undefined;
    this.status.closing();
    const clients = this.clients.splice(0);
    await Promise.all(
      clients.map(async (client) => {
        if (!client.isOpen) return;
        let timer: NodeJS.Timeout | undefined;
        try {
          // A half-open connection would never answer: its queue is dropped after a while.
          if (client.isReady) await Promise.race([client.close(), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS)))]);
          client.destroy();
        } catch {
          // Already closed: nothing left to release.
        } finally {
          clearTimeout(timer);
        }
      }),
    );
  }

  private redisAdapter(url: string): ReturnType<typeof createAdapter> {
    if (this.adapterConstructor) return this.adapterConstructor;
    const socket = { reconnectStrategy: (retries: number) => redisReconnectDelay(retries) };
    const publisher: RedisClient = createClient({ url, socket, disableOfflineQueue: true });
    // The subscriber keeps its queue: node-redis subscribes again by itself after reconnecting.
    const subscriber: RedisClient = createClient({ url, socket });
    for (const [role, client] of [['publisher', publisher], ['subscriber', subscriber]] as const) {
      this.guardUnawaitedCommands(role, client);
      // Without an 'error' listener a Redis outage would crash the process.
      client.on('error', (error: unknown) => this.status.linkDown(role, error));
      client.on('ready', () => {
        if (client === subscriber) return this.status.linkUp(role);
        // Without a handshake, node-redis calls a connection ready as soon as TCP connects (even
        // one a proxy resets at once): the publisher counts as up once it answers a PING.
        this.publisherConnections++;
        void this.checkPublisher(publisher);
      });
      client.connect().catch((error: unknown) => this.logger.error(`Redis ${role} connection: ${String(error)}`));
      this.clients.push(client);
    }
    this.watchdog = setInterval(() => void this.checkPublisher(publisher), WATCHDOG_INTERVAL_MS);
    this.watchdog.unref();
    this.adapterConstructor = createAdapter(publisher, subscriber, { key: this.redisPrefix });
    return this.adapterConstructor;
  }

  /** Once Redis is back for one instance, every other one learns it missed its messages. */
  private announceRestorations(server: Server): void {
    if (this.announcing) return;
    this.announcing = true;
    const root = server.of('/');
    root.on(RESTORED_EVENT, () => this.status.peerRestored());
    this.status.onRestored(() => root.serverSideEmit(RESTORED_EVENT));
  }

  /**
   * A connection can look ready and be dead (half-open: a proxy or a NAT dropped it without a
   * reset): node-redis then queues every publish for an answer that never comes, and the other
   * instances silently miss them. The publisher is up once it answers a PING, and asked again
   * every few seconds; unanswered in time, its connection is closed and reopened at once
   * (dropping what was queued: the rooms are resynchronised from the database once it is back).
   */
  private async checkPublisher(publisher: RedisClient): Promise<void> {
    if (!publisher.isReady || this.pinging) return;
    this.pinging = true;
    const connection = this.publisherConnections;
    let timer: NodeJS.Timeout | undefined;
    const answered = await Promise.race([
      publisher.ping().then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), WATCHDOG_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    this.pinging = false;
    if (connection !== this.publisherConnections || !publisher.isReady || !this.watchdog) return;
    if (answered) return this.status.linkUp('publisher');
    this.status.linkDown('publisher', new Error(`no answer to PING within ${WATCHDOG_TIMEOUT_MS} ms`));
    publisher.destroy();
    publisher.connect().catch((error: unknown) => this.logger.error(`Redis publisher connection: ${String(error)}`));
  }

  /** The adapter never awaits these: a failure is caught and counted here, never left unhandled. */
  private guardUnawaitedCommands(role: string, client: RedisClient): void {
    const commands = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const name of UNAWAITED_COMMANDS) {
      const command = commands[name].bind(client);
      commands[name] = (...args: unknown[]) => {
        let sent: Promise<unknown> | undefined;
        try {
          sent = command(...args);
        } catch (error) {
          sent = Promise.reject(error);
        }
        // node-redis answers some (un)subscriptions with no promise at all.
        return Promise.resolve(sent).catch((error: unknown) => {
          if (name === 'publish') this.status.messageDropped();
          if (client.isReady) this.logger.warn(`Redis ${role} ${name} failed: ${String(error)}`);
          return 0;
        });
      };
    }
  }
}
