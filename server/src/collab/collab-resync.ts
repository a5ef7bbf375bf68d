import { BeforeApplicationShutdown, Injectable, OnModuleInit } from '@nestjs/common';
import { OnDomainEvent } from '../domain-events/domain-event-bus';
import { RealtimeStatus } from '../realtime/realtime-status';
import { CollabService } from './collab.service';

/** While Redis is unreachable, open documents are caught up from the database this often. */
const OUTAGE_CATCH_UP_MS = 2_000;
/**
 * After Redis is back, the rooms are resynchronised at once and again this much later: an
 * edit broadcast while a link was still down may be committed only after the first pass read
 * the database.
 */
const SECOND_PASS_MS = 3_000;

/**
 * Keeps the document rooms of every instance converging when Redis, which relays edits between
 * instances, is unreachable: during the outage each instance reads the others' durable edits
 * from the database every few seconds; once Redis is back for an instance, it and every other
 * instance (they may have lost its messages for longer than their own link was down, or not
 * noticed any outage at all) resynchronise their rooms and recheck their sockets' rights.
 */
@Injectable()
export class CollabResync implements OnModuleInit, BeforeApplicationShutdown {
  private readonly timers = new Set<NodeJS.Timeout>();
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly collab: CollabService,
    private readonly status: RealtimeStatus,
  ) {}

  onModuleInit(): void {
    if (this.status.redis === 'not_configured') return;
    const poll = setInterval(() => {
      if (this.status.redis === 'down') void this.run({ whole: false });
    }, OUTAGE_CATCH_UP_MS);
    poll.unref();
    this.timers.add(poll);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    await this.running;
  }

  /** Redis is back, for this instance or another one (which lost its messages to this one). */
  @OnDomainEvent('realtime.redis_restored')
  async onRedisRestored(): Promise<void> {
    this.resyncAfterOutage();
    await this.collab.recheckLocalSockets();
  }

  private resyncAfterOutage(): void {
    void this.run({ whole: true });
    const again = setTimeout(() => {
      this.timers.delete(again);
      void this.run({ whole: true });
    }, SECOND_PASS_MS);
    again.unref();
    this.timers.add(again);
  }

  /** One pass at a time; a pass asked for meanwhile runs after it (it must read later edits). */
  private async run(options: { whole: boolean }): Promise<void> {
    const previous = this.running;
    if (previous && !options.whole) return;
    const pass = (async () => {
      await previous;
      if (!this.stopped) await this.collab.resynchronise(options);
    })();
    this.running = pass;
    try {
      await pass;
    } finally {
      if (this.running === pass) this.running = undefined;
    }
  }
}
