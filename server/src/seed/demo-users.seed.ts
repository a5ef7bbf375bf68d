import type { FederationSlug, Mandate, Role } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hashPassword } from '../users/password';
import { UsersService } from '../users/users.service';
import { SeedStep } from './seed-step';

export const DEMO_PASSWORD = 'coupole-demo';

export interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  federation?: FederationSlug;
  mandate?: Mandate;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@demo.coupole.be', displayName: 'Sophie Lambert', role: 'admin' },
  { email: 'secretariat@demo.coupole.be', displayName: 'Julien Dethier', role: 'facilitator' },
  { email: 'aleap@demo.coupole.be', displayName: 'Nadia Benali', role: 'representative', federation: 'aleap', mandate: 'titular' },
  { email: 'caips@demo.coupole.be', displayName: 'Marc Vandenberghe', role: 'representative', federation: 'caips', mandate: 'titular' },
  { email: 'caips-suppleant@demo.coupole.be', displayName: 'Aïcha El Idrissi', role: 'representative', federation: 'caips', mandate: 'substitute' },
  { email: 'codef@demo.coupole.be', displayName: 'Catherine Dubois', role: 'representative', federation: 'codef', mandate: 'titular' },
  { email: 'fdss@demo.coupole.be', displayName: 'Olivier Renard', role: 'representative', federation: 'fdss', mandate: 'titular' },
  { email: 'risome@demo.coupole.be', displayName: 'Fatou Diallo', role: 'representative', federation: 'risome', mandate: 'titular' },
  { email: 'observateur@demo.coupole.be', displayName: 'Thomas Leclercq', role: 'observer' },
];

/**
 * Demo accounts, upserted by email. An existing account keeps its password (someone may have
 * changed it) but gets its demo role, federation and mandate back.
 */
@Injectable()
export class DemoUsersSeed implements SeedStep {
  readonly name = 'demo users';

  constructor(private readonly users: UsersService) {}

  async run(manager: EntityManager): Promise<void> {
    const existing = await this.users.byEmail(manager);
    let passwordHash: string | undefined;

    for (const account of DEMO_ACCOUNTS) {
      const profile = {
        displayName: account.displayName,
        role: account.role,
        federationSlug: account.federation ?? null,
        mandate: account.mandate ?? null,
        active: true,
      };
      const user = existing.get(account.email);
      if (user) {
        await this.users.setProfileIn(manager, user.id, profile);
      } else {
        passwordHash ??= await hashPassword(DEMO_PASSWORD);
        await this.users.provisionIn(manager, { ...profile, email: account.email }, passwordHash);
      }
    }
  }
}
