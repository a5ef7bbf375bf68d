import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
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

  findOne(where: Pick<Mandate, 'bodyId' | 'holderId' | 'startDate'>): Promise<Mandate | null> {
    return this.mandates.findOneBy(where);
  }

  save(mandate: Partial<Mandate>): Promise<Mandate> {
    return this.mandates.save(this.mandates.create(mandate));
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
