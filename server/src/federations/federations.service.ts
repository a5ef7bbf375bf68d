import type { FederationDto, FederationMemberDto, FederationSlug, ListResponse, Mandate } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UsersService } from '../users/users.service';
import { Federation } from './federation.entity';

const MANDATE_ORDER: Record<Mandate, number> = { titular: 0, substitute: 1 };

@Injectable()
export class FederationsService {
  constructor(
    @InjectRepository(Federation) private readonly federations: Repository<Federation>,
    private readonly users: UsersService,
  ) {}

  async list(): Promise<ListResponse<FederationDto>> {
    const [federations, representatives] = await Promise.all([
      this.federations.find({ order: { position: 'ASC' } }),
      this.users.findActiveRepresentatives(),
    ]);

    const members = new Map<FederationSlug, FederationMemberDto[]>();
    for (const user of representatives) {
      if (!user.federationSlug || !user.mandate) continue;
      const list = members.get(user.federationSlug) ?? [];
      list.push({ id: user.id, displayName: user.displayName, email: user.email, mandate: user.mandate });
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
