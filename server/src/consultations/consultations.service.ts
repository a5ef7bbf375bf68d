import {
  answerProblems,
  canManageConsultation,
  canSeeConsultation,
  computeResults,
  CONSULTATION_REMINDER_LEAD_MS,
  effectiveStatus,
  isReminderDue,
  normaliseAnswers,
  questionProblems,
  scopeProblem,
  seriesTrends,
  type AnswerFormDto,
  type AnswerItem,
  type FederationSlug,
  type IliFields,
  type ConsultationActor,
  type ConsultationDto,
  type ConsultationResultsDto,
  type ConsultationScope,
  type CreateConsultationRequest,
  type InvitedIli,
  type QuestionDto,
  type ResultsFilter,
  type SaveAnswerRequest,
  type SeriesDto,
  type SeriesEditionDto,
  type UpdateConsultationRequest,
} from '@coupole/shared';
import { BadRequestException, ConflictException, ForbiddenException, GoneException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { apiError } from '../common/api-errors';
import { AppConfigService } from '../config/app-config.service';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { IlisService } from '../ilis/ilis.service';
import { MailService, type Mail } from '../mail/mail.service';
import type { ConsultationInvitation } from './consultation-invitation.entity';
import { invitationMail, reminderMail } from './consultation-mail';
import type { Consultation } from './consultation.entity';
import { ConsultationsRepository } from './consultations.repository';
import { INVITATION_TOKEN_PATTERN, hashToken, InvitationTokens } from './invitation-tokens';
import { resultsSpreadsheet, type ResultsFormat } from './results-spreadsheet';

export interface ConsultationUser extends ConsultationActor {
  id: string;
}

export interface ExportedFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface DemoConsultation {
  title: string;
  description: string;
  federationSlug: FederationSlug | null;
  createdById: string | null;
  questions: QuestionDto[];
  scope: ConsultationScope;
  anonymous: boolean;
  series: string | null;
  status: 'open' | 'closed';
  shared: boolean;
  launchedAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  answerOf: (ili: IliFields & { id: string }, index: number) => { answers: AnswerItem[]; at: Date } | null;
}

export interface InvitationDto {
  iliId: string;
  name: string;
  commune: string;
  federation: string | null;
  province: string;
  hasEmail: boolean;
  revoked: boolean;
  /** Null in an anonymous consultation: who answered is not shown. */
  responded: boolean | null;
}

const QUESTION_ID = /^[a-z0-9-]{1,40}$/;

function askedBy(consultation: Pick<Consultation, 'federationSlug'>): string {
  return consultation.federationSlug ? `La fédération ${consultation.federationSlug.toUpperCase()}` : 'La Coupole des ILI';
}

/** Questions with their ids: kept when given (a draft being edited), new ones drawn. */
function withIds(questions: CreateConsultationRequest['questions']): QuestionDto[] {
  const used = new Set<string>();
  return questions.map((question) => {
    let id = question.id && QUESTION_ID.test(question.id) && !used.has(question.id) ? question.id : '';
    while (!id || used.has(id)) id = `q-${randomBytes(4).toString('hex')}`;
    used.add(id);
    const base: QuestionDto = { id, kind: question.kind, label: question.label.trim(), required: question.required };
    if (question.kind === 'single' || question.kind === 'multiple') base.options = (question.options ?? []).map((option) => option.trim());
    return base;
  });
}

function cleanScope(scope: ConsultationScope): ConsultationScope {
  const result: ConsultationScope = {};
  if (scope.affiliations?.length) result.affiliations = [...new Set(scope.affiliations)];
  if (scope.federations?.length) result.federations = [...new Set(scope.federations)];
  if (scope.provinces?.length) result.provinces = [...new Set(scope.provinces)];
  return result;
}

/**
 * Consultations of the ILI (DESIGN §7): the questionnaire and its scope, launch (one personal
 * link per ILI, by e-mail), answers through the link without an account, reminders, closing,
 * results with the anonymity threshold, and series (the barometer).
 */
@Injectable()
export class ConsultationsService {
  private readonly logger = new Logger(ConsultationsService.name);

  constructor(
    private readonly consultations: ConsultationsRepository,
    private readonly ilis: IlisService,
    private readonly mail: MailService,
    private readonly tokens: InvitationTokens,
    private readonly config: AppConfigService,
    private readonly bus: DomainEventBus,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(user: ConsultationUser, now = new Date()): Promise<ConsultationDto[]> {
    const visible = (await this.consultations.findAll()).filter((consultation) => this.visibleTo(user, consultation));
    return this.toDtos(visible, now);
  }

  async get(user: ConsultationUser, id: string, now = new Date()): Promise<ConsultationDto> {
    const consultation = await this.visible(user, id);
    return (await this.toDtos([consultation], now))[0];
  }

  async create(user: ConsultationUser, request: CreateConsultationRequest): Promise<ConsultationDto> {
    const federation = user.role === 'representative' ? user.federationSlug : null;
    if (user.role === 'observer' || (user.role === 'representative' && !federation)) throw new ForbiddenException('Only the secretariat and representatives consult ILI');
    const questions = withIds(request.questions);
    const scope = cleanScope(request.scope);
    this.check(user, { questions, scope, closesAt: request.closesAt });
    const id = await this.consultations.insert({
      title: request.title.trim(),
      description: request.description?.trim() ?? '',
      federationSlug: federation,
      questions,
      scope,
      closesAt: new Date(request.closesAt),
      anonymous: request.anonymous ?? false,
      series: request.series ?? null,
      createdById: user.id,
    });
    return this.get(user, id);
  }

  /** A draft changes freely; once launched, its questions, scope, anonymity and series do not (409). */
  async update(user: ConsultationUser, id: string, request: UpdateConsultationRequest): Promise<ConsultationDto> {
    const consultation = await this.managed(user, id);
    const frozen = (['questions', 'scope', 'anonymous', 'series'] as const).filter((key) => request[key] !== undefined);
    if (consultation.status !== 'draft' && frozen.length > 0) {
      throw new ConflictException(apiError('consultation_launched', `${frozen.join(', ')}: a launched consultation's questionnaire cannot change (start a new edition)`));
    }
    if (consultation.status === 'closed') throw new ConflictException(apiError('consultation_closed', 'This consultation is closed'));
    const changes: Partial<Consultation> = {};
    if (request.title !== undefined) changes.title = request.title.trim();
    if (request.description !== undefined) changes.description = request.description.trim();
    if (request.questions !== undefined) changes.questions = withIds(request.questions);
    if (request.scope !== undefined) changes.scope = cleanScope(request.scope);
    if (request.closesAt !== undefined) changes.closesAt = new Date(request.closesAt);
    if (request.anonymous !== undefined) changes.anonymous = request.anonymous;
    if (request.series !== undefined) changes.series = request.series;
    this.check(user, {
      questions: changes.questions ?? consultation.questions,
      scope: changes.scope ?? consultation.scope,
      closesAt: request.closesAt,
    });
    await this.consultations.update(id, changes);
    return this.get(user, id);
  }

  /** How many active ILI a scope reaches (the builder shows it as the scope is picked). */
  async scopeCount(user: ConsultationUser, scope: ConsultationScope): Promise<{ invited: number }> {
    const cleaned = cleanScope(scope);
    const problem = scopeProblem(user, cleaned);
    if (problem) throw new ForbiddenException(problem);
    return { invited: (await this.ilis.findInScope(cleaned)).length };
  }

  /**
   * Opens the consultation: one invitation with a fresh token per active ILI in scope, in one
   * transaction with the status change (a second launch finds it open: 409), then the e-mails.
   */
  async launch(user: ConsultationUser, id: string, now = new Date()): Promise<{ invited: number; emailed: number }> {
    await this.managed(user, id);
    const mails: Mail[] = [];
    const invited = await this.dataSource.transaction(async (manager) => {
      const consultation = await this.consultations.findById(id, manager, 'pessimistic_write');
      if (!consultation) throw new NotFoundException(`Consultation ${id} not found`);
      if (consultation.status !== 'draft') throw new ConflictException(apiError('consultation_launched', 'This consultation was already launched'));
      if (consultation.closesAt.getTime() <= now.getTime()) throw new BadRequestException(apiError('consultation_deadline_passed', ['closesAt must be in the future']));
      const ilis = await this.ilis.findInScope(consultation.scope, manager);
      if (ilis.length === 0) throw new BadRequestException(apiError('consultation_scope_empty', ['scope: no active ILI in this scope']));
      // Launched within the reminder's lead time: the invitation is the reminder.
      const remindedAt = isReminderDue(consultation.closesAt, now) ? now : null;
      const rows = ilis.map((ili) => {
        const issued = this.tokens.issue();
        if (ili.email) mails.push(invitationMail({ ...this.mailContext(consultation, ili.name, issued.token), to: ili.email }));
        return { id: randomUUID(), consultationId: id, iliId: ili.id, tokenHash: issued.hash, tokenNonce: issued.nonce, remindedAt };
      });
      await this.consultations.insertInvitations(rows, manager);
      await this.consultations.update(id, { status: 'open', launchedAt: now, invited: rows.length }, manager);
      return rows.length;
    });
    await this.mail.send(mails);
    return { invited, emailed: mails.length };
  }

  async close(user: ConsultationUser, id: string, now = new Date()): Promise<ConsultationDto> {
    const consultation = await this.managed(user, id);
    const status = effectiveStatus(consultation.status, consultation.closesAt, now);
    if (status === 'draft') throw new ConflictException(apiError('consultation_not_open', 'A draft is not open: launch it first'));
    if (consultation.status !== 'closed') await this.consultations.update(id, { status: 'closed', closedAt: status === 'closed' ? consultation.closesAt : now });
    return this.get(user, id, now);
  }

  /** Shares a federation's consultation (and its results) with every member. */
  async share(user: ConsultationUser, id: string): Promise<ConsultationDto> {
    await this.managed(user, id);
    await this.consultations.update(id, { shared: true });
    return this.get(user, id);
  }

  async invitations(user: ConsultationUser, id: string): Promise<InvitationDto[]> {
    const consultation = await this.managed(user, id);
    const invitations = await this.consultations.invitationsOf(id);
    const ilis = new Map((await this.ilis.findByIds(invitations.map((invitation) => invitation.iliId))).map((ili) => [ili.id, ili]));
    return invitations
      .map((invitation) => {
        const ili = ilis.get(invitation.iliId);
        return {
          iliId: invitation.iliId,
          name: ili?.name ?? '',
          commune: ili?.commune ?? '',
          federation: ili?.federation ?? null,
          province: ili?.province ?? '',
          hasEmail: Boolean(ili?.email),
          revoked: invitation.revokedAt !== null,
          responded: consultation.anonymous ? null : invitation.submittedAt !== null,
        };
      })
      .sort((first, second) => first.name.localeCompare(second.name, 'fr'));
  }

  /** Ends one ILI's link at once (its answer, if any, no longer counts). */
  async revoke(user: ConsultationUser, id: string, iliId: string, now = new Date()): Promise<void> {
    await this.managed(user, id);
    const invitation = await this.consultations.findInvitation(id, iliId);
    if (!invitation) throw new NotFoundException(`ILI ${iliId} is not invited to consultation ${id}`);
    if (!invitation.revokedAt) await this.consultations.updateInvitation(invitation.id, { revokedAt: now });
  }

  /** Whether `user` may follow the consultation's answers live: the rule of its results. */
  async assertResultsVisible(user: ConsultationUser, id: string): Promise<void> {
    await this.visible(user, id);
  }

  async results(user: ConsultationUser, id: string, filter: ResultsFilter): Promise<ConsultationResultsDto> {
    const consultation = await this.visible(user, id);
    return computeResults(id, consultation.questions, await this.invitedIlis(id), consultation.anonymous, filter);
  }

  /** Named answers, or (anonymous) the aggregates only: no export of an anonymous one names an ILI. */
  async exportResults(user: ConsultationUser, id: string, format: ResultsFormat): Promise<ExportedFile> {
    const consultation = await this.visible(user, id);
    const invited = await this.invitedIlis(id);
    const results = computeResults(id, consultation.questions, invited, consultation.anonymous);
    return resultsSpreadsheet(format, consultation, invited, results);
  }

  async series(user: ConsultationUser, slug: string, now = new Date()): Promise<SeriesDto> {
    const editions = (await this.consultations.findAll({ series: slug })).filter((consultation) => consultation.status !== 'draft' && this.visibleTo(user, consultation));
    if (editions.length === 0) throw new NotFoundException(`Series ${slug} not found`);
    const dtos: SeriesEditionDto[] = [];
    for (const edition of editions) {
      const results = computeResults(edition.id, edition.questions, await this.invitedIlis(edition.id), edition.anonymous);
      dtos.push({
        consultationId: edition.id,
        title: edition.title,
        closesAt: edition.closesAt.toISOString(),
        status: effectiveStatus(edition.status, edition.closesAt, now),
        invited: results.invited,
        responded: results.responded,
        questions: results.questions,
      });
    }
    dtos.sort((first, second) => first.closesAt.localeCompare(second.closesAt));
    return { slug, editions: dtos, trends: seriesTrends(dtos) };
  }

  /** The ILI's own form, through its link (no session). */
  async answerForm(token: string, now = new Date()): Promise<AnswerFormDto> {
    const invitation = await this.invitationOf(token);
    const consultation = await this.consultations.findById(invitation.consultationId);
    if (!consultation) throw new NotFoundException('Unknown link');
    const [ili] = await this.ilis.findByIds([invitation.iliId]);
    const draftIsNewer = invitation.draft && (!invitation.submittedAt || (invitation.draftSavedAt && invitation.draftSavedAt > invitation.submittedAt));
    return {
      consultation: {
        title: consultation.title,
        description: consultation.description,
        closesAt: consultation.closesAt.toISOString(),
        anonymous: consultation.anonymous,
        askedBy: askedBy(consultation),
        questions: consultation.questions,
      },
      ili: { name: ili?.name ?? '', commune: ili?.commune ?? '' },
      status: effectiveStatus(consultation.status, consultation.closesAt, now) === 'open' ? 'open' : 'closed',
      answers: (draftIsNewer ? invitation.draft : invitation.answers) ?? [],
      submittedAt: invitation.submittedAt?.toISOString() ?? null,
      draftSavedAt: draftIsNewer ? (invitation.draftSavedAt?.toISOString() ?? null) : null,
    };
  }

  /**
   * Saves a draft or submits the answer, in one transaction with the invitation's row locked:
   * answers from the same link at once are applied one after the other, each whole. Submitting
   * again replaces the answer until the consultation closes (410 after).
   */
  async saveAnswer(token: string, request: SaveAnswerRequest, now = new Date()): Promise<AnswerFormDto> {
    const draft = request.draft ?? false;
    const event = await this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitationOf(token, manager);
      const consultation = await this.consultations.findById(invitation.consultationId, manager, 'pessimistic_read');
      if (!consultation) throw new NotFoundException('Unknown link');
      if (effectiveStatus(consultation.status, consultation.closesAt, now) !== 'open') {
        throw new GoneException(apiError('consultation_closed', 'This consultation is closed: answers are no longer accepted'));
      }
      const problems = answerProblems(consultation.questions, request.answers, draft);
      if (problems.length > 0) {
        const index = new Map(consultation.questions.map((question, position) => [question.id, position]));
        throw new BadRequestException({
          ...apiError('answer_invalid', problems.map((problem) => `answers.${problem.questionId}: ${problem.message}`)),
          fields: problems.map((problem) => ({ field: `answers.${problem.questionId}`, constraints: ['isAnswerValid'] })),
          problems: problems.map((problem) => ({ ...problem, position: index.get(problem.questionId) ?? null })),
        });
      }
      const answers = normaliseAnswers(consultation.questions, request.answers);
      if (draft) {
        await this.consultations.saveDraft(invitation.id, answers, now, manager);
        return null;
      }
      await this.consultations.submit(invitation.id, answers, now, manager);
      return consultation;
    });
    if (event) await this.announceAnswer(event);
    return this.answerForm(token, now);
  }

  /** The sweep: persists `closed` at the deadline, and sends each due reminder once. */
  async sweep(now: Date): Promise<number> {
    const closed = await this.consultations.closeDue(now);
    const claims = await this.consultations.claimReminders(now, CONSULTATION_REMINDER_LEAD_MS);
    if (claims.length === 0) return closed.length;
    const ilis = new Map((await this.ilis.findByIds([...new Set(claims.map((claim) => claim.iliId))])).map((ili) => [ili.id, ili]));
    const consultations = new Map<string, Consultation | null>();
    const mails: Mail[] = [];
    for (const claim of claims) {
      if (!consultations.has(claim.consultationId)) consultations.set(claim.consultationId, await this.consultations.findById(claim.consultationId));
      const consultation = consultations.get(claim.consultationId);
      const ili = ilis.get(claim.iliId);
      if (!consultation || !ili?.email) continue;
      mails.push(reminderMail({ ...this.mailContext(consultation, ili.name, this.tokens.tokenOf(claim.tokenNonce)), to: ili.email }));
    }
    await this.mail.send(mails);
    if (mails.length > 0) this.logger.log(`Sent ${mails.length} consultation reminder(s)`);
    return closed.length + mails.length;
  }

  /**
   * For the demo seed: a consultation already launched, with the answers `answerOf` gives each
   * invited ILI (null: no answer). No e-mail is sent. Skipped (false) when one has this title.
   */
  /** The id of the consultation with this title, if any (the demo seed cites one). */
  async idByTitle(manager: EntityManager, title: string): Promise<string | null> {
    return (await this.consultations.findByTitle(title, manager))?.id ?? null;
  }

  async seedLaunched(manager: EntityManager, input: DemoConsultation): Promise<boolean> {
    if (await this.consultations.existsWithTitle(input.title, manager)) return false;
    const { answerOf, ...fields } = input;
    const ilis = await this.ilis.findInScope(fields.scope, manager);
    const id = await this.consultations.insert({ ...fields, invited: ilis.length }, manager);
    const rows = ilis.map((ili, index) => {
      const answered = answerOf(ili, index);
      const issued = this.tokens.issue();
      return {
        id: randomUUID(),
        consultationId: id,
        iliId: ili.id,
        tokenHash: issued.hash,
        tokenNonce: issued.nonce,
        answers: answered?.answers ?? null,
        submittedAt: answered?.at ?? null,
      };
    });
    await this.consultations.insertInvitations(rows, manager);
    return true;
  }

  private async announceAnswer(consultation: Consultation): Promise<void> {
    const counts = (await this.consultations.counts([consultation.id])).get(consultation.id) ?? { invited: 0, responded: 0 };
    this.bus.emit('consultation.answered', { consultationId: consultation.id, federation: consultation.federationSlug, shared: consultation.shared, ...counts });
  }

  private mailContext(consultation: Consultation, iliName: string, token: string) {
    const base = (this.config.publicUrl ?? `http://localhost:${this.config.port}`).replace(/\/$/, '');
    return { iliName, title: consultation.title, askedBy: askedBy(consultation), closesAt: consultation.closesAt, link: `${base}/repondre/${token}` };
  }

  /** The invitation of a live link; any unknown, malformed or revoked token is the same 404. */
  private async invitationOf(token: string, manager?: EntityManager): Promise<ConsultationInvitation> {
    const invitation = INVITATION_TOKEN_PATTERN.test(token) ? await this.consultations.findInvitationByHash(hashToken(token), manager, Boolean(manager)) : null;
    if (!invitation || invitation.revokedAt || !this.tokens.matches(token, invitation)) throw new NotFoundException('Unknown or revoked link');
    return invitation;
  }

  private async invitedIlis(consultationId: string): Promise<InvitedIli[]> {
    const invitations = (await this.consultations.invitationsOf(consultationId)).filter((invitation) => !invitation.revokedAt);
    const ilis = new Map((await this.ilis.findByIds(invitations.map((invitation) => invitation.iliId))).map((ili) => [ili.id, ili]));
    return invitations.flatMap((invitation) => {
      const ili = ilis.get(invitation.iliId);
      return ili ? [{ name: ili.name, affiliation: ili.affiliation, federation: ili.federation, province: ili.province, answers: invitation.answers }] : [];
    });
  }

  private check(user: ConsultationActor, input: { questions: QuestionDto[]; scope: ConsultationScope; closesAt?: string }): void {
    const problems = questionProblems(input.questions);
    const scope = scopeProblem(user, input.scope);
    if (scope) problems.push(scope);
    const closesAt = input.closesAt === undefined ? undefined : new Date(input.closesAt).getTime();
    if (closesAt !== undefined && Number.isNaN(closesAt)) problems.push('closesAt must be a real date');
    else if (closesAt !== undefined && closesAt <= Date.now()) problems.push('closesAt must be in the future');
    if (problems.length > 0) throw new BadRequestException(problems);
  }

  private visibleTo(user: ConsultationActor, consultation: Consultation): boolean {
    const access = { federation: consultation.federationSlug, shared: consultation.shared };
    if (!canSeeConsultation(user, access)) return false;
    // A draft is its authors' business.
    return consultation.status !== 'draft' || canManageConsultation(user, access);
  }

  private async visible(user: ConsultationUser, id: string): Promise<Consultation> {
    const consultation = await this.consultations.findById(id);
    if (!consultation || !this.visibleTo(user, consultation)) throw new NotFoundException(`Consultation ${id} not found`);
    return consultation;
  }

  private async managed(user: ConsultationUser, id: string): Promise<Consultation> {
    const consultation = await this.visible(user, id);
    if (!canManageConsultation(user, { federation: consultation.federationSlug })) throw new ForbiddenException('Only its federation and the secretariat manage a consultation');
    return consultation;
  }

  private async toDtos(consultations: readonly Consultation[], now: Date): Promise<ConsultationDto[]> {
    const counts = await this.consultations.counts(consultations.map((consultation) => consultation.id));
    return consultations.map((consultation) => ({
      id: consultation.id,
      title: consultation.title,
      description: consultation.description,
      federation: consultation.federationSlug,
      questions: consultation.questions,
      scope: consultation.scope,
      closesAt: consultation.closesAt.toISOString(),
      anonymous: consultation.anonymous,
      series: consultation.series,
      status: effectiveStatus(consultation.status, consultation.closesAt, now),
      invited: counts.get(consultation.id)?.invited ?? 0,
      responded: counts.get(consultation.id)?.responded ?? 0,
      shared: consultation.shared,
      launchedAt: consultation.launchedAt?.toISOString() ?? null,
      closedAt: consultation.closedAt?.toISOString() ?? null,
      createdAt: consultation.createdAt.toISOString(),
      createdBy: consultation.createdBy ? { id: consultation.createdBy.id, displayName: consultation.createdBy.displayName } : null,
    }));
  }
}
