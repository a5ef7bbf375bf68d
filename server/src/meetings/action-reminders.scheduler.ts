import { Injectable, Logger } from '@nestjs/common';
import { PeriodicSweep } from '../common/periodic-sweep';
import { MeetingsService } from './meetings.service';

/** Reminds each assignee, once, of an open action due tomorrow. */
@Injectable()
export class ActionRemindersScheduler extends PeriodicSweep {
  protected readonly logger = new Logger(ActionRemindersScheduler.name);
  protected readonly intervalMs = 15 * 60 * 1000;

  constructor(private readonly meetings: MeetingsService) {
    super();
  }

  protected run(now: Date): Promise<number> {
    return this.meetings.remindDueActions(now);
  }
}
