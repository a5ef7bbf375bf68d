import { isAdoption, publicationSlug } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Decision } from '../../decisions/decision.entity';
import { Clock } from '../../common/clock';
import { DocumentsService } from '../../documents/documents.service';
import { Publication } from '../../publications/publication.entity';
import { publicStances } from '../../publications/publications.service';
import { UsersService } from '../../users/users.service';
import { Version } from '../../versions/version.entity';
import type { SeedStep } from '../seed-step';

/**
 * The adopted demo memorandum on the public site, so `/public` and the feed show something on a
 * fresh clone. The same copy the secretariat's "Publier" makes, written with the seed's transaction.
 */
@Injectable()
export class PublicationsDemoSeed implements SeedStep {
  readonly name = 'demo publication';

  constructor(
    private readonly users: UsersService,
    private readonly documents: DocumentsService,
    private readonly clock: Clock,
  ) {}

  async run(manager: EntityManager): Promise<void> {
    const secretariat = (await this.users.byEmail(manager)).get('secretariat@demo.coupole.be');
    const memorandum = await this.documents.findByTitle(manager, 'Mémorandum 2026%', 'adopted');
    if (!secretariat || !memorandum) return;
    const publications = manager.getRepository(Publication);
    if (await publications.existsBy({ documentId: memorandum.id })) return;
    const decision = await manager.getRepository(Decision).findOne({ where: { documentId: memorandum.id }, order: { seq: 'DESC' } });
    if (!decision || !isAdoption(decision.record.outcome)) return;
    const version = await manager.getRepository(Version).findOneBy({ documentId: memorandum.id, number: decision.record.version });
    if (!version) return;
    await publications.insert({
      documentId: memorandum.id,
      slug: publicationSlug(memorandum.title, memorandum.id),
      title: memorandum.title,
      kind: memorandum.kind,
      adoptedAt: new Date(decision.record.closedAt),
      decisionSeq: decision.seq,
      decisionHash: decision.hash,
      outcome: decision.record.outcome,
      versionNumber: version.number,
      contentHash: version.contentHash,
      markdown: version.markdown,
      stances: publicStances(decision.record),
      publishedAt: this.clock.now(),
      publishedBy: secretariat.id,
      withdrawnAt: null,
      withdrawnBy: null,
    });
  }
}
