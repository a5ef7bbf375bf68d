import { addDays, brusselsDate } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DispatchesService } from '../../dispatches/dispatches.service';
import { DocumentsService } from '../../documents/documents.service';
import { UsersService } from '../../users/users.service';
import type { SeedStep } from '../seed-step';
import { MEMORANDUM_ADOPTED_DAYS_AGO } from './rounds.seed';

/**
 * Dispatches of the adopted demo memorandum, sent two days after its adoption: one still
 * unanswered (overdue), one answered, one still to send. Idempotent; written with the seed's
 * transaction.
 */
@Injectable()
export class DispatchesDemoSeed implements SeedStep {
  readonly name = 'demo dispatches';

  constructor(
    private readonly dispatches: DispatchesService,
    private readonly documents: DocumentsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async run(manager: EntityManager): Promise<void> {
    const today = brusselsDate(this.clock.now());
    const sent = addDays(today, 2 - MEMORANDUM_ADOPTED_DAYS_AGO);
    const secretariat = (await this.users.byEmail(manager)).get('secretariat@demo.coupole.be');
    const memorandum = await this.documents.findByTitle(manager, 'Mémorandum 2026%', 'adopted');
    if (!secretariat || !memorandum) return;
    await this.dispatches.recordHistoryIn(manager, memorandum.id, secretariat.id, [
      { recipient: 'Cabinet du Ministre de l’Action sociale', status: 'sent', sentAt: sent },
      {
        recipient: 'Présidence de la Commission de l’Action sociale du Parlement de Wallonie',
        status: 'answered',
        sentAt: sent,
        answeredAt: addDays(today, -12),
        answer: 'La Commission remercie la Coupole et inscrira le mémorandum à l’ordre du jour de sa prochaine séance.',
      },
      { recipient: 'CESE Wallonie — commission Action sociale', status: 'to_send' },
    ]);
  }
}
