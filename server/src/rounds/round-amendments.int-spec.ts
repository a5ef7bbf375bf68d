import { DataSource } from 'typeorm';
import type { LoginResponse, RoundDetailDto, SuggestionDto } from '@coupole/shared';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { strFromU8, unzipSync } from 'fflate';
import type { Response } from 'supertest';
import { DocumentStateService } from '../collab/document-state.service';
import { DocumentBodyService } from '../document-body/document-body.service';
import type { DomainEventPayload } from '../domain-events/domain-event-map';
import { demoLogins } from '../test/demo-sessions';
import { startTestApp, TestApp } from '../test/test-app';

const TEXT = '# Note\n\nLe décret de 2018 prévoit un parcours.\n\nLes ILI donnent des cours de français.\n';

describe('amendments in rounds (integration)', () => {
  let sut: TestApp;
  let facilitator: LoginResponse;
  let caips: LoginResponse;
  let aleap: LoginResponse;
  let observer: LoginResponse;
  let codef: LoginResponse;
  let fdss: LoginResponse;
  let risome: LoginResponse;

  const auth = (session: LoginResponse) => ({ Authorization: `Bearer ${session.accessToken}` });
  const inOneHour = () => new Date(Date.now() + 60 * 60 * 1000).toISOString();
  const cast = (session: LoginResponse, roundId: string, body: object) => sut.http().put(`/api/rounds/${roundId}/position`).set(auth(session)).send(body);
  const suggestionsOf = async (documentId: string, session: LoginResponse = facilitator): Promise<SuggestionDto[]> => {
    const response = await sut.http().get(`/api/documents/${documentId}/suggestions`).set(auth(session));
    expect(response.status).toBe(200);
    return response.body.items as SuggestionDto[];
  };
  /** The round's DOCX export, its `word/document.xml`. */
  const roundDocumentXml = async (roundId: string, session: LoginResponse): Promise<string> => {
    const response = await sut
      .http()
      .get(`/api/rounds/${roundId}/export?format=docx`)
      .set(auth(session))
      .buffer(true)
      .parse((res: Response, callback: (error: Error | null, body: Buffer) => void) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    return strFromU8(unzipSync(new Uint8Array(response.body as Buffer))['word/document.xml']);
  };
  const roundOf = async (roundId: string): Promise<RoundDetailDto> => (await sut.http().get(`/api/rounds/${roundId}`).set(auth(facilitator))).body as RoundDetailDto;

  async function openRound(observerIds: string[] = []): Promise<RoundDetailDto> {
    const created = await sut.http().post('/api/documents').set(auth(facilitator)).send({ title: `Note ${Math.random()}`, kind: 'note_politique', markdown: TEXT });
    expect(created.status).toBe(201);
    if (observerIds.length) {
      expect((await sut.http().patch(`/api/documents/${created.body.id}`).set(auth(facilitator)).send({ observerIds })).status).toBe(200);
    }
    const frozen = await sut.http().post(`/api/documents/${created.body.id}/versions`).set(auth(facilitator)).send({ label: 'v1' });
    expect(frozen.status).toBe(201);
    const opened = await sut.http().post(`/api/documents/${created.body.id}/rounds`).set(auth(facilitator)).send({
      version: frozen.body.number,
      question: 'Adoptons-nous cette note ?',
      closesAt: inOneHour(),
    });
    expect(opened.status).toBe(201);
    return opened.body as RoundDetailDto;
  }

  const paragraph = (round: RoundDetailDto, start: string) => round.units.find((unit) => unit.markdown.startsWith(start))!.id;

  beforeAll(async () => {
    sut = await startTestApp();
    ({ secretariat: facilitator, caips, aleap, observer, codef, fdss, risome } = await demoLogins(sut, ['secretariat', 'caips', 'aleap', 'observer', 'codef', 'fdss', 'risome']));
  });

  afterAll(() => sut?.close());

  it('stores an objection amendment as suggestions against the version, with its objection id, the textual amendment kept', async () => {
    const round = await openRound();
    const amendment = 'Le décret de 2025 prévoit un parcours gratuit.';

    const response = await cast(caips, round.id, { stance: 'object', reason: 'Le décret a changé.', paragraphs: [paragraph(round, 'Le décret')], amendment });

    expect(response.status).toBe(200);
    const [objection] = (await roundOf(round.id)).objections;
    expect(objection).toMatchObject({ federation: 'caips', amendment, state: 'open' });
    // Stored within one clock tick (the embedded database counts in ms), they still list in text order.
    await sut.app.get(DataSource).query(`UPDATE "suggestions" SET "created_at" = date_trunc('second', "created_at") WHERE "document_id" = $1`, [round.documentId]);
    const suggestions = await suggestionsOf(round.documentId);
    expect(suggestions.map(({ quote, replacement, kind, status, federation, objectionId }) => ({ quote, replacement, kind, status, federation, objectionId }))).toEqual([
      { quote: '2018', replacement: '2025', kind: 'replace', status: 'open', federation: 'caips', objectionId: objection.id },
      { quote: '', replacement: ' gratuit', kind: 'insert', status: 'open', federation: 'caips', objectionId: objection.id },
    ]);
  });

  it('replaces the suggestions when the federation rewrites its amendment, and withdraws them when it no longer objects', async () => {
    const round = await openRound();
    const target = [paragraph(round, 'Les ILI')];
    await cast(caips, round.id, { stance: 'object', reason: 'Trop vague.', paragraphs: target, amendment: 'Les ILI organisent des cours de français.' }).expect(200);
    await cast(caips, round.id, { stance: 'object', reason: 'Trop vague.', paragraphs: target, amendment: 'Les ILI donnent des cours de français et de citoyenneté.' }).expect(200);

    const rewritten = await suggestionsOf(round.documentId);
    expect(rewritten.map(({ quote, replacement, status }) => [quote, replacement, status])).toEqual([
      ['donnent', 'organisent', 'withdrawn'],
      ['', ' et de citoyenneté', 'open'],
    ]);

    await cast(caips, round.id, { stance: 'agree' }).expect(200);
    expect((await suggestionsOf(round.documentId)).map((suggestion) => suggestion.status)).toEqual(['withdrawn', 'withdrawn']);
  });

  it('refuses a bad amendment with 400 naming the field, and creates nothing', async () => {
    const round = await openRound();
    const response = await cast(caips, round.id, { stance: 'object', reason: 'Non.', paragraphs: [paragraph(round, 'Les ILI')], amendment: 42 });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.message)).toContain('amendment');
    expect(await suggestionsOf(round.documentId)).toEqual([]);
  });

  it('lets observers never act on amendment suggestions, only their author withdraw one, and hides them from the uninvited', async () => {
    const round = await openRound([observer.user.id]);
    await cast(caips, round.id, { stance: 'object', reason: 'Non.', paragraphs: [paragraph(round, 'Les ILI')], amendment: 'Les ILI organisent des cours de français.' }).expect(200);
    const [suggestion] = await suggestionsOf(round.documentId, observer);

    for (const action of ['accept', 'reject']) {
      const refused = await sut.http().post(`/api/suggestions/${suggestion.id}/${action}`).set(auth(observer));
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('forbidden');
    }
    const notAuthor = await sut.http().delete(`/api/suggestions/${suggestion.id}`).set(auth(aleap));
    expect(notAuthor.status).toBe(403);
    expect(notAuthor.body.code).toBe('suggestion_author_only');
    const uninvited = await sut.http().post('/api/documents').set(auth(facilitator)).send({ title: 'Autre', kind: 'note_politique', markdown: 'x' });
    expect((await sut.http().get(`/api/documents/${uninvited.body.id}/suggestions`).set(auth(observer))).status).toBe(404);
    // The draft moves beside the round: a drafter may take the amendment in while the round is open.
    const accepted = await sut.http().post(`/api/suggestions/${suggestion.id}/accept`).set(auth(aleap));
    expect(accepted.status).toBe(200);
  });

  it('accepted into the draft, the amendment makes the objection integrated once a version is frozen, not before', async () => {
    const round = await openRound();
    const amendment = 'Le décret de 2025 prévoit un parcours gratuit.';
    await cast(caips, round.id, { stance: 'object', reason: 'Le décret a changé.', paragraphs: [paragraph(round, 'Le décret')], amendment }).expect(200);
    await sut.http().post(`/api/rounds/${round.id}/close`).set(auth(facilitator)).send({}).expect(200);

    for (const suggestion of await suggestionsOf(round.documentId)) {
      const accepted = await sut.http().post(`/api/suggestions/${suggestion.id}/accept`).set(auth(aleap));
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', decidedBy: { id: aleap.user.id } });
    }
    expect(await sut.app.get(DocumentBodyService).currentMarkdown(round.documentId)).toContain(amendment);
    expect((await roundOf(round.id)).objections[0].state).toBe('open');

    await sut.http().post(`/api/documents/${round.documentId}/versions`).set(auth(facilitator)).send({ label: 'v2' }).expect(201);

    expect((await roundOf(round.id)).objections[0].state).toBe('integrated');
    const timeline = (await sut.http().get(`/api/documents/${round.documentId}/timeline`).set(auth(facilitator))).body.items as { type: string; payload: { versionNumber?: number } }[];
    expect(timeline.find((event) => event.type === 'objection.integrated')?.payload.versionNumber).toBe(2);

    const next = await sut.http().post(`/api/documents/${round.documentId}/rounds`).set(auth(facilitator)).send({ version: 2, question: 'Et maintenant ?', closesAt: inOneHour() });
    expect(next.status).toBe(201);
    expect((next.body as RoundDetailDto).objections.map((objection) => objection.state)).toEqual(['integrated']);
  });

  it('"accept the amendment" takes all its suggestions in one edit, leaving the objection open until a version carries it', async () => {
    const round = await openRound();
    const amendment = 'Le décret de 2025 prévoit un parcours gratuit.';
    await cast(caips, round.id, { stance: 'object', reason: 'Le décret a changé.', paragraphs: [paragraph(round, 'Le décret')], amendment }).expect(200);
    const [objection] = (await sut.http().post(`/api/rounds/${round.id}/close`).set(auth(facilitator)).send({}).expect(200)).body.objections as RoundDetailDto['objections'];

    const applied = await sut.http().post(`/api/objections/${objection.id}/apply-amendment`).set(auth(aleap));

    expect(applied.status).toBe(200);
    expect(applied.body.objection).toMatchObject({ state: 'open', amendmentAccepted: true });
    expect(applied.body.markdown).toContain(amendment);
    expect((await suggestionsOf(round.documentId)).map((suggestion) => [suggestion.status, suggestion.decidedBy?.id])).toEqual([
      ['accepted', aleap.user.id],
      ['accepted', aleap.user.id],
    ]);
    expect((await roundOf(round.id)).objections[0]).toMatchObject({ state: 'open', amendmentAccepted: true });
    await sut.http().post(`/api/documents/${round.documentId}/versions`).set(auth(facilitator)).send({ label: 'v2' }).expect(201);
    expect((await roundOf(round.id)).objections[0].state).toBe('integrated');
  });

  it('"accept the amendment" applies nothing when part of its text changed meanwhile (409, that part orphaned)', async () => {
    const round = await openRound();
    await cast(caips, round.id, { stance: 'object', reason: 'Le décret a changé.', paragraphs: [paragraph(round, 'Le décret')], amendment: 'Le décret de 2025 prévoit un parcours gratuit.' }).expect(200);
    const [objection] = (await sut.http().post(`/api/rounds/${round.id}/close`).set(auth(facilitator)).send({}).expect(200)).body.objections as RoundDetailDto['objections'];
    const heard: SuggestionDto[] = [];
    const listener = ({ suggestion }: DomainEventPayload<'suggestion.updated'>) => heard.push(suggestion);
    sut.app.get(EventEmitter2).on('suggestion.updated', listener);
    const edited = TEXT.replace('2018', '2019');
    await sut.app.get(DocumentStateService).applyServerEdit(round.documentId, edited, aleap.user.id);

    const applied = await sut.http().post(`/api/objections/${objection.id}/apply-amendment`).set(auth(aleap));

    expect(applied.status).toBe(409);
    expect(applied.body.code).toBe('suggestion_orphaned');
    const markdown = await sut.app.get(DocumentBodyService).currentMarkdown(round.documentId);
    expect(markdown).toContain('Le décret de 2019 prévoit un parcours.');
    expect((await suggestionsOf(round.documentId)).map((suggestion) => [suggestion.replacement, suggestion.status])).toEqual([
      ['2025', 'orphaned'],
      [' gratuit', 'open'],
    ]);
    expect((await roundOf(round.id)).objections[0]).toMatchObject({ state: 'open' });
    expect((await roundOf(round.id)).objections[0].amendmentAccepted).toBeUndefined();
    // The live event of the orphaned part carries the draft's paragraph to compare, as the list does.
    sut.app.get(EventEmitter2).off('suggestion.updated', listener);
    expect(heard.find((suggestion) => suggestion.status === 'orphaned')).toMatchObject({
      versionText: 'Le décret de 2018 prévoit un parcours.',
      draftText: 'Le décret de 2019 prévoit un parcours.',
    });
  });

  it('exports the round as DOCX with its amendments as Word tracked changes, by "Person (Fédération)" and dated', async () => {
    const round = await openRound();
    await cast(caips, round.id, { stance: 'object', reason: 'Le décret a changé.', paragraphs: [paragraph(round, 'Le décret')], amendment: 'Le décret de 2025 prévoit un parcours.' }).expect(200);

    const xml = await roundDocumentXml(round.id, aleap);
    const author = `${caips.user.displayName} \\(CAIPS\\)`;
    expect(xml).toMatch(new RegExp(`<w:del [^>]*w:author="${author}"[^>]*w:date="\\d{4}-[^"]+"[^>]*>.*?<w:delText[^>]*>2018</w:delText>`));
    expect(xml).toMatch(new RegExp(`<w:ins [^>]*w:author="${author}"[^>]*>.*?<w:t[^>]*>2025</w:t>`));

    const refused = await sut.http().get(`/api/rounds/${round.id}/export?format=pdf`).set(auth(aleap));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.message)).toContain('format');
  });

  it('leaves the objection open when one of its suggestions is refused', async () => {
    const round = await openRound();
    await cast(caips, round.id, { stance: 'object', reason: 'Non.', paragraphs: [paragraph(round, 'Le décret')], amendment: 'Le décret de 2025 prévoit un parcours gratuit.' }).expect(200);
    await sut.http().post(`/api/rounds/${round.id}/close`).set(auth(facilitator)).send({}).expect(200);
    const [first, second] = await suggestionsOf(round.documentId);
    await sut.http().post(`/api/suggestions/${first.id}/accept`).set(auth(facilitator)).expect(200);
    await sut.http().post(`/api/suggestions/${second.id}/reject`).set(auth(facilitator)).expect(200);

    await sut.http().post(`/api/documents/${round.documentId}/versions`).set(auth(facilitator)).send({}).expect(201);

    expect((await roundOf(round.id)).objections[0].state).toBe('open');
  });
  it('keeps "accept the amendment" of an amendment that makes no suggestion (an added paragraph) after a reload', async () => {
    const round = await openRound();
    const amendment = 'Les ILI donnent des cours de français.\n\nElles accompagnent aussi les familles.';
    await cast(caips, round.id, { stance: 'object', reason: 'Il manque les familles.', paragraphs: [paragraph(round, 'Les ILI')], amendment }).expect(200);
    const [objection] = (await sut.http().post(`/api/rounds/${round.id}/close`).set(auth(facilitator)).send({}).expect(200)).body.objections as RoundDetailDto['objections'];
    expect(await suggestionsOf(round.documentId)).toEqual([]);

    const applied = await sut.http().post(`/api/objections/${objection.id}/apply-amendment`).set(auth(aleap));

    expect(applied.status).toBe(200);
    expect(applied.body.markdown).toContain('Elles accompagnent aussi les familles.');
    expect((await roundOf(round.id)).objections[0]).toMatchObject({ state: 'open', amendmentAccepted: true });
    const again = await sut.http().post(`/api/objections/${objection.id}/apply-amendment`).set(auth(aleap));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('amendment_accepted');
  });

  describe('on reservations', () => {
    const reserve = (session: LoginResponse, roundId: string, body: object) => cast(session, roundId, { stance: 'reservations', reason: 'Nous pouvons vivre avec ce texte.', ...body });
    const amendment = 'Le décret de 2025 prévoit un parcours gratuit.';

    it('stores a reservation’s amendment as suggestions with its reservation id, and the round still adopts (a reservation never blocks)', async () => {
      const round = await openRound();

      const response = await reserve(caips, round.id, { paragraphs: [paragraph(round, 'Le décret')], amendment });

      expect(response.status).toBe(200);
      const [reservation] = (await roundOf(round.id)).reservations;
      expect(response.body.reservation).toEqual(reservation);
      expect(reservation).toMatchObject({ federation: 'caips', amendment, state: 'open', integratedInVersion: null, raisedBy: { id: caips.user.id } });
      expect((await suggestionsOf(round.documentId)).map(({ quote, replacement, status, objectionId, reservationId }) => ({ quote, replacement, status, objectionId, reservationId }))).toEqual([
        { quote: '2018', replacement: '2025', status: 'open', objectionId: null, reservationId: reservation.id },
        { quote: '', replacement: ' gratuit', status: 'open', objectionId: null, reservationId: reservation.id },
      ]);
      for (const session of [aleap, codef, fdss, risome]) await cast(session, round.id, { stance: 'agree' }).expect(200);
      const closed = await sut.http().post(`/api/rounds/${round.id}/close`).set(auth(facilitator)).send({});
      expect(closed.body).toMatchObject({ outcome: 'adopted_with_reservations', objections: [] });
      const decision = await sut.http().get(`/api/decisions/${closed.body.decisionSeq}`).set(auth(facilitator));
      expect(decision.body.positions.find((position: { federation: string }) => position.federation === 'caips')).toMatchObject({ stance: 'reservations', amendment });
    });

    it('lets the facilitator accept a reservation’s amendment into the draft, and a frozen version integrates it', async () => {
      const round = await openRound();
      await reserve(caips, round.id, { paragraphs: [paragraph(round, 'Le décret')], amendment }).expect(200);
      await cast(aleap, round.id, { stance: 'object', reason: 'Non.', paragraphs: [paragraph(round, 'Les ILI')], noAmendmentPossible: true }).expect(200);
      const closed = await sut.http().post(`/api/rounds/${round.id}/close`).set(auth(facilitator)).send({}).expect(200);
      const [reservation] = (closed.body as RoundDetailDto).reservations;

      const applied = await sut.http().post(`/api/reservations/${reservation.id}/apply-amendment`).set(auth(facilitator));

      expect(applied.status).toBe(200);
      expect(applied.body).toMatchObject({ reservation: { id: reservation.id, state: 'open', amendmentAccepted: true } });
      expect(applied.body.markdown).toContain(amendment);
      expect((await suggestionsOf(round.documentId)).map((suggestion) => [suggestion.status, suggestion.decidedBy?.id])).toEqual([
        ['accepted', facilitator.user.id],
        ['accepted', facilitator.user.id],
      ]);
      expect((await roundOf(round.id)).reservations[0]).toMatchObject({ state: 'open', amendmentAccepted: true });

      await sut.http().post(`/api/documents/${round.documentId}/versions`).set(auth(facilitator)).send({ label: 'v2' }).expect(201);

      expect((await roundOf(round.id)).reservations[0]).toMatchObject({ state: 'integrated', integratedInVersion: 2 });
      const timeline = (await sut.http().get(`/api/documents/${round.documentId}/timeline`).set(auth(facilitator))).body.items as { type: string; payload: Record<string, unknown> }[];
      expect(timeline.find((event) => event.type === 'reservation.integrated')?.payload).toMatchObject({ reservationId: reservation.id, federation: 'caips', versionNumber: 2 });
      expect(timeline.find((event) => event.type === 'amendment.applied')?.payload).toMatchObject({ reservationId: reservation.id });
      const again = await sut.http().post(`/api/reservations/${reservation.id}/apply-amendment`).set(auth(facilitator));
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('reservation_not_open');
    });

    it('withdraws the reservation and its suggestions when the federation changes stance, and replaces them when it rewrites', async () => {
      const round = await openRound();
      const target = [paragraph(round, 'Les ILI')];
      await reserve(caips, round.id, { paragraphs: target, amendment: 'Les ILI organisent des cours de français.' }).expect(200);
      await reserve(caips, round.id, { paragraphs: target, amendment: 'Les ILI donnent des cours de français et de citoyenneté.' }).expect(200);
      expect((await suggestionsOf(round.documentId)).map(({ replacement, status }) => [replacement, status])).toEqual([
        ['organisent', 'withdrawn'],
        [' et de citoyenneté', 'open'],
      ]);
      expect((await roundOf(round.id)).reservations).toHaveLength(1);

      const agreed = await cast(caips, round.id, { stance: 'agree' }).expect(200);

      expect(agreed.body.reservation).toMatchObject({ federation: 'caips', state: 'withdrawn' });
      expect((await suggestionsOf(round.documentId)).map((suggestion) => suggestion.status)).toEqual(['withdrawn', 'withdrawn']);
      expect((await roundOf(round.id)).reservations).toEqual([]);
    });

    it('withdraws the suggestions when the federation keeps its reservation but drops the amendment, and a later amendment brings new ones', async () => {
      const round = await openRound();
      const target = [paragraph(round, 'Les ILI')];
      await reserve(caips, round.id, { paragraphs: target, amendment: 'Les ILI organisent des cours de français.' }).expect(200);

      const kept = await reserve(caips, round.id, { paragraphs: target }).expect(200);

      expect(kept.body.reservation).toMatchObject({ federation: 'caips', state: 'open', amendment: null });
      expect((await suggestionsOf(round.documentId)).map((suggestion) => suggestion.status)).toEqual(['withdrawn']);
      await reserve(caips, round.id, { paragraphs: target, amendment: 'Les ILI donnent des cours de français et de citoyenneté.' }).expect(200);
      expect((await suggestionsOf(round.documentId)).map(({ replacement, status }) => [replacement, status])).toEqual([
        ['organisent', 'withdrawn'],
        [' et de citoyenneté', 'open'],
      ]);
    });

    it('refuses bad input with 400 naming the field, and creates nothing', async () => {
      const round = await openRound();
      const cases: [object, string][] = [
        [{ amendment }, 'paragraphs'],
        [{ paragraphs: [paragraph(round, 'Le décret')], amendment: 42 }, 'amendment'],
        [{ paragraphs: [paragraph(round, 'Le décret')], noAmendmentPossible: true }, 'noAmendmentPossible'],
        [{ paragraphs: ['p-inconnu'], amendment }, 'paragraphs'],
      ];
      for (const [body, field] of cases) {
        const response = await reserve(caips, round.id, body);
        expect(response.status).toBe(400);
        expect(JSON.stringify(response.body.message)).toContain(field);
      }
      const agreeing = await cast(caips, round.id, { stance: 'agree', paragraphs: [paragraph(round, 'Le décret')], amendment });
      expect(agreeing.status).toBe(400);
      expect(JSON.stringify(agreeing.body.message)).toContain('amendment is only allowed for stances object and reservations');
      expect(await suggestionsOf(round.documentId)).toEqual([]);
      expect((await roundOf(round.id)).reservations).toEqual([]);
    });

    it('lets only the federation’s representatives attach an amendment, and observers never act on it', async () => {
      const round = await openRound([observer.user.id]);
      expect((await reserve(observer, round.id, { paragraphs: [paragraph(round, 'Le décret')], amendment })).status).toBe(403);
      expect((await reserve(facilitator, round.id, { paragraphs: [paragraph(round, 'Le décret')], amendment })).status).toBe(403);
      await reserve(caips, round.id, { paragraphs: [paragraph(round, 'Le décret')], amendment }).expect(200);
      await cast(aleap, round.id, { stance: 'object', reason: 'Non.', paragraphs: [paragraph(round, 'Les ILI')], noAmendmentPossible: true }).expect(200);
      const [suggestion] = await suggestionsOf(round.documentId, observer);
      expect(suggestion.federation).toBe('caips');

      for (const action of ['accept', 'reject']) {
        expect((await sut.http().post(`/api/suggestions/${suggestion.id}/${action}`).set(auth(observer))).status).toBe(403);
      }
      const notAuthor = await sut.http().delete(`/api/suggestions/${suggestion.id}`).set(auth(aleap));
      expect(notAuthor.status).toBe(403);
      expect(notAuthor.body.code).toBe('suggestion_author_only');
      const [reservation] = (await sut.http().post(`/api/rounds/${round.id}/close`).set(auth(facilitator)).send({}).expect(200)).body.reservations as RoundDetailDto['reservations'];
      expect((await sut.http().post(`/api/reservations/${reservation.id}/apply-amendment`).set(auth(observer))).status).toBe(403);
      expect((await sut.http().post(`/api/reservations/00000000-0000-4000-8000-000000000000/apply-amendment`).set(auth(facilitator))).status).toBe(404);
      expect((await suggestionsOf(round.documentId)).map((item) => item.status)).toEqual(['open', 'open']);
    });

    it('exports the round as DOCX with the reservation’s amendment as tracked changes too', async () => {
      const round = await openRound();
      await reserve(caips, round.id, { paragraphs: [paragraph(round, 'Le décret')], amendment: 'Le décret de 2025 prévoit un parcours.' }).expect(200);

      const xml = await roundDocumentXml(round.id, aleap);
      expect(xml).toMatch(/<w:del [^>]*>.*?<w:delText[^>]*>2018<\/w:delText>/);
      expect(xml).toMatch(/<w:ins [^>]*>.*?<w:t[^>]*>2025<\/w:t>/);
    });
  });
});
