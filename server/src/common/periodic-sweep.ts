import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A job run once at start (so a restart catches up) and then at an interval. A pass still
 * running is joined rather than doubled. Exactly-once effects across instances come from the
 * job itself (a conditional insert in PostgreSQL), never from this timer.
 */
export abstract class PeriodicSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  protected abstract readonly intervalMs: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  /** One pass; returns how many things it did. */
  protected abstract run(now: Date): Promise<number>;

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    if (this.stopped) return;
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  sweep(now: Date = new Date()): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    this.running ??= this.run(now)
      .catch((error: unknown) => {
        this.logger.error(`Sweep failed: ${String(error)}`);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
