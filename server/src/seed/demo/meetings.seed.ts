import { addDays, brusselsDate, meetingTimes, type MeetingKind } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager, ILike } from 'typeorm';
import { Body } from '../../bodies/body.entity';
import { Clock } from '../../common/clock';
import { Document } from '../../documents/document.entity';
import type { SeedStep } from '../seed-step';
import { UsersService } from '../../users/users.service';
import { Meeting, MeetingAction, MeetingAgendaItem, MeetingAttendee } from '../../meetings/meeting.entity';

interface DemoMeeting {
  title: string;
  kind: MeetingKind;
  /** Days from today, and Brussels clock times. */
  day: number;
  from: string;
  to: string;
  place: string;
  link?: string;
  body?: string;
  attendees: string[];
  agenda: { title: string; document?: string }[];
  minutes?: string;
  actions?: { title: string; assignee: string; due: number; done?: boolean }[];
}

const REPRESENTATIVES = ['aleap', 'caips', 'codef', 'fdss', 'risome'].map((slug) => `${slug}@demo.coupole.be`);

const DEMO_MEETINGS: DemoMeeting[] = [
  {
    title: 'Observatoire de l’Intégration — séance plénière',
    kind: 'mandate',
    day: -14,
    from: '09:30',
    to: '12:00',
    place: 'SPW Intérieur et Action sociale, Namur',
    body: 'Observatoire de l’Intégration',
    attendees: ['aleap@demo.coupole.be', 'caips-suppleant@demo.coupole.be'],
    agenda: [{ title: 'Bilan 2025 du Parcours d’intégration' }, { title: 'Position des fédérations sur la réforme', document: '%Parcours d’intégration%' }],
    minutes:
      '## Retour de mandat\n\nL’Observatoire a présenté le bilan 2025 du Parcours d’intégration : **+12 %** de personnes orientées vers les ILI.\n\n- La Coupole a rappelé sa note sur la réforme 2025.\n- Prochaine séance : données par province.\n',
    actions: [{ title: 'Transmettre la note propositionnelle au secrétariat de l’Observatoire', assignee: 'aleap@demo.coupole.be', due: 5 }],
  },
  {
    title: 'Réunion mensuelle de la Coupole',
    kind: 'coupole',
    day: 3,
    from: '14:00',
    to: '16:30',
    place: 'Maison des associations, Namur',
    link: 'https://meet.jit.si/coupole-mensuelle',
    attendees: [...REPRESENTATIVES, 'secretariat@demo.coupole.be'],
    agenda: [
      { title: 'Suivi du courrier au Ministre', document: '%Courrier au Ministre%' },
      { title: 'Préparation du mémorandum 2026', document: 'Mémorandum 2026%' },
      { title: 'Tour des mandats' },
    ],
    actions: [
      { title: 'Relancer le cabinet pour une date de rencontre', assignee: 'secretariat@demo.coupole.be', due: 1 },
      { title: 'Compiler les retours des ILI sur les appels à projets', assignee: 'codef@demo.coupole.be', due: 10 },
    ],
  },
  {
    title: 'Observatoire de l’Intégration — groupe de travail données',
    kind: 'mandate',
    day: 10,
    from: '10:00',
    to: '12:00',
    place: 'Visioconférence',
    link: 'https://meet.jit.si/observatoire-donnees',
    body: 'Observatoire de l’Intégration',
    attendees: ['aleap@demo.coupole.be'],
    agenda: [{ title: 'Indicateurs par province' }],
  },
  {
    title: 'Rencontre au cabinet du Ministre de l’Action sociale',
    kind: 'minister',
    day: 17,
    from: '11:00',
    to: '12:00',
    place: 'Rue des Brigades d’Irlande 4, Namur',
    body: 'Cabinet du Ministre de l’Action sociale',
    attendees: ['secretariat@demo.coupole.be', 'aleap@demo.coupole.be', 'risome@demo.coupole.be'],
    agenda: [{ title: 'Appels à projets ILI', document: '%Courrier au Ministre%' }],
  },
  {
    title: 'Séminaire « Intégration et emploi »',
    kind: 'seminar',
    day: 24,
    from: '09:00',
    to: '16:00',
    place: 'Université de Liège',
    attendees: ['fdss@demo.coupole.be', 'observateur@demo.coupole.be'],
    agenda: [{ title: 'Ateliers' }],
  },
];

/**
 * Demo meetings around today (a past mandate session with its retour de mandat, the next Coupole
 * meeting, the Observatoire, the minister, a seminar an observer attends), with agenda items on
 * the demo documents and follow-up actions. Idempotent by title; written with the seed's
 * transaction (see MandatesDemoSeed).
 */
@Injectable()
export class MeetingsDemoSeed implements SeedStep {
  readonly name = 'demo meetings';

  constructor(
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async run(manager: EntityManager): Promise<void> {
    const today = brusselsDate(this.clock.now());
    const bodies = new Map((await manager.getRepository(Body).find()).map((body) => [body.name, body.id]));
    const users = new Map([...(await this.users.byEmail(manager))].map(([email, user]) => [email, user.id]));
    const secretariat = users.get('secretariat@demo.coupole.be');
    if (!secretariat) return;
    for (const demo of DEMO_MEETINGS) {
      if (await manager.getRepository(Meeting).existsBy({ title: demo.title })) continue;
      const day = addDays(today, demo.day);
      const times = meetingTimes({ start: `${day}T${demo.from}`, end: `${day}T${demo.to}` });
      if (!times.ok) continue;
      const meeting = await manager.getRepository(Meeting).save(
        manager.getRepository(Meeting).create({
          title: demo.title,
          kind: demo.kind,
          status: 'scheduled',
          startLocal: times.value.start,
          endLocal: times.value.end,
          startsAt: times.value.startsAt,
          endsAt: times.value.endsAt,
          place: demo.place,
          link: demo.link ?? null,
          bodyId: demo.body ? (bodies.get(demo.body) ?? null) : null,
          minutes: demo.minutes ?? '',
          reportedAt: demo.minutes ? times.value.endsAt : null,
          sequence: 0,
          createdById: secretariat,
        }),
      );
      const attendees = demo.attendees.map((email) => users.get(email)).filter((id): id is string => id !== undefined);
      await manager.getRepository(MeetingAttendee).insert(attendees.map((userId) => ({ meetingId: meeting.id, userId })));
      const agenda: Partial<MeetingAgendaItem>[] = [];
      for (const [position, item] of demo.agenda.entries()) {
        const document = item.document ? await manager.getRepository(Document).findOneBy({ title: ILike(item.document) }) : null;
        agenda.push({ meetingId: meeting.id, position, title: item.title, documentId: document?.id ?? null, roundId: null });
      }
      if (agenda.length > 0) await manager.getRepository(MeetingAgendaItem).insert(agenda);
      for (const action of demo.actions ?? []) {
        await manager.getRepository(MeetingAction).insert({
          meetingId: meeting.id,
          title: action.title,
          assigneeId: users.get(action.assignee) ?? null,
          due: addDays(today, action.due),
          done: action.done ?? false,
        });
      }
    }
  }
}
