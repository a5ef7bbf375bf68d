import { appendDecision, type DecisionDto, type DecisionRecord } from '@coupole/shared';
import { annexMarkdown, brusselsDateTime, decisionAnnex, decisionSearchText, outcomeStatement } from './decision-text';

const nadia = { id: 'u-aleap', displayName: 'Nadia Benali', mandate: 'titular' as const };
const aicha = { id: 'u-caips-2', displayName: 'Aïcha El Idrissi', mandate: 'substitute' as const };
const julien = { id: 'u-sec', displayName: 'Julien Dethier', mandate: null };

function decision(overrides: Partial<Omit<DecisionRecord, 'seq' | 'prevHash'>> = {}): DecisionDto {
  return appendDecision(null, {
    roundId: 'r-1',
    roundNumber: 2,
    documentId: 'd-1',
    documentTitle: 'Note sur le parcours d’intégration',
    version: 3,
    contentHash: 'c'.repeat(64),
    question: 'Adoptons-nous cette note ?',
    rule: 'rough',
    outcome: 'adopted_with_reservations',
    closeCause: 'facilitator',
    participants: ['aleap', 'caips', 'codef', 'fdss', 'risome'],
    positions: [
      { federation: 'aleap', stance: 'agree', reason: null, paragraphs: [], amendment: null, noAmendmentPossible: false, castBy: nadia, castAt: '2026-03-10T09:00:00.000Z' },
      { federation: 'caips', stance: 'reservations', reason: 'Le budget des cours de français reste flou.', paragraphs: ['p2'], amendment: null, noAmendmentPossible: false, castBy: aicha, castAt: '2026-07-01T12:30:00.000Z' },
      { federation: 'codef', stance: 'object', reason: 'Le chiffre de 219 ILI est daté.', paragraphs: ['p1'], amendment: 'Remplacer par « 219 ILI fin 2024 ».', noAmendmentPossible: false, castBy: julien, castAt: '2026-07-01T13:00:00.000Z' },
      { federation: 'fdss', stance: 'stand_aside', reason: null, paragraphs: [], amendment: null, noAmendmentPossible: false, castBy: nadia, castAt: '2026-07-01T13:00:00.000Z' },
    ],
    objections: [
      {
        federation: 'codef',
        reason: 'Le chiffre de 219 ILI est daté.',
        paragraphs: ['p1'],
        amendment: 'Remplacer par « 219 ILI fin 2024 ».',
        noAmendmentPossible: false,
        state: 'ruled_in_the_rough',
        answer: 'Le chiffre est celui du rapport officiel.',
        raisedBy: julien,
        raisedAt: '2026-07-01T13:00:00.000Z',
      },
    ],
    closedAt: '2026-07-02T08:15:00.000Z',
    closedBy: julien,
    ...overrides,
  });
}

describe('decision register wording', () => {
  it('shows times in Europe/Brussels, summer and winter', () => {
    expect(brusselsDateTime('2026-07-02T08:15:00.000Z')).toBe('2 juillet 2026 à 10:15');
    expect(brusselsDateTime('2026-01-15T23:30:00.000Z')).toBe('16 janvier 2026 à 00:30');
  });

  it('states the outcome, the rule, the answers and the objections ruled in the rough', () => {
    expect(outcomeStatement(decision())).toBe(
      "Adopté avec réserves selon la règle « Consensus approximatif » : 1 d'accord, 1 avec réserves, 1 abstention, 1 objection, 1 fédération sans réponse ; aucune objection ne subsiste ; 1 objection tranchée par écrit.",
    );
  });

  it('counts silent federations as agreeing under the silence procedure at the deadline', () => {
    const silent = decision({ rule: 'silence', closeCause: 'deadline', outcome: 'adopted', positions: [], objections: [] });
    expect(outcomeStatement(silent)).toContain("5 fédérations silencieuses réputées d'accord");
  });

  it('indexes title, question, reasons, amendments and the facilitator answers', () => {
    const text = decisionSearchText(decision());
    for (const expected of ['parcours d’intégration', 'Adoptons-nous', 'budget des cours', '219 ILI fin 2024', 'rapport officiel', 'Adopté avec réserves']) {
      expect(text).toContain(expected);
    }
  });
});

describe(decisionAnnex.name, () => {
  const sut = decision();
  const annex = decisionAnnex(sut);
  const markdown = annexMarkdown(annex);

  it('is titled "Relevé de décision" with the round, rule and Brussels closing date', () => {
    expect(annex.title).toBe('Relevé de décision');
    expect(markdown).toContain('### Tour de consensus n° 2');
    expect(markdown).toContain('Règle : Consensus approximatif.');
    expect(markdown).toContain('Clôture : 2 juillet 2026 à 10:15 (heure de Bruxelles), clôture par la facilitation, par Julien Dethier.');
  });

  it("lists each federation's position, who cast it and when, and the federation that did not answer", () => {
    const positions = annex.sections.find((section) => section.heading === 'Positions des fédérations')!;
    expect(positions.items).toEqual([
      "ALEAP — D'accord, exprimé par Nadia Benali, mandataire le 10 mars 2026 à 10:00",
      'CAIPS — D\'accord avec réserves, exprimé par Aïcha El Idrissi, suppléant·e le 1 juillet 2026 à 14:30 : « Le budget des cours de français reste flou. »',
      'CODEF — Objection, exprimé par Julien Dethier le 1 juillet 2026 à 15:00 : « Le chiffre de 219 ILI est daté. »',
      "FdSS — Je m'abstiens, exprimé par Nadia Benali, mandataire le 1 juillet 2026 à 15:00",
      'Risome — sans réponse',
    ]);
  });

  it('publishes reservations and each objection with its fate and the written answer', () => {
    expect(markdown).toContain('- CAIPS (paragraphes : p2) : « Le budget des cours de français reste flou. »');
    expect(markdown).toContain(
      '- CODEF — Tranchée (paragraphes : p1) ; motif : « Le chiffre de 219 ILI est daté. » ; amendement proposé : « Remplacer par « 219 ILI fin 2024 ». » ; réponse de la facilitation : « Le chiffre est celui du rapport officiel. »',
    );
  });

  it('ends with the content hash and the register seq and hashes', () => {
    expect(markdown).toContain(`empreinte SHA-256 du contenu ${'c'.repeat(64)}`);
    expect(markdown).toContain('Inscription n° 1 au registre.');
    expect(markdown).toContain(`Empreinte précédente : ${'0'.repeat(64)}`);
    expect(markdown).toContain(`Empreinte de l'inscription : ${sut.hash}`);
  });

  it('says so when there is no reservation and no objection', () => {
    const plain = annexMarkdown(decisionAnnex(decision({ positions: [], objections: [], outcome: 'adopted', rule: 'silence', closeCause: 'deadline' })));
    expect(plain).toContain('Aucune réserve.');
    expect(plain).toContain('Aucune objection.');
    expect(plain).toContain("Risome — sans réponse, réputée d'accord (procédure de silence)");
  });
});
