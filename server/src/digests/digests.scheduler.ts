import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DigestsService } from './digests.service';

export const DIGEST_SWEEP_INTERVAL_MS = 60_000;

/**
 * Sends the digests due at 08:00 Brussels: once at start (a restart catches up) and then every
 * minute. Which slot went to whom lives in `info_digest_deliveries`, so instances sweeping
 * together send each digest once.
 */
@Injectable()
export class DigestsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DigestsScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(private readonly digests: DigestsService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    if (this.stopped) return;
    this.timer = setInterval(() => void this.sweep(), DIGEST_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; a pass still running is joined rather than doubled. */
  sweep(now?: Date): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    this.running ??= this.digests
      .sendDue(now)
      .then((sent) => {
        if (sent > 0) this.logger.log(`Sent ${sent} info digest(s)`);
        return sent;
      })
      .catch((error: unknown) => {
        this.logger.error(`Digest sweep failed: ${String(error)}`);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
