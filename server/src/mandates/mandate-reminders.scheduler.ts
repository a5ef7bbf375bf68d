import { Injectable, Logger } from '@nestjs/common';
import { PeriodicSweep } from '../common/periodic-sweep';
import { MandatesService } from './mandates.service';

/** Tells the secretariat, once, of each mandate ending within 60 days. */
@Injectable()
export class MandateRemindersScheduler extends PeriodicSweep {
  protected readonly logger = new Logger(MandateRemindersScheduler.name);
  protected readonly intervalMs = 60 * 60 * 1000;

  constructor(private readonly mandates: MandatesService) {
    super();
  }

  protected run(now: Date): Promise<number> {
    return this.mandates.remindEndingMandates(now);
  }
}
