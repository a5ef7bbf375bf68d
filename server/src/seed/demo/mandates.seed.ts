import { addDays, brusselsDate, type MandateSeat } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BodiesService } from '../../bodies/bodies.service';
import { Clock } from '../../common/clock';
import { MandatesService } from '../../mandates/mandates.service';
import { UsersService } from '../../users/users.service';
import type { SeedStep } from '../seed-step';

interface DemoMandate {
  body: string;
  holder: string;
  seat: MandateSeat;
  /** Days from today (negative: in the past). */
  start: number;
  end: number | null;
  note?: string;
}

const DEMO_MANDATES: DemoMandate[] = [
  { body: 'Observatoire de l’Intégration', holder: 'aleap@demo.coupole.be', seat: 'titular', start: -700, end: 45, note: 'Mandat de la Coupole, porté par l’ALEAP.' },
  { body: 'Observatoire de l’Intégration', holder: 'caips-suppleant@demo.coupole.be', seat: 'substitute', start: -700, end: 45 },
  { body: 'CESE Wallonie', holder: 'codef@demo.coupole.be', seat: 'titular', start: -330, end: 760 },
  { body: 'Commission de l’Action sociale du Parlement de Wallonie', holder: 'risome@demo.coupole.be', seat: 'titular', start: -200, end: null },
  { body: 'Fédération des CRI', holder: 'fdss@demo.coupole.be', seat: 'titular', start: -900, end: -150 },
  { body: 'Coordination MENA', holder: 'caips@demo.coupole.be', seat: 'titular', start: -60, end: 300 },
];

/**
 * Demo mandates, dated from today so the register shows current, past and "ending soon" ones.
 * Recorded through MandatesService in the seed's transaction; a holder who already has a
 * mandate in that body is left alone, so a later run adds nothing.
 */
@Injectable()
export class MandatesDemoSeed implements SeedStep {
  readonly name = 'demo mandates';

  constructor(
    private readonly mandates: MandatesService,
    private readonly bodies: BodiesService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async run(manager: EntityManager): Promise<void> {
    const today = brusselsDate(this.clock.now());
    const users = await this.users.byEmail(manager);
    for (const demo of DEMO_MANDATES) {
      const bodyId = await this.bodies.idByName(demo.body, manager);
      const holder = users.get(demo.holder);
      if (!bodyId || !holder) continue;
      await this.mandates.recordIn(manager, {
        bodyId,
        holderId: holder.id,
        seat: demo.seat,
        startDate: addDays(today, demo.start),
        endDate: demo.end === null ? null : addDays(today, demo.end),
        note: demo.note,
      });
    }
  }
}
