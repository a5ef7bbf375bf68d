import { addDays, brusselsDate, type MandateSeat } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Body } from '../../bodies/body.entity';
import { Clock } from '../../common/clock';
import type { SeedStep } from '../seed-step';
import { UsersService } from '../../users/users.service';
import { Mandate } from '../../mandates/mandate.entity';

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
 * Written with the seed's transaction (the embedded database has a single connection, so the
 * services' own connection would wait on it); idempotent by (body, holder).
 */
@Injectable()
export class MandatesDemoSeed implements SeedStep {
  readonly name = 'demo mandates';

  constructor(
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async run(manager: EntityManager): Promise<void> {
    const today = brusselsDate(this.clock.now());
    const bodies = new Map((await manager.getRepository(Body).find()).map((body) => [body.name, body]));
    const users = await this.users.byEmail(manager);
    const mandates = manager.getRepository(Mandate);
    for (const demo of DEMO_MANDATES) {
      const body = bodies.get(demo.body);
      const holder = users.get(demo.holder);
      if (!body || !holder?.federationSlug) continue;
      if (await mandates.existsBy({ bodyId: body.id, holderId: holder.id })) continue;
      await mandates.insert({
        bodyId: body.id,
        holderId: holder.id,
        federationSlug: holder.federationSlug,
        seat: demo.seat,
        startDate: addDays(today, demo.start),
        endDate: demo.end === null ? null : addDays(today, demo.end),
        note: demo.note ?? '',
      });
    }
  }
}
