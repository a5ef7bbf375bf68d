import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import { allowOwnOriginHandshake } from '../common/request-origin';

type RedisClient = ReturnType<typeof createClient>;

/** Above the largest accepted Yjs update (512 KB), so that one is refused with a clear error. */
export const MAX_SOCKET_MESSAGE_BYTES = 1024 * 1024;

/**
 * socket.io for every namespace (`/collab`, `/live`). With REDIS_URL, rooms span all server
 * instances through the Redis adapter (room broadcasts, fetchSockets, serverSideEmit);
 * without it, a single instance works alone with the in-memory adapter.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly logger = new Logger(RealtimeIoAdapter.name);
  private readonly clients: RedisClient[] = [];
  private adapterConstructor?: ReturnType<typeof createAdapter>;

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string | undefined,
    private readonly publicUrl?: string,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    // No per-message compression: Yjs updates are small and binary, and deflating every frame of
    // a broadcast to hundreds of sockets costs CPU on the path of every edit (engine.io's
    // default too, stated here so that it stays so).
    const server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
      perMessageDeflate: false,
      // CSRF: a page of another origin may not open a socket with the user's cookie.
      allowRequest: allowOwnOriginHandshake(this.publicUrl),
    }) as Server;
    if (this.redisUrl) server.adapter(this.redisAdapter(this.redisUrl));
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    const clients = this.clients.splice(0);
    await Promise.all(clients.map((client) => (client.isOpen ? client.quit().catch(() => undefined) : undefined)));
  }

  private redisAdapter(url: string): ReturnType<typeof createAdapter> {
    if (this.adapterConstructor) return this.adapterConstructor;
    const publisher: RedisClient = createClient({ url });
    const subscriber = publisher.duplicate();
    for (const [role, client] of [['publisher', publisher], ['subscriber', subscriber]] as const) {
      // Without a listener a Redis outage would crash the process; the client reconnects itself.
      client.on('error', (error: unknown) => this.logger.error(`Redis ${role}: ${String(error)}`));
      // Commands issued before the connection is up are queued by the client.
      client.connect().catch((error: unknown) => this.logger.error(`Redis ${role} connection: ${String(error)}`));
      this.clients.push(client);
    }
    this.guardPublish(publisher);
    this.adapterConstructor = createAdapter(publisher, subscriber);
    return this.adapterConstructor;
  }

  /**
   * The adapter never awaits `publish` (upstream socket.io-redis-adapter #448, #412): a publish
   * failing while Redis is unreachable, or after the client was closed at shutdown, would be an
   * unhandled rejection. It is logged here and dropped.
   */
  private guardPublish(publisher: RedisClient): void {
    const publish = publisher.publish.bind(publisher) as (...args: unknown[]) => Promise<number>;
    (publisher as unknown as { publish: (...args: unknown[]) => Promise<number> }).publish = (...args: unknown[]) =>
      publish(...args).catch((error: unknown) => {
        if (publisher.isOpen) this.logger.warn(`Redis publish failed: ${String(error)}`);
        return 0;
      });
  }
}
