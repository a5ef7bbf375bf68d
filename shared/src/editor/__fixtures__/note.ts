// Realistic Coupole content, used by the editor specs.
export const NOTE_PROPOSITIONNELLE = `# Note propositionnelle — réforme 2025 du *Parcours d’intégration*

## 1. Contexte

La Coupole rassemble les cinq fédérations d’ILI (ALEAP, CAIPS, CODEF, FdSS et Risome). Le décret « Parcours d’intégration » a été créé en 2015, révisé en 2018 puis en 2025 ; il concerne les primo\u2011arrivant·e·s.

Les ILI demandent\u00a0: une **concertation réelle** avec le *Gouvernement wallon*, et l’accès aux [textes de l’AGW](https://www.wallonie.be/fr/actualites?q=parcours&annee=2025 "AGW du 2025").\\
Une seconde ligne après un retour forcé.

## 2. Propositions

1. Financer les modules **FLE** à hauteur des besoins :
   - cours de français langue étrangère (A1 à B1) ;
   - formation à la citoyenneté (60\u00a0h minimum).
2. Reconnaître l’*accompagnement social* :
   1. permanences juridiques ;
   2. orientation socioprofessionnelle.
3. Simplifier les **attestations** d’équivalence.

> « L’intégration est un processus à double sens. »
>
> — Déclaration commune des fédérations, *mars 2025*

### Budget demandé par fédération

| Fédération | Budget 2025 (€) | Remarque |
| :--- | ---: | :---: |
| ALEAP | 120\u00a0000 | **prioritaire** |
| CAIPS | 95\u00a0000 | *à confirmer* |
| CODEF | 80\u00a0000 | FLE \\| citoyenneté |
| FdSS | 110\u00a0000 |  |
| Risome | 75\u00a0000 | [site](https://www.risome.be) |

---

Contact : secretariat@coupole.be — voir aussi <https://www.coupole.be>.
`;
