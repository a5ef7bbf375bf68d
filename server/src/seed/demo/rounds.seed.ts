import {
  markdownEditUpdate,
  normalisePosition,
  replaceParagraphUnits,
  type DocumentKind,
  type FederationSlug,
  type PositionInput,
} from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { Clock } from '../../common/clock';
import { ConsultationsService } from '../../consultations/consultations.service';
import { DocumentBodyService } from '../../document-body/document-body.service';
import { Document } from '../../documents/document.entity';
import { DocumentsService } from '../../documents/documents.service';
import { EventsService } from '../../events/events.service';
import type { SeedStep } from '../seed-step';
import type { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { freezeBody, VersionsService } from '../../versions/versions.service';
import { RoundClosingService } from '../../rounds/round-closing.service';
import { Round } from '../../rounds/round.entity';
import { RoundsService, type FrozenVersion } from '../../rounds/rounds.service';
import { SPRING_BAROMETER_TITLE } from './consultations.seed';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The memorandum's round closed this many days ago and adopted it: its publication and dispatches come after. */
export const MEMORANDUM_ADOPTED_DAYS_AGO = 35;
const MEMORANDUM_ROUND_DAYS = 10;

type DemoEmail =
  | 'secretariat@demo.coupole.be'
  | 'aleap@demo.coupole.be'
  | 'caips@demo.coupole.be'
  | 'caips-suppleant@demo.coupole.be'
  | 'codef@demo.coupole.be'
  | 'fdss@demo.coupole.be'
  | 'risome@demo.coupole.be';

interface DemoCast {
  by: DemoEmail;
  /** Days after the round opened. */
  after: number;
  /**
   * `paragraph` points the position at a paragraph: `true` for the version's first plain
   * paragraph, a string for the paragraph that starts with it.
   */
  position: PositionInput & { paragraph?: boolean | string };
  /** The amendment as a rewrite of the pointed paragraph's frozen Markdown (a few words changed). */
  amend?: (markdown: string) => string;
}

/** A version frozen by the seed, with the Yjs state amendments are anchored in. */
type SeededVersion = FrozenVersion & { yjsState: Uint8Array };

/**
 * A realistic history of consensus rounds on the demo documents: the note on the 2025 reform of
 * the Parcours d'intégration blocked by CODEF, amended and adopted in a second round; the
 * memorandum adopted with reservations; a letter to the minister under a round open now, where
 * RISOME objects and CODEF reserves, each with an amendment of a few words shown as suggestions.
 * Idempotent: a document that already has a round is left alone. Decisions go through the
 * register's own append, so the chain is valid.
 */
@Injectable()
export class RoundsDemoSeed implements SeedStep {
  readonly name = 'demo consensus rounds';

  constructor(
    private readonly rounds: RoundsService,
    private readonly closing: RoundClosingService,
    private readonly events: EventsService,
    private readonly documents: DocumentsService,
    private readonly versions: VersionsService,
    private readonly body: DocumentBodyService,
    private readonly consultations: ConsultationsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async run(manager: EntityManager): Promise<void> {
    const users = await this.users.byEmail(manager);
    const user = (email: DemoEmail) => {
      const found = users.get(email);
      if (!found) throw new Error(`Demo account ${email} is missing: the demo users seed runs first`);
      return found;
    };
    const now = this.clock.now().getTime();

    const note = await this.findDocument(manager, ['note_politique', 'note_technique'], '%parcours%');
    if (note) await this.seedReformNote(manager, note, user, now - 30 * DAY);
    const memorandum = await this.findDocument(manager, ['memorandum'], '%');
    if (memorandum) await this.seedMemorandum(manager, memorandum, user, now - (MEMORANDUM_ADOPTED_DAYS_AGO + MEMORANDUM_ROUND_DAYS) * DAY);
    const letter = await this.findDocument(manager, ['courrier'], '%');
    if (letter) await this.seedOpenLetterRound(manager, letter, user, now);
  }

  private async seedReformNote(manager: EntityManager, document: Document, user: (email: DemoEmail) => User, start: number) {
    const secretariat = user('secretariat@demo.coupole.be');
    await this.backdateCreation(manager, document, start - 3 * DAY);
    const v1 = await this.freeze(manager, document, secretariat, 'Soumise au premier tour', start);
    const round1 = await this.rounds.openInTransaction(
      manager,
      secretariat,
      document.id,
      v1,
      {
        question: "La Coupole peut-elle adresser cette note propositionnelle sur la réforme 2025 du Parcours d’intégration au Gouvernement wallon ?",
        closesAt: new Date(start + 7 * DAY),
        rule: 'consensus',
      },
      new Date(start + HOUR),
    );
    const target = plainParagraph(v1);
    const amendment = `${target.markdown} Pour les personnes qui ne sont pas soumises à l’obligation, le parcours doit rester volontaire et gratuit, et chaque ILI qui les accueille doit être financée pour le faire.`;
    await this.castAll(manager, round1, v1, user, start, [
      { by: 'aleap@demo.coupole.be', after: 1, position: { stance: 'agree', reason: "La note reprend fidèlement nos constats de terrain sur l’accès aux cours de français." } },
      { by: 'caips@demo.coupole.be', after: 1.5, position: { stance: 'agree' } },
      {
        by: 'caips-suppleant@demo.coupole.be',
        after: 3,
        position: {
          stance: 'reservations',
          reason: 'Nous soutenons la note, mais le calendrier de mise en œuvre reste très serré pour les petites ILI sans moyens supplémentaires.',
          paragraph: true,
        },
      },
      {
        by: 'codef@demo.coupole.be',
        after: 4,
        position: {
          stance: 'object',
          reason: "La note laisse entendre que l’obligation pourrait s’étendre à des publics aujourd’hui volontaires : nos membres ne peuvent pas soutenir ce texte tel quel.",
          paragraph: true,
          amendment,
        },
      },
      { by: 'fdss@demo.coupole.be', after: 5, position: { stance: 'agree' } },
      {
        by: 'risome@demo.coupole.be',
        after: 6,
        position: { stance: 'stand_aside', reason: 'Le volet formation à la citoyenneté concerne peu nos services ; nous ne bloquons pas.' },
      },
    ]);
    await this.closing.closeInTransaction(manager, round1.id, 'deadline', null, {}, new Date(start + 7 * DAY));

    // CODEF's amendment goes into the draft, which becomes version 2.
    const codef = user('codef@demo.coupole.be');
    const amended = replaceParagraphUnits(v1.markdown, v1.paragraphs, [target.id], amendment);
    if (amended) {
      await this.editBody(manager, document.id, amended, codef.id, new Date(start + 9 * DAY));
      await this.events.record(manager, {
        documentId: document.id,
        roundId: round1.id,
        type: 'amendment.applied',
        actorId: codef.id,
        at: new Date(start + 9 * DAY),
        payload: { federation: 'codef', roundNumber: 1 },
      });
    }
    const v2 = await this.freeze(manager, document, secretariat, 'Amendement CODEF intégré', start + 10 * DAY);
    // ALEAP's voice rests on the Coupole's spring barometer (seeded before): the decision records it.
    const spring = await this.consultations.idByTitle(manager, SPRING_BAROMETER_TITLE);
    const round2 = await this.rounds.openInTransaction(
      manager,
      secretariat,
      document.id,
      v2,
      {
        question: "La version 2, qui intègre l’amendement de la CODEF, peut-elle être adressée au Gouvernement wallon ?",
        closesAt: new Date(start + 17 * DAY),
        rule: 'consensus',
      },
      new Date(start + 10 * DAY + HOUR),
    );
    await this.castAll(manager, round2, v2, user, start + 10 * DAY, [
      { by: 'aleap@demo.coupole.be', after: 0.5, position: { stance: 'agree', evidence: spring ? [spring] : [] } },
      { by: 'codef@demo.coupole.be', after: 1, position: { stance: 'agree', reason: 'Notre amendement a été repris mot pour mot : merci au groupe.' } },
      { by: 'caips-suppleant@demo.coupole.be', after: 1.5, position: { stance: 'agree' } },
      { by: 'fdss@demo.coupole.be', after: 2, position: { stance: 'agree' } },
      { by: 'risome@demo.coupole.be', after: 3, position: { stance: 'agree' } },
    ]);
    await this.closing.closeInTransaction(
      manager,
      round2.id,
      'facilitator',
      secretariat,
      { statement: 'Adoptée par consensus au second tour, après intégration de l’amendement de la CODEF.' },
      new Date(start + 14 * DAY),
    );
  }

  private async seedMemorandum(manager: EntityManager, document: Document, user: (email: DemoEmail) => User, start: number) {
    const secretariat = user('secretariat@demo.coupole.be');
    await this.backdateCreation(manager, document, start - 3 * DAY);
    const v1 = await this.freeze(manager, document, secretariat, 'Version pour adoption', start);
    const round = await this.rounds.openInTransaction(
      manager,
      secretariat,
      document.id,
      v1,
      { question: 'Adoptons-nous ce mémorandum comme position commune de la Coupole ?', closesAt: new Date(start + MEMORANDUM_ROUND_DAYS * DAY), rule: 'consensus' },
      new Date(start + HOUR),
    );
    await this.castAll(manager, round, v1, user, start, [
      { by: 'aleap@demo.coupole.be', after: 1, position: { stance: 'agree' } },
      { by: 'caips@demo.coupole.be', after: 2, position: { stance: 'agree', reason: 'Un texte clair, qui parle enfin de pluralisme et de transversalité.' } },
      { by: 'codef@demo.coupole.be', after: 3, position: { stance: 'agree' } },
      {
        by: 'fdss@demo.coupole.be',
        after: 4,
        position: {
          stance: 'reservations',
          reason: "Nous aurions voulu une demande chiffrée pour le refinancement de l’accompagnement social ; nous ne bloquons pas.",
          paragraph: true,
        },
      },
      {
        by: 'risome@demo.coupole.be',
        after: 6,
        position: { stance: 'reservations', reason: "La lutte contre les discriminations systémiques mériterait un chapitre à part entière." },
      },
    ]);
    await this.closing.closeInTransaction(manager, round.id, 'deadline', null, {}, new Date(start + MEMORANDUM_ROUND_DAYS * DAY));
  }

  private async seedOpenLetterRound(manager: EntityManager, document: Document, user: (email: DemoEmail) => User, now: number) {
    const secretariat = user('secretariat@demo.coupole.be');
    const start = now - 2 * DAY;
    await this.backdateCreation(manager, document, start - DAY);
    const v1 = await this.freeze(manager, document, secretariat, 'Projet soumis aux fédérations', start);
    const round = await this.rounds.openInTransaction(
      manager,
      secretariat,
      document.id,
      v1,
      {
        question: 'Sans objection de votre part à l’échéance, ce courrier sera envoyé au Ministre. Des objections ?',
        closesAt: new Date(now + 4 * DAY),
        rule: 'silence',
      },
      new Date(start + HOUR),
    );
    await this.castAll(manager, round, v1, user, start, [
      { by: 'aleap@demo.coupole.be', after: 0.5, position: { stance: 'agree' } },
      {
        by: 'codef@demo.coupole.be',
        after: 1,
        position: {
          stance: 'reservations',
          reason: 'Ce paragraphe pourrait être plus ferme sur les délais de paiement des subventions : dire combien de mois les ILI ont avancé les salaires.',
          paragraph: 'Les résultats de l’appel précédent',
        },
        amend: (markdown) =>
          markdown
            .replace('alors que les actions avaient déjà commencé', 'quatre mois après le début des actions')
            .replace('avancer des salaires', 'avancer jusqu’à six mois de salaires'),
      },
      { by: 'fdss@demo.coupole.be', after: 1.5, position: { stance: 'agree' } },
      {
        by: 'risome@demo.coupole.be',
        after: 1.8,
        position: {
          stance: 'object',
          reason: 'Une avance de 80 % laisse les petites ILI sans trésorerie pendant des mois : le courrier doit demander 90 %, versés dans le mois.',
          paragraph: 'avance de 80 %',
        },
        amend: (markdown) => markdown.replace('une avance de 80 % dès la notification', 'une avance de 90 % dans le mois qui suit la notification'),
      },
    ], { amendmentsAsSuggestions: true });
  }

  private async castAll(
    manager: EntityManager,
    round: Round,
    version: SeededVersion,
    user: (email: DemoEmail) => User,
    start: number,
    casts: DemoCast[],
    { amendmentsAsSuggestions = false } = {},
  ): Promise<void> {
    for (const { by, after, position, amend } of casts) {
      const caster = user(by);
      const { paragraph, evidence, ...input } = position;
      const pointed = typeof paragraph === 'string' ? paragraphStartingWith(version, paragraph) : plainParagraph(version);
      const amendment = amend ? amend(pointed.markdown) : input.amendment;
      const cast = normalisePosition({ ...input, amendment, paragraphs: paragraph ? [pointed.id] : [] });
      // Earlier rounds' amendments went into the draft whole; the open round's stand as suggestions.
      const anchoredOn = amendmentsAsSuggestions ? version : undefined;
      await this.rounds.castInTransaction(manager, caster, caster.federationSlug as FederationSlug, round, cast, new Date(start + HOUR + after * DAY), evidence, anchoredOn);
    }
  }

  private async findDocument(manager: EntityManager, kinds: DocumentKind[], titlePattern: string): Promise<Document | null> {
    const document = await this.documents.findOldestDrafting(manager, kinds, titlePattern);
    return document && !(await this.rounds.hasRounds(manager, document.id)) ? document : null;
  }

  /** The demo history starts weeks ago: the document must have been created before it. */
  private backdateCreation(manager: EntityManager, document: Document, at: number): Promise<void> {
    return this.documents.backdateCreation(manager, document.id, new Date(at));
  }

  /** Freezes the current body as the document's next version, dated `at`. */
  private async freeze(manager: EntityManager, document: Document, author: User, label: string, at: number): Promise<SeededVersion> {
    const body = freezeBody(await this.body.loadIn(manager, document.id));
    const version = await this.versions.freezeIn(manager, document.id, author.id, label, body, new Date(at));
    return { id: version.id, number: version.number, contentHash: body.contentHash, markdown: body.markdown, paragraphs: body.paragraphs, yjsState: body.yjsState };
  }

  /** An ordinary edit of the body, appended to the update log as the collab module stores them. */
  private async editBody(manager: EntityManager, documentId: string, markdown: string, actorId: string, at: Date) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await this.body.loadIn(manager, documentId));
    const update = markdownEditUpdate(doc, markdown);
    doc.destroy();
    if (!update) return;
    await this.body.appendIn(manager, documentId, update, actorId, at);
    await this.documents.setMarkdownIn(manager, documentId, markdown, at);
  }
}

/** The paragraph that starts with `start`, else the first that holds it (a list's item). */
function paragraphStartingWith(version: FrozenVersion, start: string): { id: string; markdown: string } {
  const found =
    version.paragraphs.find((paragraph) => paragraph.markdown.startsWith(start)) ?? version.paragraphs.find((paragraph) => paragraph.markdown.includes(start));
  if (!found) throw new Error(`The demo version has no paragraph with "${start}"`);
  return found;
}

/** The first ordinary paragraph (not a heading, list, quote or table), else the first block. */
function plainParagraph(version: FrozenVersion): { id: string; markdown: string } {
  return version.paragraphs.find((paragraph) => /^[^#>|*\-\d]/u.test(paragraph.markdown)) ?? version.paragraphs[0];
}
