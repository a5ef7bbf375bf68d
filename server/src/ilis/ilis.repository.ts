import { foldText, type Affiliation, type ConsultationScope, type FederationSlug, type IliFields, type Province } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { Ili } from './ili.entity';

export interface IliFilter {
  q?: string;
  affiliation?: Affiliation;
  federation?: FederationSlug;
  province?: Province;
  active?: boolean;
  ids?: readonly string[];
}

export type IliRow = Omit<IliFields, 'federation'> & { federationSlug: FederationSlug | null };

/**
 * Each word typed is a prefix ("passer" finds "La Passerelle"), folded and stemmed like the
 * stored vector; anything but letters and digits is dropped so the tsquery cannot be malformed.
 */
export function prefixQuery(q: string): string | null {
  const words = foldText(q)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 10);
  return words.length ? words.map((word) => `${word}:*`).join(' & ') : null;
}

/** The only code that reads or writes the `ilis` table. */
@Injectable()
export class IlisRepository {
  constructor(@InjectRepository(Ili) private readonly ilis: Repository<Ili>) {}

  async list(filter: IliFilter, page: { limit: number; offset: number }): Promise<[Ili[], number]> {
    return this.filtered(filter).orderBy('ili.name', 'ASC').addOrderBy('ili.id', 'ASC').skip(page.offset).take(page.limit).getManyAndCount();
  }

  /** Every ILI matching the filter, by name (export, landscape, consultation scopes). */
  findAll(filter: IliFilter = {}, manager?: EntityManager): Promise<Ili[]> {
    return this.filtered(filter, manager).orderBy('ili.name', 'ASC').addOrderBy('ili.postalCode', 'ASC').getMany();
  }

  /** Active ILI within a consultation's scope. */
  findInScope(scope: ConsultationScope, manager?: EntityManager): Promise<Ili[]> {
    const builder = this.filtered({ active: true }, manager);
    if (scope.affiliations?.length) builder.andWhere('ili.affiliation IN (:...affiliations)', { affiliations: scope.affiliations });
    if (scope.federations?.length) builder.andWhere('ili.federationSlug IN (:...federations)', { federations: scope.federations });
    if (scope.provinces?.length) builder.andWhere('ili.province IN (:...provinces)', { provinces: scope.provinces });
    return builder.orderBy('ili.name', 'ASC').getMany();
  }

  findById(id: string, manager?: EntityManager): Promise<Ili | null> {
    return this.repository(manager).findOneBy({ id });
  }

  findByIds(ids: readonly string[], manager?: EntityManager): Promise<Ili[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.filtered({ ids }, manager).getMany();
  }

  async insert(row: IliRow, manager?: EntityManager): Promise<string> {
    const result = await this.repository(manager).insert(row);
    return (result.identifiers[0] as { id: string }).id;
  }

  async insertMany(rows: readonly IliRow[], manager?: EntityManager): Promise<void> {
    if (rows.length > 0) await this.repository(manager).insert(rows.map((row) => ({ ...row })));
  }

  async update(id: string, changes: Partial<IliRow>, manager?: EntityManager): Promise<void> {
    await this.repository(manager).update({ id }, changes);
  }

  count(manager?: EntityManager): Promise<number> {
    return this.repository(manager).count();
  }

  private repository(manager?: EntityManager): Repository<Ili> {
    return manager ? manager.getRepository(Ili) : this.ilis;
  }

  private filtered(filter: IliFilter, manager?: EntityManager): SelectQueryBuilder<Ili> {
    const builder = this.repository(manager).createQueryBuilder('ili');
    const prefix = filter.q ? prefixQuery(filter.q) : null;
    if (prefix) builder.andWhere(`"ili"."search" @@ to_tsquery('french'::regconfig, :prefix)`, { prefix });
    if (filter.affiliation) builder.andWhere('ili.affiliation = :affiliation', { affiliation: filter.affiliation });
    if (filter.federation) builder.andWhere('ili.federationSlug = :federation', { federation: filter.federation });
    if (filter.province) builder.andWhere('ili.province = :province', { province: filter.province });
    if (filter.active !== undefined) builder.andWhere('ili.active = :active', { active: filter.active });
    if (filter.ids) builder.andWhere('ili.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000'] });
    return builder;
  }
}
