import type { FederationDto, FederationMemberDto, FederationSlug, ListResponse, Mandate } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { FederationsRepository } from './federations.repository';

const MANDATE_ORDER: Record<Mandate, number> = { titular: 0, substitute: 1 };

@Injectable()
export class FederationsService {
  constructor(
    private readonly federations: FederationsRepository,
    private readonly users: UsersService,
  ) {}

  /** E-mails go to those who manage or work with the members: the secretariat, admins, and the member's own federation. */
  async list(viewer: User): Promise<ListResponse<FederationDto>> {
    const seesEmail = (slug: FederationSlug) =>
      viewer.role === 'admin' || viewer.role === 'facilitator' || (viewer.role === 'representative' && viewer.federationSlug === slug);
    const [federations, representatives] = await Promise.all([
      this.federations.list(),
      this.users.findActiveRepresentatives(),
    ]);

    const members = new Map<FederationSlug, FederationMemberDto[]>();
    for (const user of representatives) {
      if (!user.federationSlug || !user.mandate) continue;
      const list = members.get(user.federationSlug) ?? [];
      const member: FederationMemberDto = { id: user.id, displayName: user.displayName, mandate: user.mandate };
      if (seesEmail(user.federationSlug)) member.email = user.email;
      list.push(member);
      members.set(user.federationSlug, list);
    }

    const items = federations.map((federation) => ({
      slug: federation.slug,
      name: federation.name,
      website: federation.website,
      colour: federation.colour,
      representatives: (members.get(federation.slug) ?? []).sort(
        (a, b) => MANDATE_ORDER[a.mandate] - MANDATE_ORDER[b.mandate] || a.displayName.localeCompare(b.displayName, 'fr'),
      ),
    }));
    return { items, total: items.length };
  }
}
