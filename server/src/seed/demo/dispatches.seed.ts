import { addDays, brusselsDate } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager, ILike } from 'typeorm';
import { Document } from '../../documents/document.entity';
import type { SeedStep } from '../seed-step';
import { User } from '../../users/user.entity';
import { Dispatch } from '../../dispatches/dispatch.entity';

/**
 * Dispatches of the adopted demo memorandum: one sent 40 days ago still unanswered (overdue), one
 * answered, one still to send. Idempotent; written with the seed's transaction.
 */
@Injectable()
export class DispatchesDemoSeed implements SeedStep {
  readonly name = 'demo dispatches';

  async run(manager: EntityManager): Promise<void> {
    const today = brusselsDate();
    const secretariat = await manager.getRepository(User).findOneBy({ email: 'secretariat@demo.coupole.be' });
    const memorandum = await manager.getRepository(Document).findOneBy({ title: ILike('Mémorandum 2026%'), status: 'adopted' });
    if (!secretariat || !memorandum) return;
    const dispatches = manager.getRepository(Dispatch);
    if (await dispatches.existsBy({ documentId: memorandum.id })) return;
    await dispatches.insert([
      { documentId: memorandum.id, recipient: 'Cabinet du Ministre de l’Action sociale', status: 'sent', sentAt: addDays(today, -40), createdById: secretariat.id },
      {
        documentId: memorandum.id,
        recipient: 'Présidence de la Commission de l’Action sociale du Parlement de Wallonie',
        status: 'answered',
        sentAt: addDays(today, -40),
        answeredAt: addDays(today, -12),
        answer: 'La Commission remercie la Coupole et inscrira le mémorandum à l’ordre du jour de sa prochaine séance.',
        createdById: secretariat.id,
      },
      { documentId: memorandum.id, recipient: 'CESE Wallonie — commission Action sociale', status: 'to_send', createdById: secretariat.id },
    ]);
  }
}
