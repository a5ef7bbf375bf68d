import type { DecisionChainVerification, FederationSlug, LoginResponse } from '@coupole/shared';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../test/test-app';
import { DecisionsService, NewDecision } from './decisions.service';

// Correctness over a long chain; the time verify takes
// on 10,000 decisions is measured by `npm run bench:rounds`, never asserted in a test.
const DECISIONS = 450;
const PER_TRANSACTION = 200;

const author = { id: randomUUID(), displayName: 'Catherine Dubois', mandate: 'titular' as const };
const slugs: FederationSlug[] = ['aleap', 'caips', 'codef', 'fdss', 'risome'];

function record(documentId: string, contentHash: string, index: number): NewDecision {
  return {
    roundId: randomUUID(),
    roundNumber: index + 1,
    documentId,
    documentTitle: `Note propositionnelle n° ${index + 1} sur le parcours d’intégration`,
    version: 1,
    contentHash,
    question: 'Adoptons-nous cette note telle quelle, pour envoi au cabinet de la ministre ?',
    rule: 'consensus',
    outcome: index % 3 === 0 ? 'adopted_with_reservations' : 'adopted',
    closeCause: 'facilitator',
    participants: slugs,
    positions: slugs.map((federation, position) => ({
      federation,
      stance: index % 3 === 0 && position === 1 ? 'reservations' : 'agree',
      reason: `Motif de la fédération ${federation} : les ILI de terrain ont relu le texte et soutiennent la proposition n° ${index}.`,
      paragraphs: ['p1', 'p2'],
      amendment: null,
      noAmendmentPossible: false,
      castBy: author,
      castAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
    })),
    objections: [],
    closedAt: new Date(Date.UTC(2026, 0, 2) + index * 60_000).toISOString(),
    closedBy: author,
  };
}

describe('decision register verification over many decisions (integration)', () => {
  let sut: TestApp;
  let facilitator: LoginResponse;

  beforeAll(async () => {
    sut = await startTestApp();
    facilitator = await sut.login('secretariat@demo.coupole.be');
  });

  afterAll(() => sut?.close());

  it(`verifies ${DECISIONS} decisions, then names the first tampered one`, async () => {
    const created = await sut.http().post('/api/documents').set('Authorization', `Bearer ${facilitator.accessToken}`).send({ title: 'Volume', kind: 'analyse' });
    expect(created.status).toBe(201);
    const frozen = await sut.http().post(`/api/documents/${created.body.id}/versions`).set('Authorization', `Bearer ${facilitator.accessToken}`).send({});
    expect(frozen.status).toBe(201);
    const decisions = sut.app.get(DecisionsService);
    const dataSource = sut.app.get(DataSource);
    const base = ((await decisions.verify()) as DecisionChainVerification).length;

    for (let start = 0; start < DECISIONS; start += PER_TRANSACTION) {
      await dataSource.transaction(async (manager) => {
        for (let index = start; index < Math.min(start + PER_TRANSACTION, DECISIONS); index++) {
          await decisions.append(manager, record(created.body.id as string, frozen.body.contentHash as string, index));
        }
      });
    }
    const result = await decisions.verify();
    expect(result).toMatchObject({ valid: true, length: base + DECISIONS });

    const tampered = base + Math.floor(DECISIONS * 0.7777);
    await dataSource.query(`ALTER TABLE "decisions" DISABLE TRIGGER "tr_decisions_append_only"`);
    await dataSource.query(
      `UPDATE "decisions" SET "record" = jsonb_set("record", '{positions,1,reason}', '"Motif réécrit après coup"') WHERE "seq" = $1`,
      [tampered - 1],
    );
    await dataSource.query(`UPDATE "decisions" SET "record" = jsonb_set("record", '{question}', '"Autre question"') WHERE "seq" = $1`, [tampered]);
    await dataSource.query(`ALTER TABLE "decisions" ENABLE TRIGGER "tr_decisions_append_only"`);
    expect(await decisions.verify()).toMatchObject({ valid: false, firstBrokenSeq: tampered - 1 });
  }, 300_000);
});
