import {
  jsonToMarkdown,
  GENESIS_HASH,
  type DecisionChainVerification,
  type DecisionDetailDto,
  type DecisionSummaryDto,
  type FederationSlug,
  type ListResponse,
  type LoginResponse,
  type ObjectionDto,
  type RoundOutcome,
  type Stance,
} from '@coupole/shared';
import { extractRawText } from 'mammoth';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DocumentsService } from '../documents/documents.service';
import { startTestApp, TestApp } from '../test/test-app';
import { DecisionsService, NewDecision } from './decisions.service';

const author = { id: randomUUID(), displayName: 'Aïcha El Idrissi', mandate: 'substitute' as const };

function position(federation: FederationSlug, stance: Stance, reason: string | null = null) {
  return { federation, stance, reason, paragraphs: [], amendment: null, noAmendmentPossible: false, castBy: author, castAt: '2026-03-02T10:00:00.000Z' };
}

/** The SHA-256 of each document's version 1: verify checks the decided text against it. */
const decidedHash = new Map<string, string>();

function aDecision(documentId: string, overrides: Partial<NewDecision> = {}): NewDecision {
  return {
    roundId: randomUUID(),
    roundNumber: 1,
    documentId,
    documentTitle: 'Note technique sur le parcours',
    version: 1,
    contentHash: decidedHash.get(documentId) ?? 'a'.repeat(64),
    question: 'Adoptons-nous la note ?',
    rule: 'consensus',
    outcome: 'adopted',
    closeCause: 'facilitator',
    participants: ['aleap', 'caips', 'codef', 'fdss', 'risome'],
    positions: (['aleap', 'caips', 'codef', 'fdss', 'risome'] as const).map((slug) => position(slug, 'agree')),
    objections: [],
    closedAt: '2026-03-03T09:00:00.000Z',
    closedBy: null,
    ...overrides,
  };
}

