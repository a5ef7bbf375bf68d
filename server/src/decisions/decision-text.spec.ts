import { appendDecision, jsonToMarkdown, type DecisionDto, type DecisionRecord, type ProseMirrorJSON } from '@coupole/shared';
import { brusselsDateTime, decisionAnnex, decisionSearchText, outcomeStatement } from './decision-text';

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
    expect(brusselsDateTime('2026-06-30T22:30:00.000Z')).toBe('1er juillet 2026 à 00:30');
  });

  it('states the outcome, the rule, the answers and the objections ruled in the rough', () => {
    expect(outcomeStatement(decision())).toBe(
      "Adopté avec réserves selon la règle « Consensus approximatif » : 1 d’accord, 1 avec réserves, 1 abstention, 1 objection, 1 fédération sans réponse ; aucune objection ne subsiste ; 1 objection tranchée par écrit.",
    );
  });

  it('counts silent federations as agreeing under the silence procedure at the deadline', () => {
    const silent = decision({ rule: 'silence', closeCause: 'deadline', outcome: 'adopted', positions: [], objections: [] });
    expect(outcomeStatement(silent)).toContain("5 fédérations silencieuses réputées d’accord");
  });

  it('indexes title, question, reasons, amendments and the facilitator answers', () => {
    const text = decisionSearchText(decision());
    for (const expected of ['parcours d’intégration', 'Adoptons-nous', 'budget des cours', '219 ILI fin 2024', 'rapport officiel', 'Adopté avec réserves']) {
      expect(text).toContain(expected);
    }
  });
});

