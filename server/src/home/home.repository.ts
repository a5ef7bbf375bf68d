import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { HomeVisit } from './home-visit.entity';

/** All SQL of `home_visits`. */
@Injectable()
export class HomeRepository {
  constructor(@InjectRepository(HomeVisit) private readonly visits: Repository<HomeVisit>) {}

  find(userId: string): Promise<HomeVisit | null> {
    return this.visits.findOneBy({ userId });
  }

  async save(userId: string, lastSeenAt: Date, previousVisitEndedAt: Date | null): Promise<void> {
    await this.visits.upsert({ userId, lastSeenAt, previousVisitEndedAt }, ['userId']);
  }
}
