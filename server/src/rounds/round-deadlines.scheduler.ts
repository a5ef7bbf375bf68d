import { Injectable, Logger } from '@nestjs/common';
import { PeriodicSweep } from '../common/periodic-sweep';
import { RoundClosingService } from './round-closing.service';

/** How often open rounds are checked against their deadline. */
export const DEADLINE_SWEEP_INTERVAL_MS = 2_000;

/**
 * Closes rounds whose deadline has passed (also one that passed while every instance was down).
 * The state lives in the database, so two instances sweeping together still close each round once.
 */
@Injectable()
export class RoundDeadlinesScheduler extends PeriodicSweep {
  protected readonly logger = new Logger(RoundDeadlinesScheduler.name);
  protected readonly intervalMs = DEADLINE_SWEEP_INTERVAL_MS;

  constructor(private readonly closing: RoundClosingService) {
    super();
  }

  protected async run(now: Date): Promise<number> {
    const closed = await this.closing.closeDueRounds(now);
    if (closed > 0) this.logger.log(`Closed ${closed} round(s) at their deadline`);
    return closed;
  }
}
