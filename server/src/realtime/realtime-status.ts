import { Injectable, Logger } from '@nestjs/common';
import { AppConfigService } from '../config/app-config.service';
import { DomainEventBus } from '../domain-events/domain-event-bus';

export type RedisState = 'not_configured' | 'up' | 'down';

/** The two connections of the socket.io Redis adapter. */
const LINKS = ['publisher', 'subscriber'] as const;
export type RedisLink = (typeof LINKS)[number];

/**
 * The state of the link to Redis (the socket.io adapter's publisher and subscriber), for the
 * health check and for the resynchronisation once it comes back. An outage is logged once when
 * it starts and once when it ends, not on every reconnection attempt.
 */
@Injectable()
export class RealtimeStatus {
  private readonly logger = new Logger('Redis');
  private readonly ready = new Set<RedisLink>();
  private readonly configured: boolean;
  /** Since when a link is missing (also before the first connection), or null when both are ready. */
  private downSince: number | null;
  private outageReported = false;
  private lastError = '';
  private dropped = 0;
  private stopped = false;
  private readonly restoredListeners: Array<() => void> = [];

  constructor(
    config: AppConfigService,
    private readonly events: DomainEventBus,
  ) {
    this.configured = config.redisUrl !== undefined;
    this.downSince = this.configured ? Date.now() : null;
  }

  get redis(): RedisState {
    if (!this.configured) return 'not_configured';
    return this.downSince === null ? 'up' : 'down';
  }

  /** The last error a Redis client reported (for the health check). */
  get redisError(): string {
    return this.lastError;
  }

  /** A Redis client is connected and ready (its subscriptions restored, for the subscriber). */
  linkUp(link: RedisLink): void {
    if (this.stopped) return;
    this.ready.add(link);
    if (this.downSince === null || LINKS.some((each) => !this.ready.has(each))) return;
    const downForMs = Date.now() - this.downSince;
    this.downSince = null;
    if (!this.outageReported) return;
    this.outageReported = false;
    this.logger.warn(
      `Redis reachable again after ${Math.round(downForMs / 1000)} s (${this.dropped} messages to other instances dropped): resynchronising the document rooms`,
    );
    this.dropped = 0;
    this.events.emit('realtime.redis_restored', { downForMs, elsewhere: false });
    for (const listener of this.restoredListeners) listener();
  }

  /** The adapter tells the other instances, through Redis, that this one lost messages. */
  onRestored(listener: () => void): void {
    this.restoredListeners.push(listener);
  }

  /** Another instance had lost Redis: messages between it and this one were lost. */
  peerRestored(): void {
    if (this.stopped) return;
    this.events.emit('realtime.redis_restored', { downForMs: 0, elsewhere: true });
  }

  /** A Redis client lost its connection or failed to reach the server (called on every retry). */
  linkDown(link: RedisLink, error: unknown): void {
    if (this.stopped) return;
    this.ready.delete(link);
    this.lastError = error instanceof Error ? error.message || error.name : String(error);
    this.downSince ??= Date.now();
    if (this.outageReported) return;
    this.outageReported = true;
    this.logger.error(
      `Redis unreachable (${link}: ${this.lastError}): this instance goes on alone and reconnects with backoff; other instances miss its messages meanwhile`,
    );
  }

  /** A message to the other instances that could not be published (counted, logged at the end). */
  messageDropped(): void {
    this.dropped++;
  }

  /** The clients are being closed on purpose (shutdown): that is no outage. */
  closing(): void {
    this.stopped = true;
  }
}
