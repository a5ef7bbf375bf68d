import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfigService } from '../config/app-config.service';
import { UsersService } from '../users/users.service';
import { DEMO_ACCOUNTS } from './demo-users.seed';
import { SEED_STEPS, SeedStep } from './seed-step';

@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly config: AppConfigService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    @Inject(SEED_STEPS) private readonly steps: SeedStep[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.shouldSeed()) await this.seed();
  }

  /** SEED_DEMO=1 forces it, SEED_DEMO=0 forbids it; by default only a new embedded database. */
  async shouldSeed(): Promise<boolean> {
    const requested = this.config.seedDemo;
    if (requested !== undefined) return requested;
    return this.config.isEmbeddedDatabase && !(await this.users.any());
  }

  /** The demo accounts that can sign in now, to tell whoever started the server. */
  async activeDemoAccounts(): Promise<string[]> {
    const users = await this.users.byEmail();
    return DEMO_ACCOUNTS.map((account) => account.email).filter((email) => users.get(email)?.active);
  }

  async seed(): Promise<void> {
    for (const step of this.steps) {
      await this.dataSource.transaction((manager) => step.run(manager));
      this.logger.log(`Seeded ${step.name}`);
    }
  }
}
