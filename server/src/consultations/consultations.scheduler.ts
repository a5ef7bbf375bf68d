import { Injectable, Logger } from '@nestjs/common';
import { PeriodicSweep } from '../common/periodic-sweep';
import { ConsultationsService } from './consultations.service';

export const CONSULTATION_SWEEP_INTERVAL_MS = 60_000;

/**
 * Closes consultations at their deadline and sends the reminders due. Which ILI was reminded
 * lives in `consultation_invitations.reminded_at`, claimed by one conditional UPDATE, so
 * instances sweeping together send each reminder once.
 */
@Injectable()
export class ConsultationsScheduler extends PeriodicSweep {
  protected readonly logger = new Logger(ConsultationsScheduler.name);
  protected readonly intervalMs = CONSULTATION_SWEEP_INTERVAL_MS;

  constructor(private readonly consultations: ConsultationsService) {
    super();
  }

  protected run(now: Date): Promise<number> {
    return this.consultations.sweep(now);
  }
}
