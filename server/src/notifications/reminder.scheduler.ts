import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NotificationsService } from './notifications.service';

export const REMINDER_SWEEP_INTERVAL_MS = 60_000;

/**
 * Sends the 24-hour reminders: once at start (so a restart catches up) and then every minute.
 * Which federation was reminded lives in `round_reminders`, so instances sweeping together,
 * or a sweep repeated after a restart, remind each federation of a round once.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(private readonly notifications: NotificationsService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    if (this.stopped) return;
    this.timer = setInterval(() => void this.sweep(), REMINDER_SWEEP_INTERVAL_MS);
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
    this.running ??= this.notifications
      .remindDueRounds(now)
      .then((reminded) => {
        if (reminded > 0) this.logger.log(`Reminded ${reminded} federation(s) of a deadline within 24 h`);
        return reminded;
      })
      .catch((error: unknown) => {
        this.logger.error(`Reminder sweep failed: ${String(error)}`);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
