import type { AnswerItem } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { ConsultationInvitation } from './consultation-invitation.entity';
import { Consultation } from './consultation.entity';

export interface ReminderClaim {
  consultationId: string;
  iliId: string;
  tokenNonce: string;
}

/** The only code that reads or writes `consultations` and `consultation_invitations`. */
@Injectable()
export class ConsultationsRepository {
  constructor(
    @InjectRepository(Consultation) private readonly consultations: Repository<Consultation>,
    @InjectRepository(ConsultationInvitation) private readonly invitations: Repository<ConsultationInvitation>,
  ) {}

  /** Every consultation, newest first, with its author. */
  findAll(filter: { series?: string } = {}): Promise<Consultation[]> {
    return this.consultations.find({
      where: filter.series ? { series: filter.series } : {},
      relations: { createdBy: true },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  findByTitle(title: string, manager: EntityManager): Promise<Consultation | null> {
    return manager.getRepository(Consultation).findOneBy({ title });
  }

  existsWithTitle(title: string, manager: EntityManager): Promise<boolean> {
    return manager.getRepository(Consultation).existsBy({ title });
  }

  findByIds(ids: readonly string[], manager?: EntityManager): Promise<Consultation[]> {
    return ids.length ? this.consultationRepository(manager).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  async share(ids: readonly string[]): Promise<void> {
    if (ids.length) await this.consultations.update({ id: In([...ids]) }, { shared: true });
  }

  findById(id: string, manager?: EntityManager, lock?: 'pessimistic_write' | 'pessimistic_read'): Promise<Consultation | null> {
    if (lock) return this.consultationRepository(manager).findOne({ where: { id }, lock: { mode: lock } });
    return this.consultationRepository(manager).findOne({ where: { id }, relations: { createdBy: true } });
  }

  async insert(row: Partial<Consultation>, manager?: EntityManager): Promise<string> {
    const result = await this.consultationRepository(manager).insert(row);
    return (result.identifiers[0] as { id: string }).id;
  }

  async update(id: string, changes: Partial<Consultation>, manager?: EntityManager): Promise<void> {
    await this.consultationRepository(manager).update({ id }, changes);
  }

  /** Live links and submitted answers per consultation (revoked links left out). */
  async counts(ids: readonly string[], manager?: EntityManager): Promise<Map<string, { invited: number; responded: number }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.invitationRepository(manager)
      .createQueryBuilder('invitation')
      .select('invitation.consultationId', 'id')
      .addSelect('COUNT(*)::int', 'invited')
      .addSelect('COUNT(invitation.submittedAt)::int', 'responded')
      .where('invitation.consultationId IN (:...ids)', { ids })
      .andWhere('invitation.revokedAt IS NULL')
      .groupBy('invitation.consultationId')
      .getRawMany<{ id: string; invited: number; responded: number }>();
    return new Map(rows.map((row) => [row.id, { invited: Number(row.invited), responded: Number(row.responded) }]));
  }

  async insertInvitations(rows: ReadonlyArray<Partial<ConsultationInvitation>>, manager: EntityManager): Promise<void> {
    if (rows.length > 0) await manager.getRepository(ConsultationInvitation).insert(rows.map((row) => ({ ...row })));
  }

  invitationsOf(consultationId: string, manager?: EntityManager): Promise<ConsultationInvitation[]> {
    return this.invitationRepository(manager).find({ where: { consultationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findInvitation(consultationId: string, iliId: string): Promise<ConsultationInvitation | null> {
    return this.invitations.findOneBy({ consultationId, iliId });
  }

  findInvitationByHash(tokenHash: string, manager?: EntityManager, lock = false): Promise<ConsultationInvitation | null> {
    return this.invitationRepository(manager).findOne({ where: { tokenHash }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async updateInvitation(id: string, changes: Partial<ConsultationInvitation>, manager?: EntityManager): Promise<void> {
    await this.invitationRepository(manager).update({ id }, changes);
  }

  async saveDraft(id: string, draft: AnswerItem[], at: Date, manager: EntityManager): Promise<void> {
    await this.invitationRepository(manager).update({ id }, { draft, draftSavedAt: at });
  }

  async submit(id: string, answers: AnswerItem[], at: Date, manager: EntityManager): Promise<void> {
    await this.invitationRepository(manager).update({ id }, { answers, submittedAt: at, draft: null, draftSavedAt: null });
  }

  /** Persists `closed` for open consultations past their deadline; returns their ids. */
  async closeDue(now: Date): Promise<string[]> {
    const rows = (await this.consultations.query(
      `UPDATE "consultations" SET "status" = 'closed', "closed_at" = "closes_at", "updated_at" = now()
        WHERE "status" = 'open' AND "closes_at" <= $1 RETURNING "id"`,
      [now],
    )) as [Array<{ id: string }>, number] | Array<{ id: string }>;
    const list = Array.isArray(rows[0]) ? (rows[0] as Array<{ id: string }>) : (rows as Array<{ id: string }>);
    return list.map((row) => row.id);
  }

  /**
   * Claims the reminders due: invitations not answered nor revoked, of open consultations whose
   * deadline is within `leadMs`, not reminded yet. One conditional UPDATE: of several instances
   * running it together, each row goes to exactly one (the others see `reminded_at` set once
   * the row lock is released and skip it).
   */
  async claimReminders(now: Date, leadMs: number): Promise<ReminderClaim[]> {
    const result = (await this.invitations.query(
      `UPDATE "consultation_invitations" AS "invitation" SET "reminded_at" = $1
         FROM "consultations" AS "consultation"
        WHERE "invitation"."consultation_id" = "consultation"."id"
          AND "consultation"."status" = 'open'
          AND "consultation"."closes_at" > $1
          AND "consultation"."closes_at" <= $2
          AND "invitation"."reminded_at" IS NULL
          AND "invitation"."submitted_at" IS NULL
          AND "invitation"."revoked_at" IS NULL
        RETURNING "invitation"."consultation_id" AS "consultationId", "invitation"."ili_id" AS "iliId", "invitation"."token_nonce" AS "tokenNonce"`,
      [now, new Date(now.getTime() + leadMs)],
    )) as [ReminderClaim[], number] | ReminderClaim[];
    return Array.isArray(result[0]) ? (result[0] as ReminderClaim[]) : (result as ReminderClaim[]);
  }

  private consultationRepository(manager?: EntityManager): Repository<Consultation> {
    return manager ? manager.getRepository(Consultation) : this.consultations;
  }

  private invitationRepository(manager?: EntityManager): Repository<ConsultationInvitation> {
    return manager ? manager.getRepository(ConsultationInvitation) : this.invitations;
  }
}
