import { Injectable, Logger } from '@nestjs/common';
import { PeriodicSweep } from '../common/periodic-sweep';
import { DigestsService } from './digests.service';

export const DIGEST_SWEEP_INTERVAL_MS = 60_000;

/**
 * Sends the digests due at 08:00 Brussels: once at start (a restart catches up) and then every
 * minute. Which slot went to whom lives in `info_digest_deliveries`, so instances sweeping
 * together send each digest once.
 */
@Injectable()
export class DigestsScheduler extends PeriodicSweep {
  protected readonly logger = new Logger(DigestsScheduler.name);
  protected readonly intervalMs = DIGEST_SWEEP_INTERVAL_MS;

  constructor(private readonly digests: DigestsService) {
    super();
  }

  protected async run(now: Date): Promise<number> {
    const sent = await this.digests.sendDue(now);
    if (sent > 0) this.logger.log(`Sent ${sent} info digest(s)`);
    return sent;
  }
}
