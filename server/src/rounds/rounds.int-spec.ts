import type { ObjectionDto } from '@coupole/shared';
import { DataSource } from 'typeorm';
import { SeedService } from '../seed/seed.service';
import { demoSessions, FIVE, type DemoAccount } from '../test/demo-sessions';
import { startTestApp, TestApp } from '../test/test-app';
import type { CastPositionResponseDto, RoundDetailDto, RoundSummaryDto } from './dto/round-detail.dto';
import { RoundDeadlinesScheduler } from './round-deadlines.scheduler';
import { RoundsRepository } from './rounds.repository';

const NOTE = [
  '# Note propositionnelle',
  '',
  "Le parcours d’intégration doit rester accessible à toutes les personnes primo-arrivantes.",
  '',
  'Les ILI demandent un financement pluriannuel des cours de français langue étrangère.',
  '',
  'La Coupole plaide pour une simplification administrative des agréments.',
  '',
].join('\n');

describe('consensus rounds (integration)', () => {
  let sut: TestApp;
  let dataSource: DataSource;
  const { as, signIn } = demoSessions(() => sut);

  const inOneHour = () => new Date(Date.now() + 60 * 60 * 1000).toISOString();

  async function documentWithVersion(markdown = NOTE): Promise<{ documentId: string; version: number }> {
    const created = await as('secretariat').post('/api/documents', { title: `Note ${Math.random()}`, kind: 'note_politique', markdown });
    expect(created.status).toBe(201);
    const frozen = await as('secretariat').post(`/api/documents/${created.body.id}/versions`, { label: 'v1' });
    expect(frozen.status).toBe(201);
    return { documentId: created.body.id as string, version: frozen.body.number as number };
  }

  async function openRound(
    body: Partial<{ rule: string; autoClose: boolean; closesAt: string; question: string }> = {},
    markdown?: string,
  ): Promise<RoundDetailDto> {
    const { documentId, version } = await documentWithVersion(markdown);
    const response = await as('secretariat').post(`/api/documents/${documentId}/rounds`, {
      version,
      question: 'Adoptons-nous cette note ?',
      closesAt: inOneHour(),
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body as RoundDetailDto;
  }

  const cast = (who: DemoAccount, roundId: string, position: object) => as(who).put(`/api/rounds/${roundId}/position`, position);

  async function decisionsFor(roundId: string): Promise<number> {
    const [{ count }] = (await dataSource.query('SELECT count(*)::int AS count FROM "decisions" WHERE "round_id" = $1', [roundId])) as {
      count: number;
    }[];
    return count;
  }

  beforeAll(async () => {
    sut = await startTestApp();
    dataSource = sut.app.get(DataSource);
    await signIn(['admin', 'secretariat', 'aleap', 'caips', 'caipsSubstitute', 'codef', 'fdss', 'risome', 'observer']);
  });

  afterAll(() => sut?.close());

  describe('demo history', () => {
    it('seeds the reform note blocked then adopted, the memorandum with reservations and an open letter round, idempotently', async () => {
      const documents = (await as('secretariat').get('/api/documents')).body.items as { id: string; title: string; status: string }[];
      const byTitle = (fragment: string) => documents.find((document) => document.title.includes(fragment))!;
      const rounds = async (documentId: string) =>
        ((await as('aleap').get(`/api/documents/${documentId}/rounds`)).body.items as RoundSummaryDto[]).map((round) => [
          round.number,
          round.status,
          round.outcome,
        ]);

      const note = byTitle('Parcours');
      expect(note.status).toBe('adopted');
      expect(await rounds(note.id)).toEqual([
        [1, 'closed', 'blocked'],
        [2, 'closed', 'adopted'],
      ]);
      const noteRounds = (await as('aleap').get(`/api/documents/${note.id}/rounds`)).body.items as RoundSummaryDto[];
      const second = (await as('aleap').get(`/api/rounds/${noteRounds[1].id}`)).body as RoundDetailDto;
      expect(second.objections).toMatchObject([{ federation: 'codef', state: 'integrated', carried: true, raisedInRound: 1 }]);
      expect(second.version).toBe(2);
      expect(second.previousRound?.paragraphs.some((change) => change.op === 'change')).toBe(true);
      const first = (await as('aleap').get(`/api/rounds/${noteRounds[0].id}`)).body as RoundDetailDto;
      const caips = first.positions.find((position) => position.federation === 'caips')!;
      expect(caips.castBy.displayName).toBe('Aïcha El Idrissi');
      expect(caips.history.map((entry) => entry.castBy.displayName)).toEqual(['Marc Vandenberghe']);

      const memorandum = byTitle('Mémorandum');
      expect(await rounds(memorandum.id)).toEqual([[1, 'closed', 'adopted_with_reservations']]);
      const letter = byTitle('Courrier');
      expect(letter.status).toBe('in_round');
      const [open] = (await as('aleap').get(`/api/documents/${letter.id}/rounds`)).body.items as RoundSummaryDto[];
      expect(open).toMatchObject({ status: 'open', rule: 'silence' });
      expect(new Date(open.closesAt).getTime()).toBeGreaterThan(Date.now() + 3 * 24 * 3600 * 1000);

      const verify = await as('secretariat').get('/api/decisions/verify');
      expect(verify.body).toMatchObject({ valid: true, length: 3 });

      await sut.app.get(SeedService).seed();
      expect(await rounds(note.id)).toHaveLength(2);
      expect((await as('secretariat').get('/api/decisions/verify')).body).toMatchObject({ valid: true, length: 3 });
    });
  });

  describe('opening', () => {
    it('opens round 1 on a frozen version, moves the document to in_round and numbers the next round 2', async () => {
      const round = await openRound();
      expect(round).toMatchObject({
        number: 1,
        version: 1,
        status: 'open',
        rule: 'consensus',
        autoClose: false,
        participants: ['aleap', 'caips', 'codef', 'fdss', 'risome'],
        previousRound: null,
      });
      expect(round.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(round.paragraphs.map((paragraph) => paragraph.markdown)).toEqual(NOTE.trim().split('\n\n'));
      expect(round.tally.missing).toEqual(['aleap', 'caips', 'codef', 'fdss', 'risome']);
      const document = await as('aleap').get(`/api/documents/${round.documentId}`);
      expect(document.body.status).toBe('in_round');

      const again = await as('secretariat').post(`/api/documents/${round.documentId}/rounds`, {
        version: 1,
        question: 'Encore ?',
        closesAt: inOneHour(),
      });
      expect(again.status).toBe(409);

      await as('secretariat').post(`/api/rounds/${round.id}/cancel`).expect(200);
      const second = await as('secretariat').post(`/api/documents/${round.documentId}/rounds`, {
        version: 1,
        question: 'Deuxième tour',
        closesAt: inOneHour(),
      });
      expect(second.status).toBe(201);
      expect(second.body.number).toBe(2);
      const list = await as('observer').get(`/api/documents/${round.documentId}/rounds`);
      expect(list.status).toBe(404);
      const listed = await as('fdss').get(`/api/documents/${round.documentId}/rounds`);
      expect((listed.body.items as RoundSummaryDto[]).map((item) => [item.number, item.status, item.outcome])).toEqual([
        [1, 'closed', 'cancelled'],
        [2, 'open', undefined],
      ]);
    });

    it('refuses a deadline in the past, an unknown version, unknown fields and non-facilitators', async () => {
      const { documentId, version } = await documentWithVersion();
      const path = `/api/documents/${documentId}/rounds`;
      const body = { version, question: 'Adoptons-nous ?', closesAt: inOneHour() };

      const past = await as('secretariat').post(path, { ...body, closesAt: '2020-01-01T00:00:00Z' });
      expect(past.status).toBe(400);
      expect(past.body.message).toEqual(['closesAt must be in the future']);
      const badRule = await as('secretariat').post(path, { ...body, rule: 'majority' });
      expect(badRule.status).toBe(400);
      expect(String(badRule.body.message)).toContain('rule');
      const extra = await as('secretariat').post(path, { ...body, draft: true });
      expect(extra.status).toBe(400);
      expect(String(extra.body.message)).toContain('draft');
      expect((await as('secretariat').post(path, { ...body, version: 99 })).status).toBe(404);
      expect((await as('aleap').post(path, body)).status).toBe(403);
      expect((await as('observer').post(path, body)).status).toBe(403);
      expect((await as('admin').post(path, body)).status).toBe(201);
    });
  });

  describe('casting', () => {
    it('lets each federation cast one voice and refuses observers, facilitators and bad positions', async () => {
      const round = await openRound();
      const path = `/api/rounds/${round.id}/position`;
      expect((await as('observer').put(path, { stance: 'agree' })).status).toBe(403);
      expect((await as('secretariat').put(path, { stance: 'agree' })).status).toBe(403);
      expect((await as('admin').put(path, { stance: 'agree' })).status).toBe(403);

      const noReason = await cast('fdss', round.id, { stance: 'reservations' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.message).toEqual(['reason is required for stance reservations']);
      const noAmendment = await cast('codef', round.id, { stance: 'object', reason: 'Non.', paragraphs: [round.paragraphs[1].id] });
      expect(noAmendment.status).toBe(400);
      expect(noAmendment.body.message).toEqual(['amendment is required for stance object unless noAmendmentPossible is true']);
      const unknownParagraph = await cast('codef', round.id, {
        stance: 'reservations',
        reason: 'Réserve',
        paragraphs: ['p-9-deadbeef'],
      });
      expect(unknownParagraph.status).toBe(400);
      expect(String(unknownParagraph.body.message)).toContain('paragraphs');
      const unknownField = await cast('codef', round.id, { stance: 'agree', vote: 1 });
      expect(unknownField.status).toBe(400);
      expect(String(unknownField.body.message)).toContain('vote');
      expect((await cast('codef', round.id, { stance: 'maybe' })).status).toBe(400);

      const agreed = await cast('aleap', round.id, { stance: 'agree', reason: '  Très bon texte.  ' });
      expect(agreed.status).toBe(200);
      const body = agreed.body as CastPositionResponseDto;
      expect(body.position).toMatchObject({ federation: 'aleap', stance: 'agree', reason: 'Très bon texte.', history: [] });
      expect(body.position.castBy.displayName).toBe('Nadia Benali');
      expect(body.tally.answered).toEqual(['aleap']);

      const changed = await cast('aleap', round.id, {
        stance: 'reservations',
        reason: 'Le paragraphe sur les agréments est trop vague.',
        paragraphs: [round.paragraphs[2].id],
      });
      expect(changed.status).toBe(200);
      expect(changed.body.position.history.map((entry: { stance: string }) => entry.stance)).toEqual(['agree']);

      const detail = await as('observer').get(`/api/rounds/${round.id}`);
      expect(detail.status).toBe(404); // not invited to this document
      const read = await as('risome').get(`/api/rounds/${round.id}`);
      expect(read.status).toBe(200);
      const convergence = (read.body as RoundDetailDto).convergence;
      // One row per objectable paragraph: the title heading labels them and has none.
      expect(convergence.map((row) => row.paragraphId)).toEqual(round.paragraphs.slice(1).map((paragraph) => paragraph.id));
      expect(convergence[1].stances.reservations).toEqual([{ federation: 'aleap', scope: 'paragraph' }]);
      expect(convergence[0].stances.reservations).toEqual([]);
    });

    it('refuses a cast on a round already cast in here as it refuses a first one: closed, deadline passed, unknown paragraph, gone', async () => {
      const round = await openRound();
      // The first cast reads the round; later ones use what this instance remembers of it.
      const reads = jest.spyOn(sut.app.get(RoundsRepository), 'castableRound');
      await cast('aleap', round.id, { stance: 'agree' }).expect(200);
      await cast('codef', round.id, { stance: 'agree' }).expect(200);
      const unknownParagraph = await cast('aleap', round.id, { stance: 'object', reason: 'Non.', noAmendmentPossible: true, paragraphs: ['nope'] });
      expect(unknownParagraph.status).toBe(400);
      expect((await cast('observer', round.id, { stance: 'agree' })).status).toBe(403);

      // While its deadline is past, the deadline sweep (every 2 s) would close the round: held
      // until the deadline is moved again (CI rehearsal on the embedded database: 'round_closed').
      const sweep = jest.spyOn(sut.app.get(RoundDeadlinesScheduler), 'sweep').mockResolvedValue(0);
      await dataSource.query(`UPDATE "rounds" SET "closes_at" = now() - interval '1 minute' WHERE "id" = $1`, [round.id]);
      const late = await cast('aleap', round.id, { stance: 'reservations', reason: 'Trop tard ?' });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('round_deadline_passed');
      // Validation still comes first, then the round's state.
      expect((await cast('aleap', round.id, { stance: 'object' })).status).toBe(400);

      await dataSource.query(`UPDATE "rounds" SET "closes_at" = now() + interval '1 hour' WHERE "id" = $1`, [round.id]);
      sweep.mockRestore();
      await cast('aleap', round.id, { stance: 'reservations', reason: 'Le délai est prolongé.' }).expect(200);
      await as('secretariat').post(`/api/rounds/${round.id}/cancel`).expect(200);
      const closed = await cast('codef', round.id, { stance: 'stand_aside', reason: 'Après coup.' });
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe('round_closed');
      expect(reads.mock.calls.filter(([id]) => id === round.id)).toHaveLength(1);
      reads.mockRestore();
      expect(((await as('aleap').get(`/api/rounds/${round.id}`)).body as RoundDetailDto).positions.map((position) => position.stance).sort()).toEqual([
        'agree',
        'reservations',
      ]);

      // A round removed with its document (no route does it; the database may).
      await dataSource.query(`DELETE FROM "rounds" WHERE "id" = $1`, [round.id]);
      expect((await cast('aleap', round.id, { stance: 'agree' })).status).toBe(404);
    });

    it('keeps one CAIPS position when the titular and the substitute cast at the same time, both in history', async () => {
      const round = await openRound();
      const [titular, substitute] = await Promise.all([
        cast('caips', round.id, { stance: 'agree' }),
        cast('caipsSubstitute', round.id, { stance: 'stand_aside', reason: 'Nous ne bloquons pas.' }),
      ]);
      expect([titular.status, substitute.status]).toEqual([200, 200]);
      const detail = (await as('caips').get(`/api/rounds/${round.id}`)).body as RoundDetailDto;
      expect(detail.positions).toHaveLength(1);
      const [position] = detail.positions;
      const states = [...position.history, position].map((entry) => `${entry.castBy.displayName}:${entry.stance}`).sort();
      expect(states).toEqual(['Aïcha El Idrissi:stand_aside', 'Marc Vandenberghe:agree']);
      const rows = (await dataSource.query('SELECT "revision" FROM "position_changes" WHERE "round_id" = $1 ORDER BY 1', [round.id])) as {
        revision: number;
      }[];
      expect(rows.map((row) => row.revision)).toEqual([1, 2]);
    });

    it('keeps history, events and one open objection consistent when titular and substitute race between object and agree', async () => {
      const round = await openRound();
      const CASTS = 16;
      const responses = await Promise.all(
        Array.from({ length: CASTS }, (_, i) =>
          cast(i % 2 === 0 ? 'caips' : 'caipsSubstitute', round.id,
            i % 4 < 2
              ? { stance: 'object', reason: `Objection ${i}`, paragraphs: [round.paragraphs[1].id], noAmendmentPossible: true }
              : { stance: 'agree' }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(CASTS).fill(200));

      const revisions = (await dataSource.query(
        `SELECT "revision" FROM "position_changes" WHERE "round_id" = $1 AND "federation_slug" = 'caips' ORDER BY 1`,
        [round.id],
      )) as { revision: number }[];
      expect(revisions.map((row) => row.revision)).toEqual(Array.from({ length: CASTS }, (_, i) => i + 1));
      const [position] = (await dataSource.query(
        `SELECT "stance", "reason", "revision" FROM "positions" WHERE "round_id" = $1 AND "federation_slug" = 'caips'`,
        [round.id],
      )) as { stance: string; reason: string | null; revision: number }[];
      expect(position.revision).toBe(CASTS);

      const objections = (await dataSource.query(
        `SELECT "state", "reason" FROM "objections" WHERE "raised_in_round_id" = $1 AND "federation_slug" = 'caips'`,
        [round.id],
      )) as { state: string; reason: string }[];
      const open = objections.filter((objection) => objection.state === 'open');
      if (position.stance === 'object') expect(open).toEqual([{ state: 'open', reason: position.reason }]);
      else expect(open).toEqual([]);

      const events = (await dataSource.query(
        `SELECT "type", count(*)::int AS "count" FROM "events" WHERE "round_id" = $1 AND "type" <> 'round.opened' GROUP BY 1 ORDER BY 1`,
        [round.id],
      )) as { type: string; count: number }[];
      const withdrawn = objections.filter((objection) => objection.state === 'withdrawn').length;
      expect(events).toEqual(
        [
          { type: 'position.cast', count: 1 },
          { type: 'position.changed', count: CASTS - 1 },
          ...(withdrawn ? [{ type: 'objection.withdrawn', count: withdrawn }] : []),
        ].sort((a, b) => a.type.localeCompare(b.type)),
      );

      const detail = (await as('caips').get(`/api/rounds/${round.id}`)).body as RoundDetailDto;
      expect(detail.positions[0].history).toHaveLength(CASTS - 1);
      expect(detail.tally.answered).toEqual(['caips']);
    });
  });

  describe('closing', () => {
    it('closes as blocked when one federation objects, returns the document to drafting and refuses changes after', async () => {
      const round = await openRound();
      for (const who of ['aleap', 'caips', 'fdss', 'risome'] as DemoAccount[]) await cast(who, round.id, { stance: 'agree' }).expect(200);
      await cast('codef', round.id, {
        stance: 'object',
        reason: 'Le texte oublie les publics volontaires.',
        paragraphs: [round.paragraphs[1].id],
        noAmendmentPossible: true,
      }).expect(200);
      expect((await as('aleap').post(`/api/rounds/${round.id}/close`)).status).toBe(403);

      const closed = await as('secretariat').post(`/api/rounds/${round.id}/close`, { statement: 'Bloqué par la CODEF.' });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', outcome: 'blocked', closeCause: 'facilitator', outcomeStatement: 'Bloqué par la CODEF.' });
      expect(closed.body.decisionSeq).toBeGreaterThan(0);
      expect(await decisionsFor(round.id)).toBe(1);
      expect((await as('aleap').get(`/api/documents/${round.documentId}`)).body.status).toBe('drafting');

      expect((await cast('aleap', round.id, { stance: 'object', reason: 'Trop tard', noAmendmentPossible: true, paragraphs: [round.paragraphs[1].id] })).status).toBe(409);
      expect((await as('secretariat').post(`/api/rounds/${round.id}/close`)).status).toBe(409);
      expect((await as('secretariat').post(`/api/rounds/${round.id}/cancel`)).status).toBe(409);
      const decision = (await dataSource.query('SELECT "record" FROM "decisions" WHERE "round_id" = $1', [round.id])) as {
        record: { outcome: string; positions: { federation: string }[]; objections: ObjectionDto[]; contentHash: string };
      }[];
      expect(decision[0].record.outcome).toBe('blocked');
      expect(decision[0].record.positions.map((position) => position.federation)).toEqual(['aleap', 'caips', 'codef', 'fdss', 'risome']);
      expect(decision[0].record.objections).toMatchObject([{ federation: 'codef', state: 'open', noAmendmentPossible: true }]);
      expect(decision[0].record.contentHash).toBe(round.contentHash);
    });

    it('adopts with reservations under rough consensus when the facilitator answers the objection in writing', async () => {
      const round = await openRound({ rule: 'rough' });
      for (const who of ['aleap', 'caips', 'fdss', 'risome'] as DemoAccount[]) await cast(who, round.id, { stance: 'agree' }).expect(200);
      await cast('codef', round.id, {
        stance: 'object',
        reason: 'Le financement est insuffisant.',
        paragraphs: [round.paragraphs[1].id],
        amendment: 'Les ILI demandent un financement pluriannuel indexé.',
      }).expect(200);

      const unanswered = await as('secretariat').post(`/api/rounds/${round.id}/close`, { answers: { aleap: 'Rien à répondre' } });
      expect(unanswered.status).toBe(400);
      expect(unanswered.body.message).toEqual(['answers.aleap does not answer an objection of this round']);
      expect(await decisionsFor(round.id)).toBe(0);

      const closed = await as('secretariat').post(`/api/rounds/${round.id}/close`, {
        answers: { codef: "L'indexation sera demandée dans le mémorandum, pas dans cette note." },
      });
      expect(closed.status).toBe(200);
      expect(closed.body.outcome).toBe('adopted_with_reservations');
      expect(closed.body.objections).toMatchObject([{ federation: 'codef', state: 'ruled_in_the_rough', answer: expect.stringContaining('indexation') }]);
      expect((await as('aleap').get(`/api/documents/${round.documentId}`)).body.status).toBe('adopted');
    });

    it('refuses written answers under the consensus rule', async () => {
      const round = await openRound();
      await cast('codef', round.id, { stance: 'object', reason: 'Non', paragraphs: [round.paragraphs[1].id], noAmendmentPossible: true }).expect(200);
      const response = await as('secretariat').post(`/api/rounds/${round.id}/close`, { answers: { codef: 'Réponse' } });
      expect(response.status).toBe(400);
      expect(response.body.message).toEqual(['answers are only allowed under rule rough']);
    });

    it('auto-closes as adopted as soon as the fifth federation answers', async () => {
      const round = await openRound({ autoClose: true });
      for (const who of ['aleap', 'caips', 'codef', 'fdss'] as DemoAccount[]) {
        const response = await cast(who, round.id, { stance: 'agree' });
        expect(response.body.status).toBe('open');
      }
      const last = await cast('risome', round.id, { stance: 'agree' });
      expect(last.body).toMatchObject({ status: 'closed', outcome: 'adopted' });
      const detail = (await as('aleap').get(`/api/rounds/${round.id}`)).body as RoundDetailDto;
      expect(detail).toMatchObject({ status: 'closed', outcome: 'adopted', closeCause: 'auto_close' });
      expect(await decisionsFor(round.id)).toBe(1);
    });

    it('closes at the deadline under the silence procedure, counting silent federations as agreeing', async () => {
      const round = await openRound({ rule: 'silence' });
      await cast('aleap', round.id, { stance: 'agree' }).expect(200);
      await cast('fdss', round.id, { stance: 'reservations', reason: 'Le ton pourrait être plus ferme.' }).expect(200);
      await dataSource.query(`UPDATE "rounds" SET "closes_at" = now() - interval '1 minute' WHERE "id" = $1`, [round.id]);
      expect((await cast('codef', round.id, { stance: 'agree' })).status).toBe(409);

      await sut.app.get(RoundDeadlinesScheduler).sweep();
      const detail = (await as('aleap').get(`/api/rounds/${round.id}`)).body as RoundDetailDto;
      expect(detail).toMatchObject({ status: 'closed', outcome: 'adopted_with_reservations', closeCause: 'deadline', closedBy: null });
    });

    it('closes with no quorum at the deadline under consensus when federations did not answer', async () => {
      const round = await openRound();
      await cast('aleap', round.id, { stance: 'agree' }).expect(200);
      await dataSource.query(`UPDATE "rounds" SET "closes_at" = now() - interval '1 minute' WHERE "id" = $1`, [round.id]);
      await sut.app.get(RoundDeadlinesScheduler).sweep();
      const detail = (await as('aleap').get(`/api/rounds/${round.id}`)).body as RoundDetailDto;
      expect(detail).toMatchObject({ status: 'closed', outcome: 'no_quorum', closeCause: 'deadline' });
    });

    it('produces exactly one decision when many close requests and the scheduler race', async () => {
      const round = await openRound();
      for (const who of FIVE) await cast(who, round.id, { stance: 'agree' }).expect(200);
      await dataSource.query(`UPDATE "rounds" SET "closes_at" = now() + interval '300 milliseconds' WHERE "id" = $1`, [round.id]);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const scheduler = sut.app.get(RoundDeadlinesScheduler);
      const responses = await Promise.all([
        ...Array.from({ length: 20 }, () => as('secretariat').post(`/api/rounds/${round.id}/close`)),
        scheduler.sweep(),
      ]);
      const statuses = responses.slice(0, 20).map((response) => (response as { status: number }).status);
      expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(1);
      expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
      expect(await decisionsFor(round.id)).toBe(1);
      const detail = (await as('aleap').get(`/api/rounds/${round.id}`)).body as RoundDetailDto;
      expect(detail.outcome).toBe('adopted');
    });

    it('cancels a round: outcome cancelled, the document back to drafting', async () => {
      const round = await openRound();
      expect((await as('aleap').post(`/api/rounds/${round.id}/cancel`)).status).toBe(403);
      const cancelled = await as('secretariat').post(`/api/rounds/${round.id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'closed', outcome: 'cancelled', closeCause: 'cancelled' });
      expect((await as('aleap').get(`/api/documents/${round.documentId}`)).body.status).toBe('drafting');
    });

    it('keeps a cancelled round in the timeline, not in the register (a cancellation decides nothing)', async () => {
      const before = (await as('secretariat').get('/api/decisions/head')).body as { length: number };
      const round = await openRound();
      const cancelled = await as('secretariat').post(`/api/rounds/${round.id}/cancel`).expect(200);
      expect(cancelled.body.decisionSeq).toBeNull();
      expect((await as('secretariat').get('/api/decisions/head')).body).toMatchObject({ length: before.length });
      expect((await as('secretariat').get('/api/decisions/verify')).body).toMatchObject({ valid: true, length: before.length });
      const timeline = (await as('secretariat').get(`/api/documents/${round.documentId}/timeline`)).body.items as { type: string; payload: Record<string, unknown> }[];
      const closed = timeline.find((event) => event.type === 'round.closed');
      expect(closed?.payload).toMatchObject({ outcome: 'cancelled' });
      expect(closed?.payload.decisionSeq).toBeUndefined();
    });
  });

  describe('paragraph addressing (list items, table rows, headings)', () => {
    const PROPOSITIONS = [
      '## Objet',
      '',
      'La Coupole demande trois mesures.',
      '',
      '1. Financer les modules de français langue étrangère.',
      '2. Reconnaître l’accompagnement social.',
      '3. Simplifier les attestations.',
      '',
    ].join('\n');

    it('takes an objection on proposition 1 alone, refuses one on a heading, and applies its amendment to that item only', async () => {
      const round = await openRound({}, PROPOSITIONS);
      expect(round.units.map((unit) => [unit.label, unit.heading, unit.objectable])).toEqual([
        ['§ 1', 'Objet', false],
        ['§ 2', 'Objet', true],
        ['§ 3.1', 'Objet', true],
        ['§ 3.2', 'Objet', true],
        ['§ 3.3', 'Objet', true],
      ]);
      const [heading, , proposition1, proposition2] = round.units;
      expect(proposition1.markdown).toBe('1. Financer les modules de français langue étrangère.');

      const onHeading = await cast('fdss', round.id, { stance: 'object', reason: 'Titre trompeur.', paragraphs: [heading.id], noAmendmentPossible: true });
      expect(onHeading.status).toBe(400);
      expect(onHeading.body.message.join()).toContain(`paragraphs contains ids not in this version: ${heading.id}`);

      const amendment = '1. Financer les modules de français langue étrangère **et leur indexation**.';
      await cast('fdss', round.id, { stance: 'object', reason: 'L’indexation manque.', paragraphs: [proposition1.id], amendment }).expect(200);
      for (const who of ['aleap', 'caips', 'codef', 'risome'] as DemoAccount[]) await cast(who, round.id, { stance: 'agree' }).expect(200);
      const detail = (await as('fdss').get(`/api/rounds/${round.id}`)).body as RoundDetailDto;
      const objectRows = detail.convergence.map((row) => [row.paragraphId, row.stances.object.map((entry) => entry.federation)]);
      expect(objectRows).toEqual([
        [round.units[1].id, []],
        [proposition1.id, ['fdss']],
        [proposition2.id, []],
        [round.units[4].id, []],
      ]);

      const closed = await as('secretariat').post(`/api/rounds/${round.id}/close`);
      expect(closed.body.outcome).toBe('blocked');
      const objection = (closed.body as RoundDetailDto).objections[0];
      expect(objection.paragraphs).toEqual([proposition1.id]);
      const decision = await as('fdss').get(`/api/decisions/${(closed.body as RoundDetailDto).decisionSeq}`);
      expect(decision.body.objections).toMatchObject([{ federation: 'fdss', paragraphs: [proposition1.id] }]);

      const applied = await as('secretariat').post(`/api/objections/${objection.id}/apply-amendment`);
      expect(applied.status).toBe(200);
      expect(applied.body.markdown).toBe(
        '## Objet\n\nLa Coupole demande trois mesures.\n\n1. Financer les modules de français langue étrangère **et leur indexation**.\n2. Reconnaître l’accompagnement social.\n3. Simplifier les attestations.\n',
      );
    });

    it('takes an item of a round opened before items were addressable, read from its version only for such a cast', async () => {
      const round = await openRound({}, PROPOSITIONS);
      // As such a round was stored: its blocks only (the heading, the paragraph, the list).
      await dataSource.query('UPDATE "rounds" SET "paragraph_ids" = $2 WHERE "id" = $1', [round.id, JSON.stringify(round.paragraphs.map((paragraph) => paragraph.id))]);
      const proposition2 = round.units[3];
      expect(round.paragraphs.map((paragraph) => paragraph.id)).not.toContain(proposition2.id);

      await cast('caips', round.id, { stance: 'reservations', reason: 'Le 2 reste flou.', paragraphs: [proposition2.id] }).expect(200);
      const unknown = await cast('codef', round.id, { stance: 'reservations', reason: 'Lequel ?', paragraphs: ['00000000-0000-4000-8000-000000000000'] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message.join()).toContain('paragraphs contains ids not in this version: 00000000-0000-4000-8000-000000000000');
    });

    it('still takes a whole list by the id of its block, and labels carried concerns § N.k', async () => {
      const round1 = await openRound({}, PROPOSITIONS);
      const list = round1.paragraphs[2];
      await cast('codef', round1.id, { stance: 'reservations', reason: 'Liste longue.', paragraphs: [list.id] }).expect(200);
      await cast('fdss', round1.id, { stance: 'object', reason: 'Trop vague.', paragraphs: [round1.units[3].id], noAmendmentPossible: true }).expect(200);
      const detail = (await as('codef').get(`/api/rounds/${round1.id}`)).body as RoundDetailDto;
      expect(detail.convergence.filter((row) => row.stances.reservations.length > 0).map((row) => row.paragraphId)).toEqual(
        round1.units.slice(2).map((unit) => unit.id),
      );
      await as('secretariat').post(`/api/rounds/${round1.id}/close`).expect(200);
      const v2 = await as('secretariat').post(`/api/documents/${round1.documentId}/versions`, { label: 'v2' });
      const round2 = await as('secretariat').post(`/api/documents/${round1.documentId}/rounds`, { version: v2.body.number, question: 'Et maintenant ?', closesAt: inOneHour() });
      expect(round2.status).toBe(201);
      expect((round2.body as RoundDetailDto).objections[0].concerns).toEqual([
        { number: 3, label: '§ 3.2', markdown: '2. Reconnaître l’accompagnement social.' },
      ]);
    });
  });

  describe('objections across rounds', () => {
    it('applies an amendment to the draft and marks the carried objection integrated in the next round', async () => {
      const round1 = await openRound();
      const target = round1.paragraphs[1];
      const amendment = 'Les ILI demandent un financement pluriannuel et indexé des cours de français langue étrangère.';
      for (const who of ['aleap', 'caips', 'fdss', 'risome'] as DemoAccount[]) await cast(who, round1.id, { stance: 'agree' }).expect(200);
      await cast('codef', round1.id, { stance: 'object', reason: "L'indexation manque.", paragraphs: [target.id], amendment }).expect(200);
      const blocked = await as('secretariat').post(`/api/rounds/${round1.id}/close`);
      expect(blocked.body.outcome).toBe('blocked');
      const objectionId = (blocked.body as RoundDetailDto).objections[0].id;

      expect((await as('observer').post(`/api/objections/${objectionId}/apply-amendment`)).status).toBe(404);
      const applied = await as('fdss').post(`/api/objections/${objectionId}/apply-amendment`);
      expect(applied.status).toBe(200);
      expect(applied.body.markdown).toContain(amendment);
      expect(applied.body.markdown).not.toContain(target.markdown);
      const draft = await as('fdss').get(`/api/documents/${round1.documentId}`);
      expect(draft.body.markdown).toContain(amendment);
      // Accepted, not yet integrated: only a frozen version that contains it integrates it; it cannot be applied twice.
      expect(applied.body.objection).toMatchObject({ id: objectionId, state: 'open', amendmentAccepted: true });
      expect(((await as('fdss').get(`/api/rounds/${round1.id}`)).body as RoundDetailDto).objections).toMatchObject([{ id: objectionId, state: 'open', amendmentAccepted: true }]);
      expect((await as('fdss').post(`/api/objections/${objectionId}/apply-amendment`)).body).toMatchObject({ code: 'amendment_accepted' });
      const suggestions = (await as('fdss').get(`/api/documents/${round1.documentId}/suggestions`)).body.items as Array<{ objectionId: string; status: string }>;
      expect(suggestions.filter((suggestion) => suggestion.objectionId === objectionId).map((suggestion) => suggestion.status)).toEqual(expect.arrayContaining(['accepted']));
      expect(suggestions.filter((suggestion) => suggestion.objectionId === objectionId && suggestion.status === 'open')).toEqual([]);

      const v2 = await as('secretariat').post(`/api/documents/${round1.documentId}/versions`, { label: 'v2' });
      expect(v2.status).toBe(201);
      const round2 = await as('secretariat').post(`/api/documents/${round1.documentId}/rounds`, {
        version: v2.body.number,
        question: 'Et la version 2 ?',
        closesAt: inOneHour(),
      });
      expect(round2.status).toBe(201);
      const detail = round2.body as RoundDetailDto;
      expect(detail.number).toBe(2);
      expect(detail.objections).toMatchObject([{ id: objectionId, federation: 'codef', raisedInRound: 1, state: 'integrated', carried: true }]);
      expect(detail.previousRound).toMatchObject({ roundNumber: 1, version: 1 });
      expect(detail.previousRound?.words.some((part) => part.op === 'insert' && part.text.includes('indexé'))).toBe(true);
      expect(detail.previousRound?.paragraphs.some((change) => change.op === 'change')).toBe(true);
    });

    it('carries an objection whose amendment is not in the new version, and lets only its federation withdraw it', async () => {
      const round1 = await openRound();
      await cast('codef', round1.id, {
        stance: 'object',
        reason: 'Il manque les publics volontaires.',
        paragraphs: [round1.paragraphs[1].id],
        amendment: 'Un texte que personne n’a repris.',
      }).expect(200);
      const open = await as('secretariat').get(`/api/rounds/${round1.id}`);
      const objectionId = (open.body as RoundDetailDto).objections[0].id;
      // Its round is open: the objection stands as long as the position says `object`.
      expect((await as('codef').post(`/api/rounds/${round1.id}/objections/${objectionId}/withdraw`)).status).toBe(409);
      await as('secretariat').post(`/api/rounds/${round1.id}/close`).expect(200);

      const round2 = await as('secretariat').post(`/api/documents/${round1.documentId}/rounds`, {
        version: round1.version,
        question: 'Second tour sur le même texte',
        closesAt: inOneHour(),
      });
      const detail = round2.body as RoundDetailDto;
      expect(detail.objections).toMatchObject([{ id: objectionId, state: 'open', carried: true }]);
      // What it concerns, numbered and worded as in the version it was raised on.
      expect(detail.objections[0].concerns).toEqual([{ number: 2, label: '§ 2', markdown: round1.paragraphs[1].markdown }]);

      expect((await as('aleap').post(`/api/rounds/${detail.id}/objections/${objectionId}/withdraw`)).status).toBe(403);
      expect((await as('observer').post(`/api/rounds/${detail.id}/objections/${objectionId}/withdraw`)).status).toBe(403);
      const withdrawn = await as('codef').post(`/api/rounds/${detail.id}/objections/${objectionId}/withdraw`);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.state).toBe('withdrawn');
      expect((await as('codef').post(`/api/rounds/${detail.id}/objections/${objectionId}/withdraw`)).status).toBe(409);
    });
  });
});
