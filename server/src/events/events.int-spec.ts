import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Document } from '../documents/document.entity';
import { startTestApp, TestApp } from '../test/test-app';
import { User } from '../users/user.entity';
import { EventsService } from './events.service';

describe('EventsService (integration)', () => {
  let app: TestApp;
  let sut: EventsService;
  let dataSource: DataSource;
  let secretariat: User;
  let aleap: User;

  beforeAll(async () => {
    app = await startTestApp();
    sut = app.app.get(EventsService);
    dataSource = app.app.get<DataSource>(getDataSourceToken());
    secretariat = await dataSource.getRepository(User).findOneByOrFail({ email: 'secretariat@demo.coupole.be' });
    aleap = await dataSource.getRepository(User).findOneByOrFail({ email: 'aleap@demo.coupole.be' });
  });

  afterAll(() => app?.close());

  async function newDocument(title: string): Promise<Document> {
    const repository = dataSource.getRepository(Document);
    const document = repository.create({ title, kind: 'analyse', createdById: secretariat.id });
    await repository.insert(document);
    return document;
  }

  it('records events inside a transaction with its manager and reads them back oldest first with the actor', async () => {
    const document = await newDocument('Analyse des listes d’attente');

    await dataSource.transaction(async (manager) => {
      await sut.record(manager, { documentId: document.id, type: 'document.created', actorId: secretariat.id, payload: { title: document.title, kind: 'analyse' } });
      await sut.record(manager, { documentId: document.id, type: 'document.renamed', actorId: null, payload: { title: 'Nouveau titre', previousTitle: document.title } });
    });

    const timeline = await sut.timeline(document.id);
    expect(timeline.total).toBe(2);
    expect(timeline.items.map((item) => item.type)).toEqual(['document.created', 'document.renamed']);
    expect(timeline.items[0]).toMatchObject({
      actor: { id: secretariat.id, displayName: 'Julien Dethier', federation: null },
      payload: { title: 'Analyse des listes d’attente', kind: 'analyse' },
    });
    expect(timeline.items[1].actor).toBeNull();
  });

  it('groups one person’s live edits of the same quarter-hour into one item', async () => {
    const document = await newDocument('Note sur les FLE');
    const base = Date.parse('2025-03-10T09:00:00Z');
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    for (const minutes of [1, 4, 9]) {
      await sut.record(null, { documentId: document.id, type: 'document.edited', actorId: aleap.id, at: at(minutes), payload: { length: minutes * 100 } });
    }
    await sut.record(null, { documentId: document.id, type: 'document.edited', actorId: secretariat.id, at: at(5), payload: { length: 50 } });
    await sut.record(null, { documentId: document.id, type: 'document.edited', actorId: aleap.id, at: at(16), payload: { length: 1600 } });

    const { items } = await sut.timeline(document.id);

    expect(items.map((item) => [item.actor?.id, item.at, item.until, item.count])).toEqual([
      [aleap.id, at(1).toISOString(), at(9).toISOString(), 3],
      [secretariat.id, at(5).toISOString(), at(5).toISOString(), 1],
      [aleap.id, at(16).toISOString(), at(16).toISOString(), 1],
    ]);
    expect(items[0].payload).toEqual({ length: 900 });
  });
});
