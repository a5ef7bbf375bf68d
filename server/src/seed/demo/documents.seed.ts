import type { CreateDocumentRequest } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SeedStep } from '../seed-step';
import { DocumentsService } from '../../documents/documents.service';
import { UsersService } from '../../users/users.service';

const SECRETARIAT_EMAIL = 'secretariat@demo.coupole.be';
const OBSERVER_EMAIL = 'observateur@demo.coupole.be';
/** The demo observer is invited to the first two texts (the note and the memorandum), so that role shows something. */
const OBSERVED_DOCUMENTS = 2;

export const DEMO_DOCUMENTS: readonly Required<CreateDocumentRequest>[] = [
  {
    title: 'Note propositionnelle — réforme 2025 du Parcours d’intégration',
    kind: 'note_politique',
    markdown: `# Note propositionnelle — réforme 2025 du Parcours d’intégration

## Contexte

Le décret relatif au Parcours d’intégration des personnes étrangères, adopté en 2015 et révisé en 2018, fait l’objet d’une nouvelle réforme en 2025. Fin 2024, la Wallonie comptait 219 Initiatives locales d’intégration (ILI), affiliées à une fédération, membres du seul réseau COPILI ou sans appartenance sectorielle.

La Coupole rassemble les cinq fédérations d’ILI : **ALEAP**, **CAIPS**, **CODEF**, **FdSS** et **Risome**. Elle s’exprime ici d’une seule voix, par consensus.

## Constats

- Les listes d’attente pour les cours de français langue étrangère (FLE) s’allongent dans plusieurs bassins.
- Le financement par appels à projets annuels fragilise l’emploi des formateur·rice·s.
- La formation à la citoyenneté doit rester accessible dans une langue comprise par les participant·e·s.

## Propositions

1. Passer à un financement pluriannuel (cinq ans) des ILI agréées, indexé.
2. Reconnaître le temps d’accompagnement social individuel comme une mission à part entière.
3. Associer les fédérations à l’évaluation du Parcours, avec des indicateurs qualitatifs.

## Demande

La Coupole demande à être consultée sur les arrêtés d’exécution avant leur adoption en première lecture.
`,
  },
  {
    title: 'Mémorandum 2026 de la Coupole',
    kind: 'memorandum',
    markdown: `# Mémorandum 2026 de la Coupole

La Coupole, chambre d’écho des convergences des fédérations d’ILI, présente ses priorités pour 2026.

## 1. Stabiliser le secteur

Les ILI assurent un accueil de proximité que ni les CPAS ni les Centres régionaux d’intégration ne peuvent offrir seuls. Leur financement doit suivre l’évolution réelle des coûts.

## 2. Lutter contre les discriminations systémiques

- Former les services publics à l’accueil interculturel.
- Simplifier l’accès à l’équivalence des diplômes.
- Garantir l’interprétariat social dans les démarches essentielles.

## 3. Moyens demandés

| Mesure | Budget annuel estimé | Échéance |
| --- | --- | --- |
| Financement pluriannuel des ILI | 4,5 M€ | 2026 |
| Interprétariat social | 1,2 M€ | 2026 |
| Formation continue des équipes | 0,6 M€ | 2027 |

## 4. Méthode

Les fédérations s’engagent à partager leurs analyses de terrain et à ne pas dupliquer ce que chacune fait seule.
`,
  },
  {
    title: 'Courrier au Ministre wallon de l’Action sociale — appels à projets ILI',
    kind: 'courrier',
    markdown: `# Courrier au Ministre wallon de l’Action sociale

Monsieur le Ministre,

Les cinq fédérations des Initiatives locales d’intégration, réunies au sein de la Coupole, souhaitent attirer votre attention sur le calendrier des appels à projets ILI.

Les résultats de l’appel précédent ont été communiqués alors que les actions avaient déjà commencé. Plusieurs ILI ont dû avancer des salaires sur fonds propres, et certaines ont suspendu des groupes de français.

Nous vous demandons :

- de publier l’appel au moins six mois avant le début de la période couverte ;
- de verser une avance de 80 % dès la notification ;
- d’organiser une rencontre avec la Coupole avant la fin du trimestre.

Nous vous prions d’agréer, Monsieur le Ministre, l’expression de notre haute considération.

Pour la Coupole,
le secrétariat
`,
  },
];

/**
 * Three realistic French texts in drafting, written by the secretariat; upserted by title. The demo
 * observer is invited to the first two when they are created (a later removal stays removed).
 */
@Injectable()
export class DemoDocumentsSeed implements SeedStep {
  readonly name = 'demo documents';

  constructor(
    private readonly documents: DocumentsService,
    private readonly users: UsersService,
  ) {}

  async run(manager: EntityManager): Promise<void> {
    const users = await this.users.byEmail(manager);
    const secretariat = users.get(SECRETARIAT_EMAIL);
    if (!secretariat) throw new Error(`The demo documents need the ${SECRETARIAT_EMAIL} account (seed the demo users first)`);
    const invited = users.get(OBSERVER_EMAIL);
    const observer = invited?.role === 'observer' && invited.active ? invited : undefined;
    for (const [index, document] of DEMO_DOCUMENTS.entries()) {
      if (await this.documents.existsWithTitle(manager, document.title)) continue;
      const documentId = await this.documents.insert(manager, secretariat.id, document);
      if (observer && index < OBSERVED_DOCUMENTS) await this.documents.changeObservers(manager, documentId, secretariat.id, [observer.id], []);
    }
  }
}
