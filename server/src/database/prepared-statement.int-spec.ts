import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthSession } from '../auth/auth-session.entity';
import { Decision } from '../decisions/decision.entity';
import { startTestApp, TestApp } from '../test/test-app';
import { User } from '../users/user.entity';
import { PreparedEntityQuery } from './prepared-statement';

describe('PreparedEntityQuery (integration)', () => {
  let sut: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    sut = await startTestApp();
    dataSource = sut.app.get<DataSource>(getDataSourceToken());
    await sut.login('caips@demo.coupole.be');
  });

  afterAll(() => sut?.close());

  it('reads the same entity as TypeORM, as an instance of its class, every column typed alike', async () => {
    const byEmail = new PreparedEntityQuery(dataSource, User, 'spec.user-by-email', '"email" = $1');
    const expected = await dataSource.getRepository(User).findOneByOrFail({ email: 'caips@demo.coupole.be' });

    const found = await byEmail.findOne(['caips@demo.coupole.be']);

    expect(found).toBeInstanceOf(User);
    expect(found).toEqual(expected);
    expect(found!.lastSignInAt).toBeInstanceOf(Date);
    expect(found!.federationSlug).toBe('caips');
    // Running it again binds the statement prepared on this connection: same answer.
    expect(await byEmail.findOne(['caips@demo.coupole.be'])).toEqual(expected);
  });

  it("applies a column's transformer and reads jsonb as TypeORM does", async () => {
    const [expected] = await dataSource.getRepository(Decision).find({ order: { seq: 'ASC' }, take: 1 });
    expect(expected).toBeDefined();

    const found = await new PreparedEntityQuery(dataSource, Decision, 'spec.decision-by-seq', '"seq" = $1').findOne([expected.seq]);

    expect(found).toEqual(expected);
    expect(typeof found!.seq).toBe('number');
    expect(found!.record).toEqual(expect.objectContaining({ seq: expected.seq }));
  });

  it('binds every value in the WHERE clause and answers null when no row matches', async () => {
    const user = await dataSource.getRepository(User).findOneByOrFail({ email: 'caips@demo.coupole.be' });
    const [session] = await dataSource.getRepository(AuthSession).find({ where: { userId: user.id }, order: { createdAt: 'DESC' }, take: 1 });
    const live = new PreparedEntityQuery(dataSource, AuthSession, 'spec.live-session', '"id" = $1 AND "user_id" = $2 AND "expires_at" > $3');

    expect(await live.findOne([session.id, user.id, new Date()])).toEqual(session);
    expect(await live.findOne([session.id, user.id, new Date(session.expiresAt.getTime() + 1)])).toBeNull();
    expect(await live.find([session.id, session.id, new Date()])).toEqual([]);
  });
});
