import type { DigestFrequency } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DigestDelivery } from './digest-delivery.entity';
import { DigestPreference } from './digest-preference.entity';

/** Every SQL statement on `info_digest_preferences` and `info_digest_deliveries`. */
@Injectable()
export class DigestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  preferenceOf(userId: string): Promise<DigestPreference | null> {
    return this.dataSource.getRepository(DigestPreference).findOneBy({ userId });
  }

  async savePreference(userId: string, frequency: DigestFrequency): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(DigestPreference)
      .values({ userId, frequency, updatedAt: () => 'now()' })
      .orUpdate(['frequency', 'updated_at'], ['user_id'])
      .execute();
  }

  /** Users with this frequency who chose it before the slot's send time. */
  subscribersBefore(frequency: DigestFrequency, sendAt: Date): Promise<DigestPreference[]> {
    return this.dataSource
      .getRepository(DigestPreference)
      .createQueryBuilder('preference')
      .where('preference.frequency = :frequency', { frequency })
      .andWhere('preference.updatedAt <= :sendAt', { sendAt })
      .getMany();
  }

  /**
   * Claims the slot for the user. A conditional insert: of several instances running it at the
   * same time, exactly one gets `true` (the unique key decides in PostgreSQL).
   */
  async claim(userId: string, slot: string, items: number): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `INSERT INTO "info_digest_deliveries" ("user_id", "slot", "items") VALUES ($1, $2, $3)
        ON CONFLICT DO NOTHING RETURNING "user_id"`,
      [userId, slot, items],
    )) as unknown[];
    return rows.length === 1;
  }

  deliveriesOf(userId: string): Promise<DigestDelivery[]> {
    return this.dataSource.getRepository(DigestDelivery).find({ where: { userId }, order: { sentAt: 'ASC' } });
  }
}
