import type { AmendmentOwner, SuggestionStatus } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Suggestion } from './suggestion.entity';

const RELATIONS = { author: true, decidedBy: true } as const;

/** The `suggestions` table; status changes are conditional updates, so two deciders never both win. */
@Injectable()
export class SuggestionsRepository {
  constructor(@InjectRepository(Suggestion) private readonly suggestions: Repository<Suggestion>) {}

  listOf(documentId: string, status?: SuggestionStatus): Promise<Suggestion[]> {
    return this.suggestions.find({
      where: { documentId, ...(status ? { status } : {}) },
      relations: RELATIONS,
      order: { createdAt: 'ASC', seq: 'ASC' },
    });
  }

  /** The suggestions of an objection's or a reservation's amendment, oldest first. */
  ofAmendment(owner: AmendmentOwner): Promise<Suggestion[]> {
    const where = owner.source === 'objection' ? { objectionId: owner.id } : { reservationId: owner.id };
    return this.suggestions.find({ where, relations: RELATIONS, order: { createdAt: 'ASC', seq: 'ASC' } });
  }

  find(id: string): Promise<Suggestion | null> {
    return this.suggestions.findOne({ where: { id } });
  }

  load(id: string): Promise<Suggestion> {
    return this.suggestions.findOneOrFail({ where: { id }, relations: RELATIONS });
  }

  async insert(values: Omit<Suggestion, 'id' | 'createdAt'>, manager?: EntityManager): Promise<string> {
    const repository = manager ? manager.getRepository(Suggestion) : this.suggestions;
    const entity = repository.create(values);
    await repository.insert(entity);
    return entity.id;
  }

  /** Open → `status`, by `userId`; false if it was no longer open. */
  async decide(id: string, status: SuggestionStatus, userId: string): Promise<boolean> {
    const result = await this.suggestions.update({ id, status: 'open' }, { status, decidedById: userId, decidedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /** Back to open after an acceptance that could not be stored. */
  async reopen(id: string): Promise<void> {
    await this.suggestions.update({ id, status: 'accepted' }, { status: 'open', decidedById: null, decidedAt: null });
  }

  /** `from` → orphaned (nobody decided it: its text went away). */
  async markOrphaned(id: string, from: SuggestionStatus): Promise<boolean> {
    const result = await this.suggestions.update({ id, status: from }, { status: 'orphaned', decidedById: null, decidedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  async reanchor(id: string, anchor: { start: string; end: string }): Promise<boolean> {
    const result = await this.suggestions.update({ id, status: 'open' }, { anchorStart: anchor.start, anchorEnd: anchor.end });
    return (result.affected ?? 0) > 0;
  }
}