describe(decisionAnnex.name, () => {
  const sut = decision({
    positions: decision().positions.map((position) => ({ ...position, paragraphs: position.paragraphs.map((id) => (id === 'p1' ? 'p-0-aaaaaaaa' : 'p-5-e1eb19d4')) })),
    objections: decision().objections.map((objection) => ({ ...objection, paragraphs: ['p-0-aaaaaaaa'] })),
  });
  const register = { length: 7, head: 'f'.repeat(64) };
  const annex = decisionAnnex(sut, { register, publicUrl: 'https://coupole.example.be/' });
  const markdown = jsonToMarkdown(annex.doc);
  const headingsOf = (doc: ProseMirrorJSON) =>
    (doc.content ?? []).filter((node) => node.type === 'heading').map((node) => (node.content ?? []).map((child) => child.text).join(''));
  const headings = headingsOf(annex.doc);

  it('is titled "Relevé de décision" once, with the round, rule and Brussels closing date', () => {
    expect(annex.title).toBe('Relevé de décision');
    expect(markdown).not.toContain('Relevé de décision');
    expect(headings).toEqual(['Tour de consensus n° 2', 'Positions des fédérations', 'Réserves publiées', 'Objections et suites données', 'Inscription au registre des décisions']);
    expect(markdown).toContain('**Règle :** Consensus approximatif.');
    expect(markdown).toContain('**Clôture :** 2 juillet 2026 à 10:15 (heure de Bruxelles), clôture par la facilitation, par Julien Dethier.');
  });

  it("lists each federation's position, who cast it and when (1er for the first of the month), and the federation that did not answer", () => {
    expect(markdown).toContain("- **ALEAP** — D’accord, exprimé par Nadia Benali, mandataire, le 10 mars 2026 à 10:00.");
    expect(markdown).toContain("- **CAIPS** — D’accord avec réserves, exprimé par Aïcha El Idrissi, suppléant·e, le 1er juillet 2026 à 14:30 :\n\n  > Le budget des cours de français reste flou.");
    expect(markdown).toContain('- **Risome** — sans réponse');
  });

  it('names paragraphs as the text numbers them (§), never by their ids', () => {
    expect(markdown).toContain('- **CAIPS** (§ 6) :');
    expect(markdown).toContain('- **CODEF** — objection tranchée (§ 1).');
    expect(markdown).not.toMatch(/p-\d+-[0-9a-f]{8}/);
  });

  it('quotes the reason, the amendment and the written answer of each objection', () => {
    expect(markdown).toContain('Motif :\n\n  > Le chiffre de 219 ILI est daté.');
    expect(markdown).toContain('Amendement proposé :\n\n  > Remplacer par « 219 ILI fin 2024 ».');
    expect(markdown).toContain('Réponse de la facilitation :\n\n  > Le chiffre est celui du rapport officiel.');
  });

  it('shows a reservation’s amendment as a word diff of the paragraphs it rewrites, saying it did not block', () => {
    const paragraphs = [{ id: 'p-0-aaaaaaaa', markdown: 'Le décret de 2018 prévoit un parcours.' }];
    const reserved = decision({
      positions: decision().positions.map((position) =>
        position.federation === 'caips' ? { ...position, paragraphs: ['p-0-aaaaaaaa'], amendment: 'Le décret de 2025 prévoit un parcours.' } : position,
      ),
    });
    const text = jsonToMarkdown(decisionAnnex(reserved, { paragraphs }).doc);
    expect(text).toContain('Amendement proposé avec la réserve, sans bloquer (texte retiré barré, texte ajouté souligné) :');
    expect(text).toMatch(/~~2018~~.*\+\+2025\+\+/);
    expect(jsonToMarkdown(decisionAnnex(reserved).doc)).toContain('Amendement proposé avec la réserve, sans bloquer :\n\n  > Le décret de 2025 prévoit un parcours.');
  });

  it('keeps an amendment’s list inside its quote', () => {
    const listed = decisionAnnex(decision({ objections: [{ ...decision().objections[0], amendment: 'Remplacer par :\n\n- proposition 1\n- proposition 2' }] }));
    const objection = (listed.doc.content ?? []).filter((node) => node.type === 'bulletList').at(-1)!;
    const blocks = objection.content?.[0].content ?? [];
    const quote = blocks[blocks.findIndex((node) => node.type === 'paragraph' && node.content?.[0].text === 'Amendement proposé :') + 1];
    expect(quote).toMatchObject({ type: 'blockquote', content: [{ type: 'paragraph' }, { type: 'bulletList' }] });
  });

  it('prints a forged heading, line or HTML in a reason as the characters typed (#8 item 6)', () => {
    const forged = "Rien.\n\n## Décision annulée\n\n- **FdSS** — Objection\n\n<script>alert(1)</script> <b>gras</b>";
    const attacked = decisionAnnex(
      decision({
        question: '# Question\n---',
        positions: decision().positions.map((position) => ({ ...position, reason: position.reason && forged })),
        objections: decision().objections.map((objection) => ({ ...objection, reason: forged, amendment: `${forged}\n\n# Titre`, answer: forged })),
      }),
    );
    const text = jsonToMarkdown(attacked.doc);
    expect(headingsOf(attacked.doc)).toEqual(headings);
    // No line of the Markdown starts a heading, a list item or HTML outside a quote.
    for (const line of text.split('\n')) {
      expect(line).not.toMatch(/^#{1,6} (?!Tour|Positions|Réserves|Objections|Inscription)/);
      expect(line).not.toMatch(/^\s*<|^- \*\*FdSS\*\* — Objection/);
    }
    // The Markdown file escapes every "<" of the annex: see renderers.spec.
  });

  it('says under each position which consultation it rests on, with the figures frozen in the record', () => {
    const cited = decision({
      recordVersion: 3,
      positions: decision().positions.map((position) =>
        position.federation === 'aleap'
          ? { ...position, evidence: [{ consultationId: 'c-1', title: 'Baromètre des ILI — printemps 2026', invited: 61, responded: 42 }] }
          : { ...position, evidence: position.federation === 'caips' ? [{ consultationId: 'c-2', title: 'Enquête FLE', invited: 12, responded: 1 }] : [] },
      ),
    });
    const text = jsonToMarkdown(decisionAnnex(cited).doc);
    expect(text).toContain("- **ALEAP** — D’accord, exprimé par Nadia Benali, mandataire, le 10 mars 2026 à 10:00.\n\n  Fondée sur : « Baromètre des ILI — printemps 2026 » — 42 ILI sur 61 ont répondu.");
    expect(text).toContain('  > Le budget des cours de français reste flou.\n\n  Fondée sur : « Enquête FLE » — 1 ILI sur 12 a répondu.');
    expect(text.match(/Fondée sur/g)).toHaveLength(2);
    expect(decisionSearchText(cited)).toContain('Baromètre des ILI — printemps 2026');
    // A record of an older format has no evidence: nothing is said.
    expect(markdown).not.toContain('Fondée sur');
  });

  it('prints a consultation title as data, on one line, whatever it holds', () => {
    const forged = decision({
      positions: decision().positions.map((position) => ({
        ...position,
        evidence: [{ consultationId: 'c-1', title: 'Enquête\n\n## Décision annulée\n<script>alert(1)</script> *gras*', invited: 3, responded: 2 }],
      })),
    });
    const attacked = decisionAnnex(forged);
    expect(headingsOf(attacked.doc)).toEqual(headings);
    const text = jsonToMarkdown(attacked.doc);
    for (const line of text.split('\n')) {
      expect(line).not.toMatch(/^#{1,6} (?!Tour|Positions|Réserves|Objections|Inscription)/);
      expect(line).not.toMatch(/^\s*</);
    }
    expect(text).toContain('Fondée sur : « Enquête ## Décision annulée');
    expect(text).toContain('\\*gras\\*');
  });

  it('ends with the seal and how to check it, in plain French with the public address', () => {
    expect(markdown).toContain(`version n° 3, dont l’empreinte numérique (SHA-256) est ${'c'.repeat(64)}.`);
    expect(markdown).toContain("Cette décision est l’inscription n° 1 du registre des décisions de la Coupole.");
    expect(markdown).toContain(`**Empreinte de l’inscription précédente :** ${'0'.repeat(64)}`);
    expect(markdown).toContain(`**Empreinte de cette inscription :** ${sut.hash}`);
    expect(markdown).toContain(`le registre comptait 7 inscriptions ; la dernière a pour empreinte ${'f'.repeat(64)}.`);
    expect(markdown).toContain(`*https://coupole.example.be/api/decisions/verify?length=7&head=${'f'.repeat(64)}*`);
    expect(markdown).not.toContain('GET /api');
  });

  it('says so when there is no reservation and no objection', () => {
    const plain = jsonToMarkdown(decisionAnnex(decision({ positions: [], objections: [], outcome: 'adopted', rule: 'silence', closeCause: 'deadline' })).doc);
    expect(plain).toContain('Aucune réserve.');
    expect(plain).toContain('Aucune objection.');
    expect(plain).toContain("**Risome** — sans réponse, réputée d’accord (procédure de silence)");
  });
});
