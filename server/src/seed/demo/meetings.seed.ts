import { addDays, brusselsDate, type MeetingKind } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BodiesService } from '../../bodies/bodies.service';
import { Clock } from '../../common/clock';
import { DocumentsService } from '../../documents/documents.service';
import { MeetingsService } from '../../meetings/meetings.service';
import { UsersService } from '../../users/users.service';
import type { SeedStep } from '../seed-step';

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
 * the demo documents and follow-up actions. Recorded through MeetingsService in the seed's
 * transaction; a title that exists is left alone.
 */
@Injectable()
export class MeetingsDemoSeed implements SeedStep {
  readonly name = 'demo meetings';

  constructor(
    private readonly meetings: MeetingsService,
    private readonly bodies: BodiesService,
    private readonly documents: DocumentsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async run(manager: EntityManager): Promise<void> {
    const today = brusselsDate(this.clock.now());
    const users = await this.users.byEmail(manager);
    const userId = (email: string) => users.get(email)?.id;
    const secretariat = users.get('secretariat@demo.coupole.be');
    if (!secretariat) return;
    for (const demo of DEMO_MEETINGS) {
      const day = addDays(today, demo.day);
      const agenda = [];
      for (const item of demo.agenda) {
        const document = item.document ? await this.documents.findByTitle(manager, item.document) : null;
        agenda.push({ title: item.title, documentId: document?.id ?? null });
      }
      await this.meetings.recordIn(manager, secretariat, {
        title: demo.title,
        kind: demo.kind,
        start: `${day}T${demo.from}`,
        end: `${day}T${demo.to}`,
        place: demo.place,
        link: demo.link ?? null,
        bodyId: demo.body ? await this.bodies.idByName(demo.body, manager) : null,
        attendeeIds: demo.attendees.map(userId).filter((id): id is string => id !== undefined),
        agenda,
        minutes: demo.minutes,
        actions: (demo.actions ?? []).map((action) => ({
          title: action.title,
          assignee: userId(action.assignee) ?? null,
          due: addDays(today, action.due),
          done: action.done ?? false,
        })),
      });
    }
  }
}