describe('decision register (integration)', () => {
  let sut: TestApp;
  let decisions: DecisionsService;
  let dataSource: DataSource;
  let facilitator: LoginResponse;
  let representative: LoginResponse;
  let observer: LoginResponse;
  let noteId: string;
  let memoId: string;
  /** Decisions already in the register (the demo seed closes a few rounds): this file's are base + 1, base + 2… */
  let base: number;
  const seq = (n: number) => base + n;
  /** This file's decisions among the items, as 1, 2, 3… */
  const ours = (body: ListResponse<DecisionSummaryDto>) =>
    body.items.filter((item) => item.documentId === noteId || item.documentId === memoId).map((item) => item.seq - base);
  const bearer = (login: LoginResponse) => ({ Authorization: `Bearer ${login.accessToken}` });
  const append = (record: NewDecision) => dataSource.transaction((manager) => decisions.append(manager, record));
  const search = async (query: string, as: LoginResponse = representative) => {
    const response = await sut.http().get(`/api/decisions${query}`).set(bearer(as));
    expect(response.status).toBe(200);
    return response.body as ListResponse<DecisionSummaryDto>;
  };

  beforeAll(async () => {
    sut = await startTestApp();
    decisions = sut.app.get(DecisionsService);
    dataSource = sut.app.get(DataSource);
    facilitator = await sut.login('secretariat@demo.coupole.be');
    representative = await sut.login('aleap@demo.coupole.be');
    observer = await sut.login('observateur@demo.coupole.be');

    const create = async (title: string, kind: string, markdown: string) => {
      const response = await sut.http().post('/api/documents').set(bearer(facilitator)).send({ title, kind, markdown });
      expect(response.status).toBe(201);
      return (response.body as { id: string }).id;
    };
    noteId = await create('Note technique sur le parcours', 'note_technique', 'Le parcours d’intégration compte **quatre** axes.\n\nLes ILI sont 219.');
    memoId = await create('Mémorandum 2026', 'memorandum', 'Nos demandes au gouvernement wallon.');
    for (const documentId of [noteId, memoId]) {
      const version = await sut.http().post(`/api/documents/${documentId}/versions`).set(bearer(facilitator)).send({ label: 'Pour le tour' });
      expect(version.status).toBe(201);
      decidedHash.set(documentId, (version.body as { contentHash: string }).contentHash);
    }
    base = ((await sut.http().get('/api/decisions/verify').set(bearer(facilitator))).body as DecisionChainVerification).length;
  });

  afterAll(() => sut?.close());

  it('verifies the register as seeded', async () => {
    const response = await sut.http().get('/api/decisions/verify').set(bearer(representative));

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ valid: true, length: base });
    if (base === 0) expect(response.body.head).toBe(GENESIS_HASH);
  });

  it('chains appended decisions: seq 1, 2, 3, each prevHash the previous hash, and verifies', async () => {
    const reservation = aDecision(noteId, {
      outcome: 'adopted_with_reservations',
      positions: [
        position('aleap', 'agree'),
        position('caips', 'reservations', 'Nous émettons des réserves sur le financement des cours de français.'),
        position('codef', 'agree'),
        position('fdss', 'stand_aside'),
        position('risome', 'agree'),
      ],
    });
    const objection: ObjectionDto = {
      federation: 'risome',
      reason: 'Le calendrier est irréaliste pour les petites associations.',
      paragraphs: ['p1'],
      amendment: 'Reporter à 2027.',
      noAmendmentPossible: false,
      state: 'open',
      answer: null,
      raisedBy: author,
      raisedAt: '2026-04-01T10:00:00.000Z',
    };
    const blocked = aDecision(memoId, {
      outcome: 'blocked',
      rule: 'rough',
      positions: [position('aleap', 'agree'), position('risome', 'object', objection.reason)],
      objections: [objection],
      closedAt: '2026-04-02T10:00:00.000Z',
    });

    const first = await append(aDecision(noteId, { closedAt: '2026-01-15T10:00:00.000Z' }));
    const second = await append(reservation);
    const third = await append(blocked);

    expect([first.seq, second.seq, third.seq]).toEqual([seq(1), seq(2), seq(3)]);
    if (base === 0) expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.prevHash).toBe(first.hash);
    expect(third.prevHash).toBe(second.hash);
    const verify = await sut.http().get('/api/decisions/verify').set(bearer(representative));
    expect(verify.body).toEqual({ valid: true, length: seq(3), head: third.hash, visible: seq(3) });
  });

  it('gives contiguous seqs and a valid chain to concurrent appends', async () => {
    const appended = await Promise.all(Array.from({ length: 8 }, (_, index) => append(aDecision(noteId, { roundNumber: 10 + index }))));

    expect(appended.map((decision) => decision.seq - base).sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    const verify = (await sut.http().get('/api/decisions/verify').set(bearer(facilitator))).body as DecisionChainVerification;
    expect(verify).toMatchObject({ valid: true, length: seq(11) });
  });

  it('refuses to append the same round twice', async () => {
    const record = aDecision(noteId);
    await append(record);
    await expect(append(record)).rejects.toThrow(/uq_decisions_round|duplicate/);
  });

  it('refuses UPDATE and DELETE on the register at the database level', async () => {
    await expect(dataSource.query(`UPDATE "decisions" SET "hash" = "hash" WHERE "seq" = 1`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM "decisions" WHERE "seq" = 1`)).rejects.toThrow(/append-only/);
  });

  describe('GET /api/decisions', () => {
    it('lists newest first as { items, total } with the outcome statement and document kind', async () => {
      const body = await search('?limit=2');

      expect(body.total).toBe(seq(12));
      expect(body.items.map((item) => item.seq)).toEqual([seq(12), seq(11)]);
      expect(body.items[0]).toMatchObject({ documentKind: 'note_technique', outcome: 'adopted' });
      expect(body.items[0].outcomeStatement).toMatch(/^Adopté selon la règle « Consensus » : 5 d’accord/);
    });

    it('finds reservations in French, with or without accents and inflection', async () => {
      for (const q of ['réserves', 'reserve', 'financement cours']) {
        const body = await search(`?q=${encodeURIComponent(q)}`);
        expect({ q, seqs: ours(body) }).toEqual({ q, seqs: [2] });
      }
    });

    it('finds the objection reason and the outcome wording', async () => {
      expect(ours(await search(`?q=${encodeURIComponent('calendrier irréaliste')}`))).toEqual([3]);
      expect(ours(await search(`?q=${encodeURIComponent('bloqué')}`))).toEqual([3]);
    });

    it('treats a query of operators and quotes as text, never as an error', async () => {
      for (const q of ['"!&|():*', "l'intégration & ! «", '   ']) {
        const response = await sut.http().get(`/api/decisions?q=${encodeURIComponent(q)}`).set(bearer(representative));
        expect({ q, status: response.status }).toEqual({ q, status: 200 });
      }
    });

    it('filters by kind, outcome, federation and closing dates (Brussels days)', async () => {
      const kinds = await search('?kind=memorandum&limit=100');
      expect(ours(kinds)).toEqual([3]);
      expect(kinds.items.every((item) => item.documentKind === 'memorandum')).toBe(true);
      const outcomes = await search('?outcome=adopted_with_reservations&limit=100');
      expect(ours(outcomes)).toEqual([2]);
      expect(outcomes.items.every((item) => item.outcome === 'adopted_with_reservations')).toBe(true);
      expect(ours(await search('?federation=risome&outcome=blocked'))).toEqual([3]);
      expect(ours(await search('?federation=codef&kind=memorandum'))).toEqual([]);
      expect(ours(await search('?from=2026-04-02&to=2026-04-02'))).toEqual([3]);
      expect(ours(await search('?to=2026-01-15&limit=100'))).toEqual([1]);
      expect(ours(await search('?from=2026-01-15T10:00:01Z&to=2026-03-03T09:00:00Z&limit=100'))).not.toContain(1);
    });

    it.each([
      ['kind=nope', 'kind must be one of the following values'],
      ['outcome=won', 'outcome must be one of the following values'],
      ['federation=cgsp', 'federation must be one of the following values'],
      ['from=hier', 'from must be a valid ISO 8601 date string'],
      ['to=2026-13-01', 'to must be a valid ISO 8601 date string'],
      ['limit=0', 'limit must not be less than 1'],
      ['offset=-1', 'offset must not be less than 0'],
      ['sort=seq', 'property sort should not exist'],
      ['from=2026-05-01&to=2026-04-01', 'to must not be before from'],
    ])('answers 400 naming the field for %s', async (query, message) => {
      const response = await sut.http().get(`/api/decisions?${query}`).set(bearer(representative));

      expect(response.status).toBe(400);
      expect((response.body.message as string[]).join(' | ')).toContain(message);
    });

    it('shows an observer only decisions on documents they are invited to', async () => {
      const invitedTo = await sut.app.get(DocumentsService).observedDocumentIds(observer.user.id);
      const before = await search('?limit=100', observer);
      expect(ours(before)).toEqual([]);
      expect(before.items.every((item) => invitedTo.includes(item.documentId))).toBe(true);
      expect((await sut.http().get(`/api/decisions/${seq(3)}`).set(bearer(observer))).status).toBe(404);

      const invite = await sut.http().patch(`/api/documents/${memoId}`).set(bearer(facilitator)).send({ observerIds: [observer.user.id] });
      expect(invite.status).toBe(200);

      const after = await search('?limit=100', observer);
      expect(ours(after)).toEqual([3]);
      expect((await sut.http().get(`/api/decisions/${seq(3)}`).set(bearer(observer))).status).toBe(200);
      // The register's badge counts what the observer may read, not the whole chain.
      const verify = (await sut.http().get('/api/decisions/verify').set(bearer(observer))).body as DecisionChainVerification;
      expect(verify).toMatchObject({ valid: true, visible: after.total });
      expect(verify.length).toBeGreaterThan(after.total);
      expect(after.total).toBe(before.total + 1);
      expect((await sut.http().get(`/api/decisions/${seq(2)}`).set(bearer(observer))).status).toBe(404);
    });
  });

  describe('GET /api/decisions/:seq', () => {
    it('returns the decided text, each position with who cast it, reservations and hashes', async () => {
      const response = await sut.http().get(`/api/decisions/${seq(2)}`).set(bearer(representative));

      expect(response.status).toBe(200);
      const body = response.body as DecisionDetailDto;
      expect(body.text?.markdown).toContain('Le parcours d’intégration compte **quatre** axes.');
      expect(body.text?.paragraphs).toHaveLength(2);
      expect(body.positions.find((item) => item.federation === 'caips')).toMatchObject({ stance: 'reservations', castBy: { displayName: 'Aïcha El Idrissi' } });
      expect(body.reservations).toEqual([expect.objectContaining({ federation: 'caips', reason: expect.stringContaining('réserves') })]);
      expect(body.outcomeStatement).toContain('1 avec réserves');
      expect(body.prevHash).toMatch(/^[0-9a-f]{64}$/);
      expect(body.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('publishes objections with their fate', async () => {
      const body = (await sut.http().get(`/api/decisions/${seq(3)}`).set(bearer(facilitator))).body as DecisionDetailDto;

      expect(body.objections).toEqual([expect.objectContaining({ federation: 'risome', state: 'open', amendment: 'Reporter à 2027.' })]);
      expect(body.outcome).toBe<RoundOutcome>('blocked');
    });

    it.each(['abc', '0', '-1', '1.5'])('answers 400 for the seq %s', async (seq) => {
      const response = await sut.http().get(`/api/decisions/${seq}`).set(bearer(representative));

      expect(response.status).toBe(400);
      expect((response.body.message as string[]).join(' ')).toMatch(/^seq /);
    });

    it('answers 404 for a seq not in the register', async () => {
      expect((await sut.http().get(`/api/decisions/${seq(999)}`).set(bearer(representative))).status).toBe(404);
    });

    it('answers 401 without a session', async () => {
      expect((await sut.http().get('/api/decisions/1')).status).toBe(401);
    });
  });

  describe('annex for exports', () => {
    const exported = (documentId: string, query: string) =>
      sut
        .http()
        .get(`/api/documents/${documentId}/export?${query}`)
        .set(bearer(representative))
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        });

    it('renders the "Relevé de décision" of the adopting decision only', async () => {
      const [annex] = await decisions.annexFor(noteId);

      expect(annex.title).toBe('Relevé de décision');
      expect(jsonToMarkdown(annex.doc)).toContain(`Cette décision est l’inscription n° ${seq(12)} du registre`);
      expect(await decisions.annexFor(memoId)).toEqual([]);
      expect(await decisions.annexFor(noteId, 2)).toEqual([]);
    });

    it('is part of the Markdown export of the adopted document, and of its decided version', async () => {
      for (const query of ['format=md', 'format=md&version=1']) {
        const response = await exported(noteId, query);
        expect(response.status).toBe(200);
        const markdown = (response.body as Buffer).toString('utf8');
        expect(markdown).toContain('Le parcours d’intégration compte **quatre** axes.');
        expect(markdown).toContain('Relevé de décision');
        expect(markdown).toContain('### Positions des fédérations');
        expect(markdown).toContain(`Cette décision est l’inscription n° ${seq(12)} du registre`);
      }
    });

    it('is part of the DOCX and PDF exports too', async () => {
      const docx = await exported(noteId, 'format=docx');
      expect(docx.status).toBe(200);
      const { value } = await extractRawText({ buffer: docx.body as Buffer });
      expect(value).toContain('Relevé de décision');
      expect(value).toContain(`Cette décision est l’inscription n° ${seq(12)} du registre`);

      const pdf = await exported(noteId, 'format=pdf');
      expect(pdf.status).toBe(200);
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      const withoutAnnex = await exported(memoId, 'format=pdf');
      expect((pdf.body as Buffer).length).toBeGreaterThan((withoutAnnex.body as Buffer).length);
    });

    it('is left out of a document that was not adopted', async () => {
      const markdown = ((await exported(memoId, 'format=md')).body as Buffer).toString('utf8');
      expect(markdown).not.toContain('Relevé de décision');
    });
  });

  // Last: it breaks the chain for good.
  it('detects a decision changed by SQL and names its seq', async () => {
    // The trigger stops the application, not a DBA: one who disables it can rewrite a row,
    // and verification is what catches it.
    await dataSource.query(`ALTER TABLE "decisions" DISABLE TRIGGER "tr_decisions_append_only"`);
    await dataSource.query(`UPDATE "decisions" SET "record" = jsonb_set("record", '{outcome}', '"blocked"') WHERE "seq" = $1`, [seq(5)]);
    await dataSource.query(`ALTER TABLE "decisions" ENABLE TRIGGER "tr_decisions_append_only"`);

    const response = await sut.http().get('/api/decisions/verify').set(bearer(representative));

    expect(response.body).toMatchObject({ valid: false, length: seq(12), firstBrokenSeq: seq(5) });
    const headBefore = (await dataSource.query(`SELECT "hash" FROM "decisions" WHERE "seq" = $1`, [seq(4)])) as { hash: string }[];
    expect((response.body as DecisionChainVerification).head).toBe(headBefore[0].hash);
  });
});

