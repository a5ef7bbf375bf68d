import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Mandate } from './mandate.entity';

/** The only access to `mandates` and `mandate_reminders`. */
@Injectable()
export class MandatesRepository {
  constructor(@InjectRepository(Mandate) private readonly mandates: Repository<Mandate>) {}

  list(): Promise<Mandate[]> {
    return this.mandates.find({ order: { startDate: 'DESC', id: 'ASC' } });
  }

  findById(id: string): Promise<Mandate | null> {
    return this.mandates.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<Mandate[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.mandates.findBy({ id: In([...ids]) });
  }

  /** Whether the user holds (or held) a mandate in that body, in the caller's transaction. */
  holdsIn(manager: EntityManager, bodyId: string, holderId: string): Promise<boolean> {
    return manager.getRepository(Mandate).existsBy({ bodyId, holderId });
  }

  /** In the caller's transaction if given. */
  save(mandate: Partial<Mandate>, manager?: EntityManager): Promise<Mandate> {
    const mandates = manager?.getRepository(Mandate) ?? this.mandates;
    return mandates.save(mandates.create(mandate));
  }

  /**
   * Marks every mandate ending between `from` and `to` (inclusive) as reminded, for its current
   * end date, and returns those this call marked. The conditional insert is the guard: a row
   * another instance (or an earlier pass) inserted is skipped, so each is reminded once.
   */
  async claimEndingReminders(from: string, to: string): Promise<string[]> {
    const rows = (await this.mandates.query(
      `INSERT INTO "mandate_reminders" ("mandate_id", "end_date")
         SELECT "id", "end_date" FROM "mandates"
          WHERE "end_date" IS NOT NULL AND "end_date" BETWEEN $1 AND $2
       ON CONFLICT DO NOTHING
       RETURNING "mandate_id"`,
      [from, to],
    )) as { mandate_id: string }[];
    return rows.map((row) => row.mandate_id);
  }
}
