import {
  addDays,
  brusselsDate,
  brusselsWallClockToUtc,
  canCreateMeetings,
  canEditMeeting,
  canReadMeeting,
  isActionOverdue,
  meetingTimes,
  validateActionDue,
  type BodyRefDto,
  type ListResponse,
  type MeetingActionDto,
  type MeetingDto,
  type MeetingSummaryDto,
  type MeetingTimes,
  type UserRefDto,
} from '@coupole/shared';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { fieldsRefused } from '../common/api-errors';
import { BodiesService } from '../bodies/bodies.service';
import { DocumentsService } from '../documents/documents.service';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { RoundsService } from '../rounds/rounds.service';
import { User } from '../users/user.entity';
import type { Actor } from '../users/actor';
import { UsersService } from '../users/users.service';
import { toMeetingFields } from './dto/meeting.dto';
import type { AgendaItemInputDto, CreateActionDto, CreateMeetingDto, ListMeetingsQueryDto, UpdateActionDto, UpdateMeetingDto } from './dto/meeting-input.dto';
import { Meeting, MeetingAction, MeetingAgendaItem } from './meeting.entity';
import { MeetingParts, MeetingsRepository } from './meetings.repository';

const EXCERPT_LENGTH = 400;

/** A past or planned meeting as the demo's history holds it: agenda items name documents only. */
export interface MeetingHistory extends Omit<CreateMeetingDto, 'agenda'> {
  agenda?: Omit<AgendaItemInputDto, 'roundId'>[];
  actions?: (Omit<CreateActionDto, 'assignee'> & { assignee?: string | null; done: boolean })[];
}

type CheckedAgendaItem = Omit<MeetingAgendaItem, 'meetingId' | 'position'>;

interface CheckedMeeting {
  times: MeetingTimes;
  bodyId: string | null;
  attendeeIds: string[];
  agenda: CheckedAgendaItem[];
}

