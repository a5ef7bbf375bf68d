import { Injectable, Logger } from '@nestjs/common';
import { PeriodicSweep } from '../common/periodic-sweep';
import { NotificationsService } from './notifications.service';

export const REMINDER_SWEEP_INTERVAL_MS = 60_000;

/**
 * Sends the 24-hour reminders every minute. Which federation was reminded lives in
 * `round_reminders`, so instances sweeping together, or a sweep repeated after a restart,
 * remind each federation of a round once.
 */
@Injectable()
export class ReminderScheduler extends PeriodicSweep {
  protected readonly logger = new Logger(ReminderScheduler.name);
  protected readonly intervalMs = REMINDER_SWEEP_INTERVAL_MS;

  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  protected async run(now: Date): Promise<number> {
    const reminded = await this.notifications.remindDueRounds(now);
    if (reminded > 0) this.logger.log(`Reminded ${reminded} federation(s) of a deadline within 24 h`);
    return reminded;
  }
}
