import {
  appendDecision,
  DECISION_RECORD_VERSION,
  type DecisionChainVerification,
  type DecisionDto,
  type LoginResponse,
  type PublishedHead,
} from '@coupole/shared';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../test/test-app';
import { DecisionsService, NewDecision } from './decisions.service';
import { nativeSha256Hex } from './native-sha256';

const author = { id: randomUUID(), displayName: 'Catherine Dubois', mandate: 'titular' as const };
const SLUGS = ['aleap', 'caips', 'codef', 'fdss', 'risome'] as const;

function aDecision(documentId: string, contentHash: string, closedAt: string): NewDecision {
  return {
    roundId: randomUUID(),
    roundNumber: 1,
    documentId,
    documentTitle: 'Note sur les permanences',
    version: 1,
    contentHash,
    question: 'Adoptons-nous la note ?',
    rule: 'consensus',
    outcome: 'adopted',
    closeCause: 'facilitator',
    participants: [...SLUGS],
    positions: SLUGS.map((federation) => ({
      federation,
      stance: 'agree' as const,
      reason: null,
      paragraphs: [],
      amendment: null,
      noAmendmentPossible: false,
      castBy: author,
      castAt: '2026-03-02T10:00:00.000Z',
    })),
    objections: [],
    closedAt,
    closedBy: null,
  };
}

/**
 * What an attacker with database access does (triggers bypassed) to what the API serves, and
 * whether verification notices. Each case restores what it changed.
 */
