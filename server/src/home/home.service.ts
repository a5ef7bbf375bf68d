import {
  homeVisit,
  nextReminderAllowedAt,
  type HomeClosedRoundDto,
  type HomeCommentDto,
  type HomeDto,
  type HomeRoundDto,
  type RoundOutcome,
} from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { CommentsService, type ThreadSummary } from '../comments/comments.service';
import { DocumentsService } from '../documents/documents.service';
import { EventsService } from '../events/events.service';
import { FederationRemindersService } from '../federation-reminders/federation-reminders.service';
import { RoundFollowUpService, type OpenRoundFollowUp } from '../rounds/round-follow-up.service';
import type { Round } from '../rounds/round.entity';
import type { User } from '../users/user.entity';
import { HomeRepository } from './home.repository';

/** The home page (Accueil): what needs the caller, and what changed since their last visit. */
@Injectable()
export class HomeService {
  constructor(
    private readonly visits: HomeRepository,
    private readonly rounds: RoundFollowUpService,
    private readonly comments: CommentsService,
    private readonly documents: DocumentsService,
    private readonly events: EventsService,
    private readonly reminders: FederationRemindersService,
  ) {}

  async get(user: User, now = new Date()): Promise<HomeDto> {
    const { since, previousVisitEndedAt } = homeVisit(await this.visits.find(user.id), now);
    await this.visits.save(user.id, now, previousVisitEndedAt);

    const scope = await this.documents.listScope(user);
    const readable = (documentId: string) => scope === 'all' || scope.includes(documentId);
    const [open, closed, threads, edited] = await Promise.all([
      this.rounds.openRounds(),
      this.rounds.closedSince(since),
      this.comments.awaitingUser(user, scope),
      this.events.editedSince(since, user.id),
    ]);
    const visibleOpen = open.filter(({ round }) => readable(round.documentId));
    const visibleClosed = closed.filter((round) => readable(round.documentId));
    const visibleEdited = edited.filter((entry) => readable(entry.documentId));
    const documents = await this.documents.summariesOf([
      ...visibleOpen.map(({ round }) => round.documentId),
      ...visibleClosed.map((round) => round.documentId),
      ...threads.mentions.map((thread) => thread.documentId),
      ...threads.unanswered.map((thread) => thread.documentId),
      ...visibleEdited.map((entry) => entry.documentId),
    ]);
    const title = (documentId: string) => documents.get(documentId)?.title ?? '';

    const federation = user.role === 'representative' ? user.federationSlug : null;
    const staff = user.role === 'admin' || user.role === 'facilitator';
    return {
      since: since.toISOString(),
      awaitingMyFederation: federation
        ? visibleOpen.filter(({ missing }) => missing.includes(federation)).map(({ round }) => toHomeRound(round, title(round.documentId)))
        : [],
      mentions: threads.mentions.map((thread) => toHomeComment(thread, title(thread.documentId))),
      unansweredThreads: threads.unanswered.map((thread) => toHomeComment(thread, title(thread.documentId))),
      editedDocuments: visibleEdited.flatMap((entry) => {
        const document = documents.get(entry.documentId);
        return document
          ? [{ documentId: entry.documentId, title: document.title, status: document.status, lastEditedAt: entry.lastEditedAt.toISOString() }]
          : [];
      }),
      closedRounds: visibleClosed.map((round) => toHomeClosedRound(round, title(round.documentId))),
      followUp: staff ? await this.followUp(visibleOpen, title) : null,
    };
  }

  private async followUp(open: OpenRoundFollowUp[], title: (documentId: string) => string): Promise<HomeDto['followUp']> {
    const reminders = await this.reminders.forRounds(open.map(({ round }) => round.id));
    return open.map(({ round, missing }) => ({
      ...toHomeRound(round, title(round.documentId)),
      missing: missing.map((federation) => {
        const last = reminders.find((reminder) => reminder.roundId === round.id && reminder.federationSlug === federation);
        const next = last ? nextReminderAllowedAt(last.sentAt) : null;
        return {
          federation,
          lastRemindedAt: last ? last.sentAt.toISOString() : null,
          nextReminderAt: next && next.getTime() > Date.now() ? next.toISOString() : null,
        };
      }),
    }));
  }
}

/** What every line about a round on the home page starts with. */
function homeRoundRef(round: Round, documentTitle: string) {
  return { roundId: round.id, documentId: round.documentId, documentTitle, number: round.number };
}

function toHomeRound(round: Round, documentTitle: string): HomeRoundDto {
  return {
    ...homeRoundRef(round, documentTitle),
    question: round.question,
    rule: round.rule,
    closesAt: round.closesAt.toISOString(),
  };
}

function toHomeComment(thread: ThreadSummary, documentTitle: string): HomeCommentDto {
  return { ...thread, documentTitle };
}

function toHomeClosedRound(round: Round, documentTitle: string): HomeClosedRoundDto {
  return {
    ...homeRoundRef(round, documentTitle),
    outcome: round.outcome as RoundOutcome,
    closedAt: (round.closedAt ?? new Date()).toISOString(),
    decisionSeq: round.decisionSeq,
  };
}