@Injectable()
export class MeetingsService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly bodies: BodiesService,
    private readonly users: UsersService,
    private readonly documents: DocumentsService,
    private readonly rounds: RoundsService,
    private readonly events: DomainEventBus,
  ) {}

  /** Meetings overlapping the Brussels days `from`..`to`; observers see only theirs. */
  async list(actor: Actor, query: ListMeetingsQueryDto): Promise<ListResponse<MeetingSummaryDto>> {
    if (query.from && query.to && query.to < query.from) throw fieldsRefused(['to must not be before from']);
    const from = query.from ? this.dayStart(query.from, 'from') : undefined;
    const to = query.to ? this.dayStart(addDays(query.to, 1), 'to') : undefined;
    const meetings = await this.meetings.list({ from, to, attendeeId: actor.role === 'observer' ? actor.id : undefined });
    const items = await this.summaries(meetings);
    return { items, total: items.length };
  }

  /** The meetings whose agenda discussed a document the caller may read. */
  async listForDocument(actor: Actor, documentId: string): Promise<ListResponse<MeetingSummaryDto>> {
    if (!(await this.documents.canRead(actor, documentId))) throw new NotFoundException(`Document ${documentId} not found`);
    const meetings = await this.meetings.listLinkingDocument(documentId, actor.role === 'observer' ? actor.id : undefined);
    const items = await this.summaries(meetings);
    return { items, total: items.length };
  }

  async get(actor: Actor, id: string, now = new Date()): Promise<MeetingDto> {
    const { meeting, parts } = await this.readable(actor, id);
    return this.detail(actor, meeting, parts, now);
  }

  async create(actor: User, input: CreateMeetingDto): Promise<MeetingDto> {
    if (!canCreateMeetings(actor.role)) throw new ForbiddenException('Observers cannot schedule meetings');
    const checked = await this.checked(actor, input);
    const id = await this.meetings.transaction((manager) => this.insert(manager, actor.id, input, checked, null));
    await this.reportIfDue(id, actor);
    return this.get(actor, id);
  }

  /**
   * For the demo seed, in its transaction: a meeting with its attendees, agenda and follow-up
   * actions, checked as `create` checks them, unless a meeting has that title. Its minutes count
   * as reported when it ended: no *retour de mandat* goes out for history. True when created.
   */
  async recordIn(manager: EntityManager, creator: User, input: MeetingHistory): Promise<boolean> {
    if (await this.meetings.existsWithTitle(manager, input.title)) return false;
    const checked = await this.checked(creator, input, manager);
    const id = await this.insert(manager, creator.id, input, checked, input.minutes?.trim() ? checked.times.endsAt : null);
    for (const action of input.actions ?? []) {
      if (action.assignee) await this.checkedAttendees([action.assignee], 'assignee', manager);
      await this.meetings.saveAction({ meetingId: id, title: action.title, assigneeId: action.assignee ?? null, due: action.due ?? null, done: action.done }, manager);
    }
    return true;
  }

  /**
   * Changes a meeting; every change bumps its iCal SEQUENCE. The first non-empty minutes of a
   * `mandate` meeting are its *retour de mandat*: every federation is told once.
   */
  async update(actor: User, id: string, input: UpdateMeetingDto): Promise<MeetingDto> {
    const { meeting, parts } = await this.readable(actor, id);
    if (!this.canEdit(actor, meeting, parts)) throw new ForbiddenException('Only the secretariat, its author and its attendees edit this meeting');
    const times = input.start !== undefined || input.end !== undefined ? this.times(input.start ?? meeting.startLocal, input.end ?? meeting.endLocal) : null;
    const body = input.bodyId === undefined ? undefined : input.bodyId === null ? null : await this.bodies.refOrBadRequest(input.bodyId, 'bodyId');
    const attendeeIds = input.attendeeIds ? await this.checkedAttendees(input.attendeeIds) : undefined;
    const agenda = input.agenda ? await this.checkedAgenda(actor, input.agenda) : undefined;
    await this.meetings.transaction(async (manager: EntityManager) => {
      const changed: Partial<Meeting> = { ...meeting, sequence: meeting.sequence + 1 };
      if (input.title !== undefined) changed.title = input.title;
      if (input.kind !== undefined) changed.kind = input.kind;
      if (input.status !== undefined) changed.status = input.status;
      if (input.place !== undefined) changed.place = input.place;
      if (input.link !== undefined) changed.link = input.link;
      if (input.minutes !== undefined) changed.minutes = input.minutes;
      if (body !== undefined) changed.bodyId = body?.id ?? null;
      if (times) Object.assign(changed, { startLocal: times.start, endLocal: times.end, startsAt: times.startsAt, endsAt: times.endsAt });
      await this.meetings.save(manager, changed);
      if (attendeeIds) await this.meetings.replaceAttendees(manager, id, attendeeIds);
      if (agenda) await this.meetings.replaceAgenda(manager, id, agenda);
    });
    await this.reportIfDue(id, actor);
    return this.get(actor, id);
  }

  async addAction(actor: User, meetingId: string, input: CreateActionDto, now = new Date()): Promise<MeetingActionDto> {
    const { meeting, parts } = await this.readable(actor, meetingId);
    if (!this.canEdit(actor, meeting, parts)) throw new ForbiddenException('Only the secretariat, its author and its attendees add actions');
    const errors = validateActionDue(input.due, now, { creating: true });
    if (errors.length > 0) throw fieldsRefused(errors);
    if (input.assignee) await this.checkedAttendees([input.assignee], 'assignee');
    const action = await this.meetings.saveAction({ meetingId, title: input.title, assigneeId: input.assignee ?? null, due: input.due ?? null, done: false });
    return (await this.actionDtos([action], now))[0];
  }

  /** The meeting's editors change an action; its assignee may also tick it done. */
  async updateAction(actor: User, actionId: string, input: UpdateActionDto, now = new Date()): Promise<MeetingActionDto> {
    const action = await this.meetings.findAction(actionId);
    if (!action) throw new NotFoundException(`Action ${actionId} not found`);
    const { meeting, parts } = await this.readable(actor, action.meetingId).catch(() => {
      throw new NotFoundException(`Action ${actionId} not found`);
    });
    const editor = this.canEdit(actor, meeting, parts);
    const onlyDone = Object.keys(input).every((key) => key === 'done');
    if (!editor && !(onlyDone && action.assigneeId === actor.id)) throw new ForbiddenException('Only the meeting’s editors change this action');
    const errors = input.due !== undefined && input.due !== action.due ? validateActionDue(input.due, now, { creating: true }) : [];
    if (errors.length > 0) throw fieldsRefused(errors);
    if (input.assignee) await this.checkedAttendees([input.assignee], 'assignee');
    const saved = await this.meetings.saveAction({
      ...action,
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.assignee !== undefined ? { assigneeId: input.assignee } : {}),
      ...(input.due !== undefined ? { due: input.due } : {}),
      ...(input.done !== undefined ? { done: input.done } : {}),
    });
    return (await this.actionDtos([saved], now))[0];
  }

  /** The caller's open actions, soonest due first. */
  async myActions(actor: Actor, now = new Date()): Promise<ListResponse<MeetingActionDto>> {
    const items = await this.actionDtos(await this.meetings.openActionsOf(actor.id), now);
    return { items, total: items.length };
  }

  /** One pass of the reminder: each open action due tomorrow (Brussels) is announced once. */
  async remindDueActions(now = new Date()): Promise<number> {
    const claimed = await this.meetings.claimActionReminders(addDays(brusselsDate(now), 1));
    if (claimed.length === 0) return 0;
    const actions = await this.meetings.findActionsByIds(claimed);
    const titles = new Map((await this.meetings.findByIds(actions.map((action) => action.meetingId))).map((meeting) => [meeting.id, meeting.title]));
    for (const action of actions) {
      this.events.emit('meeting.action-due', {
        actionId: action.id,
        meetingId: action.meetingId,
        meetingTitle: titles.get(action.meetingId) ?? '',
        title: action.title,
        due: action.due!,
        assigneeId: action.assigneeId!,
      });
    }
    return actions.length;
  }

  /** Who can be invited or given an action: active accounts, by name. */
  async people(): Promise<ListResponse<UserRefDto>> {
    const items = (await this.users.list()).items
      .filter((user) => user.active)
      .map((user) => ({ id: user.id, displayName: user.displayName, federation: user.federation }));
    return { items, total: items.length };
  }

  /** A new meeting's times, body, attendees and agenda, or a 400 naming the field. */
  private async checked(actor: User, input: CreateMeetingDto, manager?: EntityManager): Promise<CheckedMeeting> {
    return {
      times: this.times(input.start, input.end),
      bodyId: input.bodyId ? (await this.bodies.refOrBadRequest(input.bodyId, 'bodyId', manager)).id : null,
      attendeeIds: await this.checkedAttendees(input.attendeeIds ?? [], 'attendeeIds', manager),
      agenda: await this.checkedAgenda(actor, input.agenda ?? [], manager),
    };
  }

  private async insert(manager: EntityManager, createdById: string, input: CreateMeetingDto, checked: CheckedMeeting, reportedAt: Date | null): Promise<string> {
    const { times } = checked;
    const meeting = await this.meetings.save(manager, {
      title: input.title,
      kind: input.kind,
      status: 'scheduled',
      startLocal: times.start,
      endLocal: times.end,
      startsAt: times.startsAt,
      endsAt: times.endsAt,
      place: input.place ?? '',
      link: input.link ?? null,
      bodyId: checked.bodyId,
      minutes: input.minutes ?? '',
      reportedAt,
      sequence: 0,
      createdById,
    });
    await this.meetings.replaceAttendees(manager, meeting.id, checked.attendeeIds);
    await this.meetings.replaceAgenda(manager, meeting.id, checked.agenda);
    return meeting.id;
  }

  private async reportIfDue(id: string, reporter: User): Promise<void> {
    const meeting = await this.meetings.findById(id);
    if (!meeting || meeting.kind !== 'mandate' || meeting.reportedAt || meeting.minutes.trim() === '') return;
    if (!(await this.meetings.markReported(id, new Date()))) return;
    const body = meeting.bodyId ? (await this.bodies.refsByIds([meeting.bodyId])).get(meeting.bodyId) : undefined;
    // Plain words for the notification and its mail: Markdown markers dropped.
    const flat = meeting.minutes.replace(/[#*_`>|]+/g, '').replace(/\s+/g, ' ').trim();
    this.events.emit('meeting.reported', {
      meetingId: id,
      title: meeting.title,
      bodyName: body?.name ?? null,
      start: meeting.startLocal,
      reporterId: reporter.id,
      reporterName: reporter.displayName,
      reporterFederation: reporter.federationSlug,
      excerpt: flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`,
    });
  }

  private async readable(actor: Actor, id: string): Promise<{ meeting: Meeting; parts: MeetingParts }> {
    const meeting = await this.meetings.findById(id);
    if (!meeting) throw new NotFoundException(`Meeting ${id} not found`);
    const parts = await this.meetings.partsOf([id]);
    // A meeting an observer does not attend is "not found": its existence does not leak.
    if (!canReadMeeting(this.access(actor, meeting, parts))) throw new NotFoundException(`Meeting ${id} not found`);
    return { meeting, parts };
  }

  private canEdit(actor: Actor, meeting: Meeting, parts: MeetingParts): boolean {
    return canEditMeeting(this.access(actor, meeting, parts));
  }

  private access(actor: Actor, meeting: Meeting, parts: MeetingParts) {
    return { role: actor.role, userId: actor.id, createdById: meeting.createdById, attendeeIds: parts.attendeeIds.get(meeting.id) ?? [] };
  }

  private times(start: string, end: string) {
    const result = meetingTimes({ start, end });
    if (!result.ok) throw fieldsRefused(result.errors);
    return result.value;
  }

  private dayStart(day: string, field: string): Date {
    try {
      return brusselsWallClockToUtc(`${day}T00:00`);
    } catch {
      throw fieldsRefused([`${field} must be a date (YYYY-MM-DD)`]);
    }
  }

  private async checkedAttendees(ids: readonly string[], field = 'attendeeIds', manager?: EntityManager): Promise<string[]> {
    const unique = [...new Set(ids)];
    const known = new Set((await this.users.findByIds(unique, manager)).filter((user) => user.active).map((user) => user.id));
    const unknown = unique.filter((id) => !known.has(id));
    if (unknown.length > 0) throw fieldsRefused([`${field} must name active users (not: ${unknown.join(', ')})`]);
    return unique;
  }

  /** With a manager (the demo seed's transaction), items name documents only, never rounds. */
  private async checkedAgenda(actor: User, items: readonly AgendaItemInputDto[], manager?: EntityManager): Promise<CheckedAgendaItem[]> {
    const checked: CheckedAgendaItem[] = [];
    for (const [index, item] of items.entries()) {
      let documentId = item.documentId ?? null;
      if (documentId && !(await this.documents.canRead(actor, documentId, manager))) {
        throw fieldsRefused([`agenda.${index}.documentId must name a document you can read`]);
      }
      if (item.roundId) {
        const round = await this.rounds.get(actor, item.roundId).catch(() => null);
        if (!round) throw fieldsRefused([`agenda.${index}.roundId must name a round you can read`]);
        if (documentId && round.documentId !== documentId) throw fieldsRefused([`agenda.${index}.roundId must belong to the linked document`]);
        documentId = round.documentId;
      }
      checked.push({ title: item.title, documentId, roundId: item.roundId ?? null });
    }
    return checked;
  }

  private async userRefs(): Promise<Map<string, UserRefDto>> {
    const { items } = await this.users.list();
    return new Map(items.map((user) => [user.id, { id: user.id, displayName: user.displayName, federation: user.federation }]));
  }

  private async summaries(meetings: readonly Meeting[]): Promise<MeetingSummaryDto[]> {
    const parts = await this.meetings.partsOf(meetings.map((meeting) => meeting.id));
    const bodies = await this.bodies.refsByIds(meetings.flatMap((meeting) => (meeting.bodyId ? [meeting.bodyId] : [])));
    const people = await this.userRefs();
    return meetings.map((meeting) => summary(meeting, parts, bodies, people));
  }

  private async detail(actor: Actor, meeting: Meeting, parts: MeetingParts, now: Date): Promise<MeetingDto> {
    const bodies = await this.bodies.refsByIds(meeting.bodyId ? [meeting.bodyId] : []);
    const people = await this.userRefs();
    const agenda = await Promise.all(
      (parts.agenda.get(meeting.id) ?? []).map(async (item) => ({
        title: item.title,
        documentId: item.documentId,
        documentTitle: item.documentId ? await this.documents.titleOf(item.documentId).catch(() => null) : null,
        roundId: item.roundId,
      })),
    );
    return {
      ...summary(meeting, parts, bodies, people),
      agenda,
      minutes: meeting.minutes,
      reportedAt: meeting.reportedAt?.toISOString() ?? null,
      sequence: meeting.sequence,
      actions: await this.actionDtos(await this.meetings.actionsOf([meeting.id]), now, people),
      createdBy: people.get(meeting.createdById) ?? { id: meeting.createdById, displayName: '—', federation: null },
      createdAt: meeting.createdAt.toISOString(),
      updatedAt: meeting.updatedAt.toISOString(),
      permissions: { edit: this.canEdit(actor, meeting, parts) },
    };
  }

  private async actionDtos(actions: readonly MeetingAction[], now: Date, people?: Map<string, UserRefDto>): Promise<MeetingActionDto[]> {
    const refs = people ?? (await this.userRefs());
    const titles = new Map((await this.meetings.findByIds([...new Set(actions.map((action) => action.meetingId))])).map((meeting) => [meeting.id, meeting.title]));
    return actions.map((action) => ({
      id: action.id,
      meetingId: action.meetingId,
      meetingTitle: titles.get(action.meetingId) ?? '',
      title: action.title,
      assignee: action.assigneeId ? (refs.get(action.assigneeId) ?? null) : null,
      due: action.due,
      done: action.done,
      overdue: isActionOverdue(action, now),
      createdAt: action.createdAt.toISOString(),
      updatedAt: action.updatedAt.toISOString(),
    }));
  }
}

function summary(meeting: Meeting, parts: MeetingParts, bodies: Map<string, BodyRefDto>, people: Map<string, UserRefDto>): MeetingSummaryDto {
  return {
    ...toMeetingFields(meeting),
    body: meeting.bodyId ? (bodies.get(meeting.bodyId) ?? null) : null,
    attendees: (parts.attendeeIds.get(meeting.id) ?? [])
      .map((id) => people.get(id))
      .filter((person): person is UserRefDto => person !== undefined)
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr')),
  };
}