describe('decision register integrity (integration)', () => {
  let sut: TestApp;
  let database: DataSource;
  let decisions: DecisionsService;
  let facilitator: LoginResponse;
  let noteId: string;
  let otherId: string;
  let last: DecisionDto;

  const verify = async (published?: PublishedHead) => {
    const query = published ? `?length=${published.length}&head=${published.head}` : '';
    const response = await sut.http().get(`/api/decisions/verify${query}`).set('authorization', `Bearer ${facilitator.accessToken}`);
    expect(response.status).toBe(200);
    return response.body as DecisionChainVerification;
  };

  async function asDba(...statements: [string, unknown[]?][]): Promise<void> {
    await database.transaction(async (manager) => {
      await manager.query(`ALTER TABLE "decisions" DISABLE TRIGGER USER`);
      await manager.query(`ALTER TABLE "versions" DISABLE TRIGGER USER`);
      for (const [sql, parameters] of statements) await manager.query(sql, parameters);
      await manager.query(`ALTER TABLE "decisions" ENABLE TRIGGER USER`);
      await manager.query(`ALTER TABLE "versions" ENABLE TRIGGER USER`);
    });
  }

  beforeAll(async () => {
    sut = await startTestApp();
    database = sut.app.get(DataSource);
    decisions = sut.app.get(DecisionsService);
    facilitator = await sut.login('secretariat@demo.coupole.be');
    const create = async (kind: string) => {
      const document = await sut.http().post('/api/documents').set('authorization', `Bearer ${facilitator.accessToken}`).send({ title: 'Note sur les permanences', kind, markdown: 'Texte décidé.\n\nSecond paragraphe.' });
      const version = await sut.http().post(`/api/documents/${document.body.id}/versions`).set('authorization', `Bearer ${facilitator.accessToken}`).send({});
      expect(version.status).toBe(201);
      return { id: document.body.id as string, contentHash: version.body.contentHash as string };
    };
    const note = await create('note_technique');
    const other = await create('memorandum');
    noteId = note.id;
    otherId = other.id;
    await database.transaction((manager) => decisions.append(manager, aDecision(otherId, other.contentHash, '2026-03-03T09:00:00.000Z')));
    last = await database.transaction((manager) => decisions.append(manager, aDecision(noteId, note.contentHash, '2026-03-04T09:00:00.000Z')));
  });

  afterAll(() => sut?.close());

  it('hashes the document kind with the record (format 2) and verifies', async () => {
    const [row] = (await database.query(`SELECT "record" FROM "decisions" WHERE "seq" = $1`, [last.seq])) as { record: DecisionDto }[];

    expect(row.record).toMatchObject({ recordVersion: DECISION_RECORD_VERSION, documentKind: 'note_technique' });
    await expect(verify()).resolves.toEqual({ valid: true, length: last.seq, head: last.hash, visible: last.seq });
  });

  it.each([
    ['document_kind', `UPDATE "decisions" SET "document_kind" = 'communique' WHERE "seq" = $1`, `UPDATE "decisions" SET "document_kind" = 'note_technique' WHERE "seq" = $1`],
    ['closed_at', `UPDATE "decisions" SET "closed_at" = "closed_at" - interval '1 day' WHERE "seq" = $1`, `UPDATE "decisions" SET "closed_at" = "closed_at" + interval '1 day' WHERE "seq" = $1`],
    ['round_id', `UPDATE "decisions" SET "round_id" = gen_random_uuid() WHERE "seq" = $1`, `UPDATE "decisions" SET "round_id" = ("record" ->> 'roundId')::uuid WHERE "seq" = $1`],
  ])('names a decision whose served column %s was changed', async (_column, change, restore) => {
    await asDba([change, [last.seq]]);

    await expect(verify()).resolves.toMatchObject({ valid: false, firstBrokenSeq: last.seq, failure: 'row' });
    await asDba([restore, [last.seq]]);
    await expect(verify()).resolves.toMatchObject({ valid: true });
  });

  it('names a decision moved to another document', async () => {
    await asDba([`UPDATE "decisions" SET "document_id" = $2 WHERE "seq" = $1`, [last.seq, otherId]]);

    await expect(verify()).resolves.toMatchObject({ valid: false, firstBrokenSeq: last.seq, failure: 'row' });
    await asDba([`UPDATE "decisions" SET "document_id" = $2 WHERE "seq" = $1`, [last.seq, noteId]]);
  });

  it('names a decision whose decided text was rewritten in versions.markdown', async () => {
    const [original] = (await database.query(`SELECT "markdown" FROM "versions" WHERE "document_id" = $1 AND "number" = 1`, [noteId])) as { markdown: string }[];
    await asDba([`UPDATE "versions" SET "markdown" = 'Texte réécrit.' WHERE "document_id" = $1 AND "number" = 1`, [noteId]]);

    await expect(verify()).resolves.toMatchObject({ valid: false, firstBrokenSeq: last.seq, failure: 'text' });
    await asDba([`UPDATE "versions" SET "markdown" = $2 WHERE "document_id" = $1 AND "number" = 1`, [noteId, original.markdown]]);
    await expect(verify()).resolves.toMatchObject({ valid: true });
  });

  it('publishes the head without a session, and on the export annex', async () => {
    const head = await sut.http().get('/api/decisions/head');
    const exported = await sut.http().get(`/api/documents/${noteId}/export?format=md`).set('authorization', `Bearer ${facilitator.accessToken}`);

    expect(head.status).toBe(200);
    expect(head.body).toEqual({ length: last.seq, head: last.hash });
    expect(exported.text).toContain(`le registre comptait ${last.seq} inscriptions ; la dernière a pour empreinte ${last.hash}.`);
    expect(exported.text).toContain(`/api/decisions/verify?length=${last.seq}&head=${last.hash}`);
  });

  it('keeps verifying a format-1 record (no kind hashed), checking its kind column against the document', async () => {
    const [head] = (await database.query(`SELECT "seq", "hash" FROM "decisions" ORDER BY "seq" DESC LIMIT 1`)) as { seq: string; hash: string }[];
    const [version] = (await database.query(`SELECT "content_hash" FROM "versions" WHERE "document_id" = $1`, [otherId])) as { content_hash: string }[];
    const legacy = appendDecision({ seq: Number(head.seq), hash: head.hash }, aDecision(otherId, version.content_hash, '2026-03-05T09:00:00.000Z'), nativeSha256Hex);
    const { hash, ...record } = legacy;
    await database.query(
      `INSERT INTO "decisions" ("seq", "round_id", "document_id", "document_kind", "record", "prev_hash", "hash", "closed_at", "search_text")
       VALUES ($1, $2, $3, 'memorandum', $4, $5, $6, $7, '')`,
      [legacy.seq, legacy.roundId, otherId, JSON.stringify(record), legacy.prevHash, hash, legacy.closedAt],
    );

    await expect(verify()).resolves.toEqual({ valid: true, length: legacy.seq, head: hash, visible: legacy.seq });
    await asDba([`UPDATE "decisions" SET "document_kind" = 'analyse' WHERE "seq" = $1`, [legacy.seq]]);
    await expect(verify()).resolves.toMatchObject({ valid: false, firstBrokenSeq: legacy.seq, failure: 'row' });
    await asDba([`UPDATE "decisions" SET "document_kind" = 'memorandum' WHERE "seq" = $1`, [legacy.seq]]);
    last = legacy;
  });

  // Last: these rewrite the register for good.
  it('detects a deleted last decision against the head published before', async () => {
    const published = (await sut.http().get('/api/decisions/head')).body as PublishedHead;
    await asDba([`DELETE FROM "decisions" WHERE "seq" = $1`, [published.length]]);

    await expect(verify()).resolves.toMatchObject({ valid: true, length: published.length - 1 });
    await expect(verify(published)).resolves.toMatchObject({ valid: false, firstBrokenSeq: published.length, failure: 'published_head' });
  });

  it('detects a chain recomputed after an altered record against the head published before', async () => {
    const published = (await sut.http().get('/api/decisions/head')).body as PublishedHead;
    const rows = (await database.query(`SELECT "seq", "record" FROM "decisions" ORDER BY "seq"`)) as { seq: string; record: DecisionDto }[];
    const rewritten: DecisionDto[] = [];
    for (const row of rows) {
      const { seq: _seq, prevHash: _prevHash, ...fields } = row.record;
      const altered = Number(row.seq) === published.length ? { ...fields, outcome: 'blocked' as const } : fields;
      rewritten.push(appendDecision(rewritten.at(-1) ?? null, altered, nativeSha256Hex));
    }
    await asDba(
      ...rewritten.map((decision): [string, unknown[]] => {
        const { hash, ...record } = decision;
        return [`UPDATE "decisions" SET "record" = $2, "prev_hash" = $3, "hash" = $4 WHERE "seq" = $1`, [decision.seq, JSON.stringify(record), decision.prevHash, hash]];
      }),
    );

    await expect(verify()).resolves.toMatchObject({ valid: true, length: published.length });
    await expect(verify(published)).resolves.toMatchObject({ valid: false, firstBrokenSeq: published.length, failure: 'published_head' });
  });

  it('refuses a malformed published head with 400', async () => {
    const response = await sut.http().get('/api/decisions/verify?length=2&head=xyz').set('authorization', `Bearer ${facilitator.accessToken}`);

    expect(response.status).toBe(400);
    expect(response.body.message.join(' ')).toMatch(/head must be 64 lowercase hexadecimal/);
  });
});
