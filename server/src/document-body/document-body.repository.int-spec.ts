import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { demoSessions } from '../test/demo-sessions';
import { startTestApp, TestApp } from '../test/test-app';
import { DocumentBodyRepository } from './document-body.repository';

describe('DocumentBodyRepository.insertUpdates (integration)', () => {
  let sut: TestApp;
  let dataSource: DataSource;
  let bodies: DocumentBodyRepository;
  const { as, signIn } = demoSessions(() => sut);

  beforeAll(async () => {
    sut = await startTestApp();
    dataSource = sut.app.get<DataSource>(getDataSourceToken());
    bodies = sut.app.get(DocumentBodyRepository);
    await signIn(['secretariat']);
  });

  afterAll(() => sut?.close());

  const newDocument = async (title: string): Promise<string> => {
    const created = await as('secretariat').post('/api/documents', { title, kind: 'note_technique', markdown: 'Texte.' }).expect(201);
    return created.body.id as string;
  };
  const storedOf = async (documentId: string) =>
    (await dataSource.query('SELECT "update", "actor_id" FROM "document_updates" WHERE "document_id" = $1 ORDER BY "seq"', [documentId])) as {
      update: Buffer;
      actor_id: string | null;
    }[];

  it('stores a batch in order, whatever its size, and refuses only the rows of a document no longer editable', async () => {
    const open = await newDocument('Ouverte');
    const sealed = await newDocument('Scellée');
    await dataSource.query('UPDATE "document_snapshots" SET "editable" = false WHERE "document_id" = $1', [sealed]);
    const [actor] = (await dataSource.query(`SELECT "id" FROM "users" WHERE "email" = 'caips@demo.coupole.be'`)) as { id: string }[];
    const before = (await storedOf(open)).length;
    const bytes = (...values: number[]) => new Uint8Array(values);

    const refused = await bodies.insertUpdates([
      { documentId: open, update: bytes(1, 2, 3), actorId: actor.id },
      { documentId: sealed, update: bytes(9), actorId: actor.id },
      { documentId: open, update: bytes(4), actorId: null },
      // A view into a larger buffer: only its own bytes are stored.
      { documentId: open, update: new Uint8Array(bytes(0, 5, 6, 0).buffer, 1, 2), actorId: actor.id },
    ]);

    expect([...refused]).toEqual([sealed]);
    expect(await storedOf(sealed)).toEqual([]);
    const stored = (await storedOf(open)).slice(before);
    expect(stored.map((row) => [...row.update])).toEqual([[1, 2, 3], [4], [5, 6]]);
    expect(stored.map((row) => row.actor_id)).toEqual([actor.id, null, actor.id]);
    // The same prepared statement with one row.
    expect(await bodies.insertUpdates([{ documentId: open, update: bytes(7), actorId: actor.id }])).toEqual(new Set());
    expect((await storedOf(open)).slice(before).map((row) => [...row.update])).toEqual([[1, 2, 3], [4], [5, 6], [7]]);
  });
});
