import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RoundClosingService } from './round-closing.service';

/** How often open rounds are checked against their deadline. */
export const DEADLINE_SWEEP_INTERVAL_MS = 2_000;

/**
 * Closes rounds whose deadline has passed: once at start (a deadline that passed while every
 * instance was down) and then every few seconds. The state lives in the database, so a restart
 * loses nothing, and two instances sweeping together still close each round once.
 */
@Injectable()
export class RoundDeadlinesScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RoundDeadlinesScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(private readonly closing: RoundClosingService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    if (this.stopped) return;
    this.timer = setInterval(() => void this.sweep(), DEADLINE_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; a pass still running is joined rather than doubled. */
  sweep(): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    this.running ??= this.closing
      .closeDueRounds()
      .then((closed) => {
        if (closed > 0) this.logger.log(`Closed ${closed} round(s) at their deadline`);
        return closed;
      })
      .catch((error: unknown) => {
        this.logger.error(`Deadline sweep failed: ${String(error)}`);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
