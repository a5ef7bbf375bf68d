import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AppConfigService } from '../config/app-config.service';
import { User } from '../users/user.entity';
import { DEMO_ACCOUNTS } from './demo-users.seed';
import { SEED_STEPS, SeedStep } from './seed-step';

@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly config: AppConfigService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SEED_STEPS) private readonly steps: SeedStep[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.shouldSeed()) await this.seed();
  }

  /** SEED_DEMO=1 forces it, SEED_DEMO=0 forbids it; by default only a new embedded database. */
  async shouldSeed(): Promise<boolean> {
    const requested = this.config.seedDemo;
    if (requested !== undefined) return requested;
    return this.config.isEmbeddedDatabase && (await this.dataSource.getRepository(User).count()) === 0;
  }

  /** The demo accounts that can sign in now, to tell whoever started the server. */
  async activeDemoAccounts(): Promise<string[]> {
    const emails = DEMO_ACCOUNTS.map((account) => account.email);
    const users = await this.dataSource.getRepository(User).find({ where: { email: In(emails), active: true }, select: { email: true } });
    const present = new Set(users.map((user) => user.email));
    return emails.filter((email) => present.has(email));
  }

  async seed(): Promise<void> {
    for (const step of this.steps) {
      await this.dataSource.transaction((manager) => step.run(manager));
      this.logger.log(`Seeded ${step.name}`);
    }
  }
}
