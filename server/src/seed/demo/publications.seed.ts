import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DocumentsService } from '../../documents/documents.service';
import { PublicationsService } from '../../publications/publications.service';
import { UsersService } from '../../users/users.service';
import type { SeedStep } from '../seed-step';
import { MEMORANDUM_ADOPTED_DAYS_AGO } from './rounds.seed';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The adopted demo memorandum on the public site, so `/public` and the feed show something on a
 * fresh clone: the secretariat published it the day after its adoption, as its timeline says.
 * Through PublicationsService in the seed's transaction; a text ever published is left alone.
 */
@Injectable()
export class PublicationsDemoSeed implements SeedStep {
  readonly name = 'demo publication';

  constructor(
    private readonly publications: PublicationsService,
    private readonly users: UsersService,
    private readonly documents: DocumentsService,
    private readonly clock: Clock,
  ) {}

  async run(manager: EntityManager): Promise<void> {
    const secretariat = (await this.users.byEmail(manager)).get('secretariat@demo.coupole.be');
    const memorandum = await this.documents.findByTitle(manager, 'Mémorandum 2026%', 'adopted');
    if (!secretariat || !memorandum) return;
    const publishedAt = new Date(this.clock.now().getTime() - (MEMORANDUM_ADOPTED_DAYS_AGO - 1) * DAY);
    await this.publications.publishIn(manager, secretariat, memorandum.id, publishedAt);
  }
}
