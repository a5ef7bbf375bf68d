import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../test/test-app';
import { User } from '../users/user.entity';
import { DEMO_ACCOUNTS } from './demo-users.seed';
import { SeedService } from './seed.service';

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
