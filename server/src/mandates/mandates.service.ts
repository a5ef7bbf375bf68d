import {
  addDays,
  brusselsDate,
  FEDERATION_SLUGS,
  isMandateEndingSoon,
  MANDATE_ENDING_SOON_DAYS,
  mandateState,
  validateMandateDates,
  type BodyRefDto,
  type ListResponse,
  type MandateDto,
  type UserRefDto,
} from '@coupole/shared';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { fieldsRefused } from '../common/api-errors';
import { BodiesService, isSecretariat } from '../bodies/bodies.service';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import type { Actor } from '../users/actor';
import { UsersService } from '../users/users.service';
import type { CreateMandateDto, ListMandatesQueryDto, UpdateMandateDto } from './dto/mandate-input.dto';
import { Mandate } from './mandate.entity';
import { MandatesRepository } from './mandates.repository';

@Injectable()
export class MandatesService {
  constructor(
    private readonly mandates: MandatesRepository,
    private readonly bodies: BodiesService,
    private readonly users: UsersService,
    private readonly events: DomainEventBus,
  ) {}

  /** Everyone but observers reads the register; `active` keeps current and upcoming, or past ones. */
  async list(actor: Actor, query: ListMandatesQueryDto, now = new Date()): Promise<ListResponse<MandateDto>> {
    this.assertMember(actor);
    const today = brusselsDate(now);
    const all = await this.toDtos(await this.mandates.list(), today);
    const items =
      query.active === undefined ? all : all.filter((mandate) => (mandate.state !== 'past') === query.active);
    return { items, total: items.length };
  }

  async get(actor: Actor, id: string, now = new Date()): Promise<MandateDto> {
    this.assertMember(actor);
    const mandate = await this.mandates.findById(id);
    if (!mandate) throw new NotFoundException(`Mandate ${id} not found`);
    return (await this.toDtos([mandate], brusselsDate(now)))[0];
  }

  async create(actor: Actor, input: CreateMandateDto): Promise<MandateDto> {
    this.assertSecretariat(actor);
    const values = await this.checked({ note: '', endDate: null, ...input });
    const saved = await this.mandates.save(values);
    return this.get(actor, saved.id);
  }

  async update(actor: Actor, id: string, input: UpdateMandateDto): Promise<MandateDto> {
    this.assertSecretariat(actor);
    const mandate = await this.mandates.findById(id);
    if (!mandate) throw new NotFoundException(`Mandate ${id} not found`);
    const values = await this.checked({
      bodyId: input.bodyId ?? mandate.bodyId,
      holderId: input.holderId ?? mandate.holderId,
      // A new holder brings their federation unless one is given.
      federation: input.federation ?? (input.holderId ? undefined : mandate.federationSlug),
      seat: input.seat ?? mandate.seat,
      startDate: input.startDate ?? mandate.startDate,
      endDate: input.endDate === undefined ? mandate.endDate : input.endDate,
      note: input.note ?? mandate.note,
    });
    await this.mandates.save({ ...mandate, ...values, id });
    return this.get(actor, id);
  }

  /**
   * One pass of the reminder: each mandate ending within 60 days is claimed once in PostgreSQL
   * (even with several instances), then announced on the bus; the notifications module mails
   * the secretariat. Returns how many were announced.
   */
  async remindEndingMandates(now = new Date()): Promise<number> {
    const today = brusselsDate(now);
    const claimed = await this.mandates.claimEndingReminders(today, addDays(today, MANDATE_ENDING_SOON_DAYS));
    if (claimed.length === 0) return 0;
    const dtos = await this.toDtos(await this.mandates.findByIds(claimed), today);
    for (const mandate of dtos) {
      this.events.emit('mandate.ending', {
        mandateId: mandate.id,
        bodyName: mandate.body.name,
        holderName: mandate.holder.displayName,
        federation: mandate.federation,
        endDate: mandate.endDate ?? today,
      });
    }
    return dtos.length;
  }

  /**
   * For the demo seed, in its transaction: the mandate, checked as `create` checks it, unless its
   * holder already has one in that body. Not matched on the start date: the demo's dates move
   * with today, so that would add a mandate every day the seed runs. True when it was created.
   */
  async recordIn(manager: EntityManager, input: CreateMandateDto): Promise<boolean> {
    if (await this.mandates.holdsIn(manager, input.bodyId, input.holderId)) return false;
    await this.mandates.save(await this.checked({ note: '', endDate: null, ...input }, manager), manager);
    return true;
  }

  private async checked(input: CreateMandateDto & { federation?: string }, manager?: EntityManager): Promise<Partial<Mandate>> {
    const errors = validateMandateDates(input);
    if (errors.length > 0) throw fieldsRefused(errors);
    await this.bodies.refOrBadRequest(input.bodyId, 'bodyId', manager);
    const [holder] = await this.users.findByIds([input.holderId], manager);
    if (!holder || !holder.active) throw fieldsRefused(['holderId must name an active user']);
    if (holder.role === 'observer') throw fieldsRefused(['holderId must name a member of a federation or the secretariat']);
    const federation = input.federation ?? holder.federationSlug;
    if (!federation || !(FEDERATION_SLUGS as readonly string[]).includes(federation)) {
      throw fieldsRefused(['federation is required when the holder belongs to no federation']);
    }
    return {
      bodyId: input.bodyId,
      holderId: input.holderId,
      federationSlug: federation,
      seat: input.seat,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      note: input.note ?? '',
    };
  }

  private async toDtos(mandates: readonly Mandate[], today: string): Promise<MandateDto[]> {
    const bodies = await this.bodies.refsByIds(mandates.map((mandate) => mandate.bodyId));
    const people = await this.userRefs(mandates.map((mandate) => mandate.holderId));
    return mandates
      .map((mandate) => toDto(mandate, bodies.get(mandate.bodyId)!, people.get(mandate.holderId)!, today))
      .sort(
        (a, b) =>
          a.body.name.localeCompare(b.body.name, 'fr') || a.federation.localeCompare(b.federation) || b.startDate.localeCompare(a.startDate),
      );
  }

  private async userRefs(ids: readonly string[]): Promise<Map<string, UserRefDto>> {
    const wanted = new Set(ids);
    const { items } = await this.users.list();
    return new Map(items.filter((user) => wanted.has(user.id)).map((user) => [user.id, { id: user.id, displayName: user.displayName, federation: user.federation }]));
  }

  private assertMember(actor: Actor): void {
    if (actor.role === 'observer') throw new ForbiddenException('Observers read only the meetings they attend');
  }

  private assertSecretariat(actor: Actor): void {
    if (!isSecretariat(actor.role)) throw new ForbiddenException('Only the secretariat edits mandates');
  }
}

function toDto(mandate: Mandate, body: BodyRefDto, holder: UserRefDto, today: string): MandateDto {
  return {
    id: mandate.id,
    body,
    holder,
    federation: mandate.federationSlug,
    seat: mandate.seat,
    startDate: mandate.startDate,
    endDate: mandate.endDate,
    note: mandate.note,
    state: mandateState(mandate, today),
    endingSoon: isMandateEndingSoon(mandate, today),
    createdAt: mandate.createdAt.toISOString(),
    updatedAt: mandate.updatedAt.toISOString(),
  };
}

