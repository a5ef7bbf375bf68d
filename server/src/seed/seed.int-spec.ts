import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { startTestApp, TestApp } from '../test/test-app';
import { User } from '../users/user.entity';
import { DEMO_ACCOUNTS } from './demo-users.seed';
import { SeedModule } from './seed.module';
import { SeedService } from './seed.service';

const DAY = 24 * 60 * 60 * 1000;

describe(SeedService.name, () => {
  let app: TestApp;
  let sut: SeedService;
  let users: () => Promise<User[]>;

  beforeAll(async () => {
    app = await startTestApp();
    sut = app.app.get(SeedService);
    const dataSource = app.app.get(DataSource);
    users = () => dataSource.getRepository(User).find({ order: { email: 'ASC' } });
  });

  afterAll(() => app?.close());

  it('creates every demo account on boot, with the demo password and no forced change', async () => {
    const seeded = await users();

    expect(seeded.map((user) => user.email)).toEqual(DEMO_ACCOUNTS.map((account) => account.email).sort());
    expect(seeded.every((user) => !user.mustChangePassword && user.active)).toBe(true);
    await expect(app.login('caips-suppleant@demo.coupole.be', 'coupole-demo')).resolves.toMatchObject({
      user: { role: 'representative', federation: 'caips', mandate: 'substitute' },
    });
  });

  it('invites the demo observer to two documents, which they see and nothing else', async () => {
    const observer = await app.login('observateur@demo.coupole.be');
    const documents = await app.http().get('/api/documents').set('Authorization', `Bearer ${observer.accessToken}`);

    expect(documents.body.items.map((item: { title: string }) => item.title).sort()).toEqual([
      'Mémorandum 2026 de la Coupole',
      'Note propositionnelle — réforme 2025 du Parcours d’intégration',
    ]);
    await sut.seed();
    const again = await app.http().get('/api/documents').set('Authorization', `Bearer ${observer.accessToken}`);
    expect(again.body.total).toBe(2);
  });

  it('is idempotent: seeding again changes no account and duplicates nothing', async () => {
    const before = await users();

    await sut.seed();
    await sut.seed();

    const after = await users();
    expect(after.map(({ id, email, passwordHash, role, federationSlug, mandate }) => ({ id, email, passwordHash, role, federationSlug, mandate }))).toEqual(
      before.map(({ id, email, passwordHash, role, federationSlug, mandate }) => ({ id, email, passwordHash, role, federationSlug, mandate })),
    );
  });

  it('opens the letter’s round with an objection and a reservation that each amend a few words as suggestions, and adds none when it runs again', async () => {
    const secretariat = await app.login('secretariat@demo.coupole.be');
    const get = (path: string) => app.http().get(path).set('Authorization', `Bearer ${secretariat.accessToken}`);
    const [letter] = (await get('/api/documents?kind=courrier')).body.items as { id: string }[];
    const [round] = (await get(`/api/documents/${letter.id}/rounds`)).body.items as { id: string; status: string }[];
    const amendments = async () => {
      const detail = (await get(`/api/rounds/${round.id}`)).body;
      const suggestions = (await get(`/api/documents/${letter.id}/suggestions`)).body.items as { quote: string; replacement: string; objectionId: string | null; reservationId: string | null }[];
      return { detail, suggestions };
    };

    const { detail, suggestions } = await amendments();

    expect(round.status).toBe('open');
    expect(detail.objections).toMatchObject([{ federation: 'risome', state: 'open' }]);
    expect(detail.reservations).toMatchObject([{ federation: 'codef', state: 'open' }]);
    // Written in one transaction, the suggestions of one cast share their creation time: compared sorted.
    const changes = (owned: typeof suggestions) => owned.map(({ quote, replacement }) => [quote, replacement]).sort();
    expect(changes(suggestions.filter((suggestion) => suggestion.objectionId === detail.objections[0].id))).toEqual([
      ['80', '90'],
      ['dès', 'dans le mois qui suit'],
    ]);
    expect(changes(suggestions.filter((suggestion) => suggestion.reservationId === detail.reservations[0].id))).toEqual([
      ['alors que les actions avaient déjà commencé', 'quatre mois après le début des actions'],
      ['des', 'jusqu’à six mois de'],
    ]);
    await sut.seed();
    const again = await amendments();
    expect(again.suggestions).toHaveLength(suggestions.length);
    expect(again.detail.reservations).toHaveLength(1);
  });

  it('shows the mandates, meetings and publication of the demo, and adds none of them when it runs again days later', async () => {
    const { accessToken } = await app.login('secretariat@demo.coupole.be');
    const get = async (path: string) => {
      const response = await app.http().get(path).set('Authorization', `Bearer ${accessToken}`);
      expect(response.status).toBe(200);
      return response.body;
    };
    const memorandum = (await get('/api/documents?q=Mémorandum')).items.find((item: { title: string }) => item.title === 'Mémorandum 2026 de la Coupole');
    const demo = async () => ({
      mandates: (await get('/api/mandates')).items.map((mandate: { body: { name: string }; holder: { displayName: string }; startDate: string }) => ({
        body: mandate.body.name,
        holder: mandate.holder.displayName,
        startDate: mandate.startDate,
      })),
      meetings: (await get('/api/meetings')).items.map((meeting: { id: string; title: string; start: string }) => ({ id: meeting.id, title: meeting.title, start: meeting.start })),
      actions: (await get('/api/actions/mine')).total as number,
      positions: (await get('/api/public/positions')).items.map((position: { slug: string; publishedAt: string }) => ({ slug: position.slug, publishedAt: position.publishedAt })),
      timeline: (await get(`/api/documents/${memorandum.id}/timeline`)).items.map((event: { id: string }) => event.id),
      dispatches: (await get(`/api/documents/${memorandum.id}/dispatches`)).total as number,
    });
    const first = await demo();
    const published = (await get(`/api/documents/${memorandum.id}/timeline`)).items.filter((event: { type: string }) => event.type === 'document.published');
    const decision = (await get(`/api/decisions?q=Mémorandum`)).items[0];

    expect(first.mandates).toHaveLength(6);
    expect(first.meetings.map((meeting: { title: string }) => meeting.title)).toContain('Réunion mensuelle de la Coupole');
    expect(first.meetings).toHaveLength(5);
    expect(first.actions).toBe(1);
    expect(first.positions).toHaveLength(1);
    expect(published).toEqual([expect.objectContaining({ actor: expect.objectContaining({ displayName: 'Julien Dethier' }), at: first.positions[0].publishedAt })]);
    expect(Date.parse(published[0].at)).toBeGreaterThan(Date.parse(decision.closedAt));

    const clock = app.app.select(SeedModule).get(Clock);
    const realNow = clock.now.bind(clock);
    const later = jest.spyOn(clock, 'now').mockImplementation(() => new Date(realNow().getTime() + 3 * DAY));
    try {
      await sut.seed();
    } finally {
      later.mockRestore();
    }

    expect(await demo()).toEqual(first);
  });

  it('restores a demo account’s role but keeps a password its owner changed', async () => {
    const dataSource = app.app.get(DataSource);
    const codef = await dataSource.getRepository(User).findOneByOrFail({ email: 'codef@demo.coupole.be' });
    await dataSource.getRepository(User).update({ id: codef.id }, { role: 'observer', federationSlug: null, mandate: null, passwordHash: 'changed' });

    await sut.seed();

    expect(await dataSource.getRepository(User).findOneByOrFail({ id: codef.id })).toMatchObject({
      role: 'representative',
      federationSlug: 'codef',
      mandate: 'titular',
      passwordHash: 'changed',
    });
  });
});
