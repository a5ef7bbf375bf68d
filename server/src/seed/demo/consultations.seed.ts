import type { AnswerItem, IliFields, QuestionDto } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ConsultationsService, type DemoConsultation } from '../../consultations/consultations.service';
import { Clock } from '../../common/clock';
import { UsersService } from '../../users/users.service';
import type { SeedStep } from '../seed-step';

const DAY = 24 * 3600 * 1000;

/** The edition ALEAP's voice rests on in the demo's decided round (see the rounds seed). */
export const SPRING_BAROMETER_TITLE = 'Baromètre des ILI — printemps 2026';

/** A stable number in [0, 1) for an ILI and a salt: the demo answers are the same on every install. */
function draw(ili: IliFields, salt: string): number {
  return createHash('sha256').update(`${salt}|${ili.name}|${ili.postalCode}`).digest().readUInt32BE(0) / 2 ** 32;
}

const pick = <T>(items: readonly T[], at: number): T => items[Math.min(items.length - 1, Math.floor(at * items.length))];

const FLE_QUESTIONS: QuestionDto[] = [
  { id: 'public', kind: 'single', label: 'Quel public accueillez-vous le plus ?', options: ['Primo-arrivants', 'Résidents de longue date', 'Demandeurs de protection internationale'], required: true },
  { id: 'offre', kind: 'multiple', label: 'Quelles formations organisez-vous ?', options: ['FLE oral', 'FLE écrit', 'Alphabétisation', 'Citoyenneté'], required: false },
  { id: 'attente', kind: 'number', label: 'Combien de personnes sur liste d’attente ?', required: false },
  { id: 'moyens', kind: 'scale', label: 'Les moyens FLE suffisent-ils à la demande ?', required: true },
  { id: 'remarque', kind: 'text', label: 'Ce que la fédération devrait porter à la Coupole', required: false },
];

const BAROMETER_QUESTIONS: QuestionDto[] = [
  { id: 'financement', kind: 'scale', label: 'Votre financement permet-il de remplir vos missions ?', required: true },
  { id: 'charge', kind: 'scale', label: 'La charge administrative est-elle supportable ?', required: true },
  { id: 'emploi', kind: 'single', label: 'Votre équipe a-t-elle évolué depuis un an ?', options: ['Elle a grandi', 'Elle est stable', 'Elle a diminué'], required: true },
  { id: 'priorite', kind: 'text', label: 'Votre priorité pour l’année qui vient', required: false },
];

const REMARKS = [
  'Des groupes en soirée pour les personnes qui travaillent.',
  'Un financement pluriannuel pour garder nos formateurs.',
  'Plus de places en alphabétisation.',
  'Une reconnaissance des acquis entre ILI.',
  'Des transports pour les communes rurales.',
];

const PRIORITIES = ['Stabiliser l’équipe.', 'Ouvrir une antenne rurale.', 'Simplifier les rapports d’activité.', 'Former aux outils numériques.', 'Renforcer le lien avec les CPAS.'];

/**
 * Demo consultations: one of ALEAP's affiliates, open, with answers arriving; and two editions
 * of the Coupole's anonymous *baromètre des ILI*, closed, so the series page shows a trend.
 * Written with the seed's transaction; idempotent by title.
 */
@Injectable()
export class ConsultationsDemoSeed implements SeedStep {
  readonly name = 'demo consultations';

  constructor(
    private readonly consultations: ConsultationsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async run(manager: EntityManager): Promise<void> {
    const now = this.clock.now().getTime();
    const users = new Map([...(await this.users.byEmail(manager))].map(([email, user]) => [email, user.id]));
    const answered = (at: number) => new Date(Math.min(now - 3600 * 1000, at));

    const fle: DemoConsultation = {
      title: 'Besoins en français langue étrangère 2026',
      description: 'Avant la réunion de la Coupole sur l’offre FLE, l’ALEAP demande à ses ILI où en sont la demande et les moyens.',
      federationSlug: 'aleap',
      createdById: users.get('aleap@demo.coupole.be') ?? null,
      questions: FLE_QUESTIONS,
      scope: { affiliations: ['federation'], federations: ['aleap'] },
      anonymous: false,
      series: null,
      status: 'open',
      shared: false,
      launchedAt: new Date(now - 6 * DAY),
      closesAt: new Date(now + 8 * DAY),
      closedAt: null,
      answerOf: (ili) => {
        if (draw(ili, 'fle-answers') > 0.62) return null;
        const answers: AnswerItem[] = [
          { questionId: 'public', value: pick(FLE_QUESTIONS[0].options!, draw(ili, 'fle-public')) },
          { questionId: 'offre', value: FLE_QUESTIONS[1].options!.filter((_, index) => draw(ili, `fle-offre-${index}`) < 0.55) },
          { questionId: 'attente', value: Math.round(draw(ili, 'fle-attente') * 60) },
          { questionId: 'moyens', value: 1 + Math.floor(draw(ili, 'fle-moyens') ** 1.6 * 5) },
        ];
        if (draw(ili, 'fle-remarque') < 0.5) answers.push({ questionId: 'remarque', value: pick(REMARKS, draw(ili, 'fle-remarque-text')) });
        return { answers: answers.filter((answer) => !(Array.isArray(answer.value) && answer.value.length === 0)), at: answered(now - draw(ili, 'fle-at') * 5 * DAY) };
      },
    };

    // Two editions, the autumn one with scores a little lower: the trend the barometer shows.
    const barometer = (edition: 'printemps' | 'automne', closesDaysAgo: number, shift: number): DemoConsultation => ({
      title: edition === 'printemps' ? SPRING_BAROMETER_TITLE : `Baromètre des ILI — ${edition} 2026`,
      description: 'Le baromètre semestriel de la Coupole : quatre questions, anonymes, à toutes les ILI actives.',
      federationSlug: null,
      createdById: users.get('secretariat@demo.coupole.be') ?? null,
      questions: BAROMETER_QUESTIONS,
      scope: {},
      anonymous: true,
      series: 'barometre-ili',
      status: 'closed',
      shared: false,
      launchedAt: new Date(now - (closesDaysAgo + 21) * DAY),
      closesAt: new Date(now - closesDaysAgo * DAY),
      closedAt: new Date(now - closesDaysAgo * DAY),
      answerOf: (ili) => {
        if (draw(ili, `baro-${edition}`) > 0.55) return null;
        const score = (salt: string) => Math.max(1, Math.min(5, 1 + Math.floor(draw(ili, `${edition}-${salt}`) * 5) - (draw(ili, `${edition}-${salt}-shift`) < shift ? 1 : 0)));
        const answers: AnswerItem[] = [
          { questionId: 'financement', value: score('financement') },
          { questionId: 'charge', value: score('charge') },
          { questionId: 'emploi', value: pick(BAROMETER_QUESTIONS[2].options!, draw(ili, `${edition}-emploi`) + shift / 3) },
        ];
        if (draw(ili, `${edition}-priorite`) < 0.4) answers.push({ questionId: 'priorite', value: pick(PRIORITIES, draw(ili, `${edition}-priorite-text`)) });
        return { answers, at: new Date(now - (closesDaysAgo + 1 + draw(ili, `${edition}-at`) * 18) * DAY) };
      },
    });

    await this.consultations.seedLaunched(manager, fle);
    await this.consultations.seedLaunched(manager, barometer('printemps', 190, 0));
    await this.consultations.seedLaunched(manager, barometer('automne', 12, 0.35));
  }
}
